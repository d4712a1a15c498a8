using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Documents;

/// <summary>
/// The step after an invoice or credit note is issued: it stores the PDF and the UBL, queues the
/// customer's channels and asks the delivery step to send them, in one transaction with the state.
/// </summary>
/// <remarks>
/// The step can run twice for one issue message (a crash after its commit, before the queue saw it
/// complete). Stored files are kept as they are, and the state records the issue message that
/// queued the channels, so a second run queues nothing and sends nothing.
/// </remarks>
public sealed partial class DocumentRenderStep
{
    private readonly ISalesDocumentReader _documents;
    private readonly ICustomerStore _customers;
    private readonly IOrganisationStore _organisations;
    private readonly DocumentRenderer _renderer;
    private readonly DocumentDeliveries _deliveries;
    private readonly DocumentDeliveryOptions _options;
    private readonly ILogger<DocumentRenderStep> _logger;

    public DocumentRenderStep(
        ISalesDocumentReader documents,
        ICustomerStore customers,
        IOrganisationStore organisations,
        DocumentRenderer renderer,
        DocumentDeliveries deliveries,
        IOptions<DocumentDeliveryOptions> options,
        ILogger<DocumentRenderStep> logger)
    {
        _documents = documents;
        _customers = customers;
        _organisations = organisations;
        _renderer = renderer;
        _deliveries = deliveries;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Handles one <c>invoice-issued</c> or <c>credit-note-issued</c> message.</summary>
    /// <param name="message">The issue message; its id identifies the automatic send request.</param>
    /// <param name="deliveryCount">How often the queue has delivered this message, 1 the first time.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <exception cref="UblRuleViolationException">The UBL breaks a checked rule; the queue retries and finally dead-letters the message.</exception>
    public async Task HandleAsync(MessageEnvelope message, int deliveryCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        var payload = message.ReadPayload<DocumentIssuedPayload>();
        try
        {
            await RenderAsync(message.OrganisationId, payload, message.Id, cancellationToken);
        }
        catch (Exception exception) when (deliveryCount >= _options.MaxDeliveryCount && exception is not OperationCanceledException)
        {
            // The message goes to the dead-letter queue next; the document must show why.
            await RecordRenderFailureAsync(message.OrganisationId, payload, $"Rendering failed on delivery {deliveryCount}: {exception.Message}", cancellationToken);
            throw;
        }
    }

    private async Task RenderAsync(string organisationId, DocumentIssuedPayload payload, string requestId, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(organisationId, payload.DocumentId, cancellationToken);
        var document = record.Document;
        StoredDocumentFiles files;
        try
        {
            files = await _renderer.EnsureStoredAsync(organisationId, record, cancellationToken);
        }
        catch (ProblemException problem) when (problem.Code == DocumentErrorCodes.OrganisationProfileIncomplete)
        {
            // Retrying cannot complete the profile; record it so the user can fix it and send by hand.
            LogProfileIncomplete(_logger, payload.DocumentId, organisationId, problem.Arguments["fields"] as string ?? string.Empty);
            await RecordRenderFailureAsync(organisationId, payload, $"The organisation profile lacks: {problem.Arguments["fields"]}.", cancellationToken);
            return;
        }

        var customer = string.IsNullOrEmpty(document.Customer.CustomerId)
            ? null
            : (await _customers.GetAsync(organisationId, document.Customer.CustomerId, cancellationToken))?.Value;
        var seller = (await _organisations.GetAsync(organisationId, cancellationToken))?.Value.Profile
            ?? throw new InvalidOperationException($"Organisation {organisationId} does not exist.");
        var channels = DeliveryRecipients.ChannelsOf(customer?.DeliveryChannel ?? DeliveryChannel.Email);

        var state = await _deliveries.UpdateAsync(organisationId, payload.DocumentId, current =>
        {
            if (current?.RenderRequestId == requestId)
            {
                return null;
            }

            var now = _deliveries.Now;
            var delivery = (current ?? DocumentDeliveries.NewState(document)) with
            {
                Files = current?.Files ?? files.Info,
                RenderRequestId = requestId,
                RenderFailure = null,
            };
            var audit = new List<AuditEntry>();
            foreach (var channel in channels)
            {
                // A channel sent by hand before this step ran is not sent again automatically.
                if (delivery.Channel(channel) is { Status: DeliveryStatus.Sent or DeliveryStatus.Delivered })
                {
                    continue;
                }

                var entry = ChannelDelivery.Queue(channel, requestId, DocumentDeliveries.System.UserId, now);
                if (DeliveryRecipients.MissingFor(channel, document, customer, seller) is { } missing)
                {
                    entry = entry.Fail(DeliveryFailureCodes.RecipientMissing, missing, now);
                    audit.Add(_deliveries.Audit(DocumentDeliveries.System, delivery, "delivery-failed", FailureDetails(entry)));
                }

                delivery = delivery.With(entry);
            }

            var queued = delivery.Channels.Any(entry => entry.RequestId == requestId && entry.Status == DeliveryStatus.Queued);
            return new DeliveryChange(delivery, audit, queued ? [_deliveries.DeliveryMessage(organisationId, delivery, requestId)] : []);
        }, cancellationToken);

        var outcome = string.Join(", ", state?.Channels.Where(c => c.RequestId == requestId).Select(c => $"{c.Channel}:{c.Status}") ?? []);
        LogRendered(_logger, document.Kind, payload.DocumentId, organisationId, outcome);
    }

    private async Task<SalesDocumentRecord> LoadAsync(string organisationId, string documentId, CancellationToken cancellationToken)
    {
        if (!SalesDocumentId.TryParse(documentId, out var id))
        {
            throw new InvalidOperationException($"The issue message names document '{documentId}', which is not a document id.");
        }

        var record = await _documents.GetAsync(organisationId, id, cancellationToken)
            ?? throw new InvalidOperationException($"Document {documentId} of organisation {organisationId} does not exist.");
        return record.Value;
    }

    private async Task RecordRenderFailureAsync(string organisationId, DocumentIssuedPayload payload, string reason, CancellationToken cancellationToken)
    {
        var record = await LoadAsync(organisationId, payload.DocumentId, cancellationToken);
        await _deliveries.UpdateAsync(organisationId, payload.DocumentId, current =>
        {
            var delivery = (current ?? DocumentDeliveries.NewState(record.Document)) with { RenderFailure = reason };
            return new DeliveryChange(delivery, _deliveries.Audit(DocumentDeliveries.System, delivery, "render-failed", new Dictionary<string, string?> { ["reason"] = reason }));
        }, cancellationToken);
    }

    internal static Dictionary<string, string?> FailureDetails(ChannelDelivery entry) => new()
    {
        ["channel"] = entry.Channel.ToString().ToLowerInvariant(),
        ["code"] = entry.FailureCode,
        ["reason"] = entry.FailureReason,
        ["requestId"] = entry.RequestId,
    };

    [LoggerMessage(EventId = 3111, Level = LogLevel.Information, Message = "Rendered {Kind} {DocumentId} of organisation {OrganisationId}; channels {Channels}")]
    private static partial void LogRendered(ILogger logger, SalesDocumentKind kind, string documentId, string organisationId, string channels);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Document {DocumentId} of organisation {OrganisationId} cannot be rendered: the profile lacks {Fields}")]
    private static partial void LogProfileIncomplete(ILogger logger, string documentId, string organisationId, string fields);
}

/// <summary>Settings of the document steps, from the <c>Messaging</c> section.</summary>
public sealed class DocumentDeliveryOptions
{
    /// <summary>
    /// Deliveries of a queue message before it is dead-lettered: <c>Messaging__MaxDeliveryCount</c>.
    /// It must equal the queues' setting (10 in infra/app/servicebus.bicep, Service Bus's default, and
    /// <c>LocalHost__MaxDeliveryCount</c> on the local host), because the steps record a failure on
    /// the last delivery.
    /// </summary>
    public int MaxDeliveryCount { get; set; } = 10;
}
