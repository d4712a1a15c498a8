namespace Bilansoft.Application.Webhooks;

/// <summary>The record of one accepted webhook delivery.</summary>
/// <param name="Source">The sender, such as <c>bank</c> or <c>peppol</c>.</param>
/// <param name="OrganisationId">The organisation the delivery was for; null for deliveries not tied to one.</param>
/// <param name="DeliveryKey">
/// What makes the delivery unique: <c>event:{eventId}</c> when the payload has an event id, so a
/// sender's re-signed retry of the same event is recognised, otherwise <c>signature:{hex SHA-256 of
/// the matching signature}</c>.
/// </param>
/// <param name="SignedAt">The timestamp of the signature.</param>
/// <param name="ReceivedAt">When Bilansoft accepted the delivery.</param>
public sealed record WebhookReceipt(string Source, string? OrganisationId, string DeliveryKey, DateTimeOffset SignedAt, DateTimeOffset ReceivedAt);
