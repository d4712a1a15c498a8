namespace Bilansoft.Application.Mail;

/// <summary>
/// Sending an e-mail failed. A transient failure (rate limit, server error, time-out, network
/// error) may succeed when the message is sent again later, so a queue step lets the trigger
/// retry it. A permanent failure (invalid recipient or sender, rejected content, wrong API key)
/// fails again on every retry, so the step records it instead.
/// </summary>
/// <remarks>The message never contains recipient addresses or message content, so it is safe to log.</remarks>
public sealed class MailSendException : Exception
{
    public MailSendException(string message, bool isTransient, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
    }

    public MailSendException()
    {
    }

    public MailSendException(string message)
        : base(message)
    {
    }

    public MailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether sending the same message again later can succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The provider's HTTP status code; null when no response arrived.</summary>
    public int? StatusCode { get; }
}
