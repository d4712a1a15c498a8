namespace Bilansoft.Application.Webhooks;

/// <summary>A webhook request as received, before it is trusted.</summary>
public sealed record WebhookDelivery
{
    /// <summary>
    /// The sender, such as <c>bank</c>, <c>collections</c> or <c>peppol</c>: 1 to 63 lowercase
    /// letters and digits. It selects the secret.
    /// </summary>
    public required string Source { get; init; }

    /// <summary>The organisation from the route, when the sender signs per organisation.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>The value of the <c>Bilansoft-Signature</c> header, or null when the header is missing.</summary>
    public required string? SignatureHeader { get; init; }

    /// <summary>The request body exactly as received, before any JSON parsing or re-encoding.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// The sender's event id when the payload has one (at most 256 characters). Replays are then
    /// detected per event, so a retry that the sender signed anew is rejected too. The caller may
    /// read it from the unverified body, because it is only used after the signature has matched.
    /// </summary>
    public string? EventId { get; init; }
}
