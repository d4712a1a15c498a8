using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Documents;

/// <summary>A way an issued invoice or credit note reaches the customer.</summary>
public enum DocumentChannel
{
    /// <summary>An e-mail with the PDF and the UBL file attached.</summary>
    Email,

    /// <summary>A Peppol BIS Billing 3.0 document through the access point.</summary>
    Peppol,
}

/// <summary>How far one channel of a document got.</summary>
public enum DeliveryStatus
{
    /// <summary>A send request waits for the delivery step, or the step is retrying a transient failure.</summary>
    Queued,

    /// <summary>The mail provider or the access point accepted the document.</summary>
    Sent,

    /// <summary>The receiving access point confirmed receipt (Peppol only).</summary>
    Delivered,

    /// <summary>Sending failed for good; <see cref="ChannelDelivery.FailureCode"/> says why.</summary>
    Failed,
}

/// <summary>
/// The delivery state of one issued invoice or credit note: where its files are and how each
/// channel went. Stored as one row per document in the organisation partition, so a state change,
/// its audit entries and the message it causes commit together.
/// </summary>
public sealed record DocumentDelivery
{
    /// <summary>The document, as 32 hex characters.</summary>
    public required string DocumentId { get; init; }

    public required SalesDocumentKind Kind { get; init; }

    /// <summary>The document number (BT-1).</summary>
    public required string Number { get; init; }

    /// <summary>The stored PDF and UBL files; null until the render step or a download stored them.</summary>
    public RenderedFiles? Files { get; init; }

    /// <summary>
    /// Id of the issue message whose render step queued the first delivery. A render step that
    /// runs again for the same message finds it here and queues nothing twice.
    /// </summary>
    public string? RenderRequestId { get; init; }

    /// <summary>Why the last render attempt failed for good; null when rendering worked or never ran out of retries.</summary>
    public string? RenderFailure { get; init; }

    /// <summary>One entry per channel that was ever requested, at most one per channel.</summary>
    public IReadOnlyList<ChannelDelivery> Channels { get; init; } = [];

    /// <summary>Returns the entry of <paramref name="channel"/>, or null when it was never requested.</summary>
    public ChannelDelivery? Channel(DocumentChannel channel) => Channels.FirstOrDefault(entry => entry.Channel == channel);

    /// <summary>Returns a copy in which the entry of <paramref name="entry"/>'s channel is replaced or added.</summary>
    public DocumentDelivery With(ChannelDelivery entry) => this with
    {
        Channels = [.. Channels.Where(existing => existing.Channel != entry.Channel), entry],
    };
}

/// <summary>Names, sizes and SHA-256 hashes of the stored files of a document.</summary>
/// <param name="StoredAt">When the files were first stored.</param>
/// <param name="PdfSha256">Lowercase hex SHA-256 of the PDF.</param>
/// <param name="PdfBytes">Size of the PDF in bytes.</param>
/// <param name="UblSha256">Lowercase hex SHA-256 of the UBL file, or null for a kind without UBL.</param>
/// <param name="UblBytes">Size of the UBL file in bytes, or null.</param>
public sealed record RenderedFiles(DateTimeOffset StoredAt, string PdfSha256, long PdfBytes, string? UblSha256, long? UblBytes);

/// <summary>The state of one channel of one document.</summary>
public sealed record ChannelDelivery
{
    public required DocumentChannel Channel { get; init; }

    public required DeliveryStatus Status { get; init; }

    /// <summary>
    /// The send request that owns this entry: the issue message id for the automatic delivery, or a
    /// new id for every send by hand. A delivery step acts only on entries of its own request, so a
    /// retried step never repeats a channel that already went out.
    /// </summary>
    public required string RequestId { get; init; }

    /// <summary>User id of who asked for the send, or <c>system</c> for the automatic delivery.</summary>
    public required string RequestedBy { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    /// <summary>Send attempts made for the current request.</summary>
    public int Attempts { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The reason of the last transient failure while the entry is still queued.</summary>
    public string? LastError { get; init; }

    /// <summary>The e-mail address or Peppol participant id the document went to.</summary>
    public string? Recipient { get; init; }

    /// <summary>The mail provider's message id or the access point's transmission id.</summary>
    public string? Reference { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Stable code of the failure, such as <c>recipient-missing</c>, <c>rejected</c> or <c>retries-exhausted</c>.</summary>
    public string? FailureCode { get; init; }

    /// <summary>What went wrong, in English, for support staff: statuses and error codes, never message content.</summary>
    public string? FailureReason { get; init; }

    /// <summary>A new queued entry for <paramref name="requestId"/>.</summary>
    public static ChannelDelivery Queue(DocumentChannel channel, string requestId, string requestedBy, DateTimeOffset now) => new()
    {
        Channel = channel,
        Status = DeliveryStatus.Queued,
        RequestId = requestId,
        RequestedBy = requestedBy,
        QueuedAt = now,
    };

    /// <summary>Returns the entry marked failed for good.</summary>
    public ChannelDelivery Fail(string code, string reason, DateTimeOffset now) => this with
    {
        Status = DeliveryStatus.Failed,
        FailedAt = now,
        FailureCode = code,
        FailureReason = reason,
    };
}

/// <summary>Failure codes recorded on a <see cref="ChannelDelivery"/>.</summary>
public static class DeliveryFailureCodes
{
    /// <summary>The customer has no invoice e-mail address or no Peppol id.</summary>
    public const string RecipientMissing = "recipient-missing";

    /// <summary>The organisation has no enterprise number, so it has no Peppol participant id.</summary>
    public const string SenderMissing = "sender-missing";

    /// <summary>The mail provider or the access point rejected the document for good.</summary>
    public const string Rejected = "rejected";

    /// <summary>The receiving side reported that delivery failed.</summary>
    public const string DeliveryFailed = "delivery-failed";

    /// <summary>Transient failures lasted until the queue's maximum delivery count.</summary>
    public const string RetriesExhausted = "retries-exhausted";

    /// <summary>The step failed unexpectedly on its last delivery.</summary>
    public const string StepFailed = "step-failed";
}
