namespace Bilansoft.Application.Platform;

/// <summary>
/// The correlation id of the request, timer run or message being handled, flowing with the async
/// call chain. Messages published while handling carry it, so every step of a workflow logs the
/// same id.
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The current correlation id, or null outside a request or message.</summary>
    public static string? Current => CurrentId.Value;

    /// <summary>Sets the correlation id for the rest of the current async flow.</summary>
    public static void Set(string correlationId) => CurrentId.Value = correlationId;

    /// <summary>The current correlation id, or a new one when none is set.</summary>
    public static string CurrentOrNew() => CurrentId.Value ?? NewId();

    /// <summary>Creates a correlation id: 32 lowercase hex characters, like a W3C trace id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}
