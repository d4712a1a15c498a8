namespace Bilansoft.Application.Webhooks;

/// <summary>Settings of webhook verification, read from the <c>Webhooks</c> section.</summary>
public sealed class WebhookVerificationOptions
{
    /// <summary>Name of the configuration section.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>
    /// How far a signature's timestamp may lie from the current time, in either direction
    /// (<c>Webhooks__TimestampTolerance</c>, default 5 minutes). Older deliveries are rejected
    /// whether or not a receipt exists, so signature receipts older than this are no longer needed.
    /// </summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
