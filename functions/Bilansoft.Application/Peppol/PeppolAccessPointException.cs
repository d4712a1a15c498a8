namespace Bilansoft.Application.Peppol;

/// <summary>
/// A call to the Peppol access point failed. A transient failure (rate limit, server error,
/// time-out, network error) may succeed when the same call is made again later. Submissions carry
/// an idempotency key, so such a retry never sends a document twice. A permanent failure (invalid
/// document, unknown receiver, wrong API key) fails again on every retry.
/// </summary>
/// <remarks>The message contains status and error codes only, no document content, so it is safe to log.</remarks>
public sealed class PeppolAccessPointException : Exception
{
    public PeppolAccessPointException(string message, bool isTransient, int? statusCode = null, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public PeppolAccessPointException()
    {
    }

    public PeppolAccessPointException(string message)
        : base(message)
    {
    }

    public PeppolAccessPointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the same call can succeed when made again later.</summary>
    public bool IsTransient { get; }

    /// <summary>The access point's HTTP status code; null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The access point's error code from the problem document, such as <c>unknown-receiver</c>.</summary>
    public string? ErrorCode { get; }
}
