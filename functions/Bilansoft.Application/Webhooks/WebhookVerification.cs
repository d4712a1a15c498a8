namespace Bilansoft.Application.Webhooks;

/// <summary>Outcome of <see cref="WebhookVerifier.VerifyAsync"/>.</summary>
/// <param name="Status">Whether the delivery was accepted, and why not.</param>
/// <param name="Receipt">The stored receipt when the delivery was accepted; pass it to <see cref="WebhookVerifier.ReleaseAsync"/> when handling fails.</param>
public sealed record WebhookVerification(WebhookVerificationStatus Status, WebhookReceipt? Receipt = null)
{
    public bool IsAccepted => Status == WebhookVerificationStatus.Accepted;
}

/// <summary>Why a webhook delivery was accepted or rejected.</summary>
public enum WebhookVerificationStatus
{
    /// <summary>The signature matches, the timestamp is recent and the delivery is new.</summary>
    Accepted,

    /// <summary>The request has no <c>Bilansoft-Signature</c> header.</summary>
    MissingSignature,

    /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;64 hex characters&gt;</c>.</summary>
    MalformedSignature,

    /// <summary>No secret is configured for the source (and organisation).</summary>
    UnknownSource,

    /// <summary>No <c>v1</c> signature matches the body and timestamp under the configured secrets.</summary>
    InvalidSignature,

    /// <summary>The signed timestamp is further in the past or the future than the tolerance allows.</summary>
    TimestampOutsideTolerance,

    /// <summary>The same delivery (or event) was accepted before.</summary>
    Replay,
}
