namespace Bilansoft.Application.Webhooks;

/// <summary>
/// The parsed <c>Bilansoft-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, with
/// one <c>v1</c> entry per secret the sender signed with.
/// </summary>
/// <param name="Timestamp">When the sender signed the delivery, in seconds since the Unix epoch (UTC).</param>
/// <param name="Signatures">The decoded <c>v1</c> HMAC-SHA256 values, 32 bytes each.</param>
public sealed record WebhookSignatureHeader(long Timestamp, IReadOnlyList<byte[]> Signatures);
