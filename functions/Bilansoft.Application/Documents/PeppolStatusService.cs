using Microsoft.Extensions.Logging;

namespace Bilansoft.Application.Documents;

/// <summary>
/// A transmission status that the Peppol access point reports to <c>POST /api/webhooks/peppol</c>.
/// </summary>
/// <param name="EventId">The access point's unique id of this event; a retried event keeps it.</param>
/// <param name="TransmissionId">The transmission the access point returned on submission.</param>
/// <param name="DocumentId">Bilansoft's document id sent with the submission.</param>
/// <param name="Status"><c>accepted</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="OccurredAt">When the status was reached; the receipt time when absent.</param>
/// <param name="Error">Why delivery failed, for <c>failed</c>.</param>
public sealed record PeppolStatusEvent(
    string? EventId,
    string? TransmissionId,
    string? DocumentId,
    string? Status,
    DateTimeOffset? OccurredAt,
    PeppolStatusError? Error);

/// <summary>The access point's reason of a failed transmission.</summary>
/// <param name="Code">Stable error code, such as <c>receiver-rejected</c>.</param>
/// <param name="Message">Explanation for support staff.</param>
public sealed record PeppolStatusError(string? Code, string? Message);

/// <summary>What applying a status event did.</summary>
public enum PeppolStatusOutcome
{
    /// <summary>The delivery state changed.</summary>
    Applied,

    /// <summary>The state already showed this status, or the event concerns an older transmission.</summary>
    Unchanged,

    /// <summary>No transmission with that id was ever submitted by Bilansoft.</summary>
    UnknownTransmission,

    /// <summary>
    /// The transmission is indexed, but the delivery step has not stored it on the document yet;
    /// the sender retries the event later.
    /// </summary>
    NotRecordedYet,
}

/// <summary>Applies the access point's transmission statuses to the delivery state of documents.</summary>
public sealed partial class PeppolStatusService
{
    private readonly IPeppolTransmissionIndex _transmissions;
    private readonly DocumentDeliveries _deliveries;
    private readonly ILogger<PeppolStatusService> _logger;

    public PeppolStatusService(IPeppolTransmissionIndex transmissions, DocumentDeliveries deliveries, ILogger<PeppolStatusService> logger)
    {
        _transmissions = transmissions;
        _deliveries = deliveries;
        _logger = logger;
    }

    /// <summary>
    /// Marks the Peppol channel of the transmission's document delivered or failed. An event for a
    /// status already recorded changes nothing, so a replay that passed the receipt check is harmless.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Invalid when the transmission id or status is missing or unknown.</exception>
    public async Task<PeppolStatusOutcome> ApplyAsync(PeppolStatusEvent status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);

        var rules = new Platform.InputRules();
        var transmissionId = rules.Required(status.TransmissionId, "transmissionId", 200);
        var target = status.Status?.Trim().ToLowerInvariant() switch
        {
            "accepted" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "failed" => DeliveryStatus.Failed,
            _ => (DeliveryStatus?)null,
        };
        if (target is null)
        {
            rules.Add(Catalog.CatalogErrorCodes.InvalidChoice, "status", new Dictionary<string, object?> { ["value"] = status.Status, ["allowed"] = "accepted, delivered, failed" });
        }

        rules.ThrowIfInvalid();

        if (await _transmissions.FindAsync(transmissionId, cancellationToken) is not { } found)
        {
            LogUnknown(_logger, transmissionId);
            return PeppolStatusOutcome.UnknownTransmission;
        }

        var applied = false;
        var notRecordedYet = false;
        await _deliveries.UpdateAsync(found.OrganisationId, found.DocumentId, current =>
        {
            applied = false;

            // The transmission is indexed before the delivery step stores it, so a fast status
            // event can find the channel still queued without a reference.
            notRecordedYet = current?.Channel(DocumentChannel.Peppol) is { Status: DeliveryStatus.Queued, Reference: null };
            if (current?.Channel(DocumentChannel.Peppol) is not { } entry || entry.Reference != transmissionId || target == DeliveryStatus.Sent)
            {
                return null;
            }

            var now = _deliveries.Now;
            var details = new Dictionary<string, string?> { ["channel"] = "peppol", ["reference"] = transmissionId, ["eventId"] = status.EventId };
            if (target == DeliveryStatus.Delivered)
            {
                if (entry.Status == DeliveryStatus.Delivered)
                {
                    return null;
                }

                entry = entry with { Status = DeliveryStatus.Delivered, DeliveredAt = status.OccurredAt ?? now, SentAt = entry.SentAt ?? now, FailureCode = null, FailureReason = null, FailedAt = null };
                applied = true;
                return new DeliveryChange(current.With(entry), _deliveries.Audit(DocumentDeliveries.System, current, "delivered", details));
            }

            if (entry.Status == DeliveryStatus.Failed && entry.FailureCode == DeliveryFailureCodes.DeliveryFailed)
            {
                return null;
            }

            var reason = $"The access point reported delivery failed: {status.Error?.Code ?? "no code"}. {status.Error?.Message}".Trim();
            entry = entry.Fail(DeliveryFailureCodes.DeliveryFailed, reason, status.OccurredAt ?? now);
            applied = true;
            return new DeliveryChange(current.With(entry), _deliveries.Audit(DocumentDeliveries.System, current, "delivery-failed", DocumentRenderStep.FailureDetails(entry)));
        }, cancellationToken);

        LogApplied(_logger, transmissionId, found.DocumentId, found.OrganisationId, target!.Value, applied);
        if (notRecordedYet && target != DeliveryStatus.Sent)
        {
            return PeppolStatusOutcome.NotRecordedYet;
        }

        return applied ? PeppolStatusOutcome.Applied : PeppolStatusOutcome.Unchanged;
    }

    [LoggerMessage(EventId = 3131, Level = LogLevel.Warning, Message = "Peppol status for unknown transmission {TransmissionId} ignored")]
    private static partial void LogUnknown(ILogger logger, string transmissionId);

    [LoggerMessage(EventId = 3132, Level = LogLevel.Information, Message = "Peppol status {Status} of transmission {TransmissionId} for document {DocumentId} of organisation {OrganisationId}; state changed: {Applied}")]
    private static partial void LogApplied(ILogger logger, string transmissionId, string documentId, string organisationId, DeliveryStatus status, bool applied);
}
