using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Mail;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Peppol;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Documents;

/// <summary>
/// The step that sends a document over the channels queued for one send request: an e-mail with
/// the PDF and UBL attached, and the UBL to the Peppol access point. Each channel's outcome is
/// stored as soon as it is known, so a retry sends only the channels that have not gone out.
/// </summary>
/// <remarks>
/// Transient failures throw <see cref="DeliveryRetryException"/> after the other channels were
/// tried, so the queue delivers the message again with its back-off. On the last delivery the
/// channel is marked failed first, then the exception dead-letters the message. Permanent failures
/// are marked failed and the message completes.
/// </remarks>
public sealed partial class DocumentDeliveryStep
{
    private readonly ISalesDocumentReader _documents;
    private readonly ICustomerStore _customers;
    private readonly IOrganisationStore _organisations;
    private readonly DocumentRenderer _renderer;
    private readonly DocumentDeliveries _deliveries;
    private readonly IMailSender _mail;
    private readonly IPeppolAccessPoint _accessPoint;
    private readonly IPeppolTransmissionIndex _transmissions;
    private readonly DocumentDeliveryOptions _options;
    private readonly ILogger<DocumentDeliveryStep> _logger;

    public DocumentDeliveryStep(
        ISalesDocumentReader documents,
        ICustomerStore customers,
        IOrganisationStore organisations,
        DocumentRenderer renderer,
        DocumentDeliveries deliveries,
        IMailSender mail,
        IPeppolAccessPoint accessPoint,
        IPeppolTransmissionIndex transmissions,
        IOptions<DocumentDeliveryOptions> options,
        ILogger<DocumentDeliveryStep> logger)
    {
        _documents = documents;
        _customers = customers;
        _organisations = organisations;
        _renderer = renderer;
        _deliveries = deliveries;
        _mail = mail;
        _accessPoint = accessPoint;
        _transmissions = transmissions;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Handles one <see cref="DocumentMessages.DeliveryRequested"/> message.</summary>
    /// <param name="message">The message with a <see cref="DeliveryRequestPayload"/>.</param>
    /// <param name="deliveryCount">How often the queue has delivered this message, 1 the first time.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <exception cref="DeliveryRetryException">A channel failed transiently; the queue must deliver the message again.</exception>
    public async Task HandleAsync(MessageEnvelope message, int deliveryCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        var payload = message.ReadPayload<DeliveryRequestPayload>();
        var last = deliveryCount >= _options.MaxDeliveryCount;
        try
        {
            await DeliverAsync(message.OrganisationId, payload, message.CorrelationId, deliveryCount, last, cancellationToken);
        }
        catch (Exception exception) when (last && exception is not (DeliveryRetryException or OperationCanceledException))
        {
            // The message is dead-lettered next; the channels must not stay queued for ever.
            var reason = $"The delivery step failed on its last delivery ({deliveryCount}): {exception.GetType().Name}.";
            await FailQueuedAsync(message.OrganisationId, payload, DeliveryFailureCodes.StepFailed, reason, cancellationToken);
            throw;
        }
    }

    private async Task DeliverAsync(string organisationId, DeliveryRequestPayload payload, string correlationId, int deliveryCount, bool last, CancellationToken cancellationToken)
    {
        var state = await _deliveries.GetAsync(organisationId, payload.DocumentId, cancellationToken);
        var pending = state?.Channels
            .Where(entry => entry.RequestId == payload.RequestId && entry.Status == DeliveryStatus.Queued)
            .Select(entry => entry.Channel)
            .Order()
            .ToList() ?? [];
        if (pending.Count == 0)
        {
            LogNothingQueued(_logger, payload.DocumentId, organisationId, payload.RequestId);
            return;
        }

        var record = await LoadAsync(organisationId, payload.DocumentId, cancellationToken);
        StoredDocumentFiles files;
        try
        {
            files = await _renderer.EnsureStoredAsync(organisationId, record, cancellationToken);
        }
        catch (ProblemException problem) when (problem.Code == DocumentErrorCodes.OrganisationProfileIncomplete)
        {
            await FailQueuedAsync(organisationId, payload, DeliveryFailureCodes.Rejected, $"The organisation profile lacks: {problem.Arguments["fields"]}.", cancellationToken);
            return;
        }

        var seller = (await _organisations.GetAsync(organisationId, cancellationToken))?.Value.Profile
            ?? throw new InvalidOperationException($"Organisation {organisationId} does not exist.");
        var customerId = record.Document.Customer.CustomerId;
        var customer = string.IsNullOrEmpty(customerId) ? null : (await _customers.GetAsync(organisationId, customerId, cancellationToken))?.Value;

        var retry = new List<DocumentChannel>();
        foreach (var channel in pending)
        {
            var outcome = channel == DocumentChannel.Email
                ? await SendMailAsync(organisationId, record.Document, seller, customer, files, correlationId, cancellationToken)
                : await SubmitPeppolAsync(organisationId, record.Document, seller, customer, files, cancellationToken);
            await RecordAsync(organisationId, payload, channel, outcome, files.Info, deliveryCount, last, cancellationToken);
            if (outcome.Result == SendResult.Transient)
            {
                retry.Add(channel);
            }
        }

        if (retry.Count > 0)
        {
            throw new DeliveryRetryException(payload.DocumentId, retry, last);
        }
    }

    private async Task<SendOutcome> SendMailAsync(
        string organisationId, SalesDocument document, OrganisationProfile seller, Customer? customer, StoredDocumentFiles files, string correlationId, CancellationToken cancellationToken)
    {
        if (DeliveryRecipients.EmailOf(customer) is not { } email)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.RecipientMissing, "The customer has no invoice e-mail address.", null);
        }

        MailMessage message;
        try
        {
            message = DocumentTexts.Mail(organisationId, document, seller, new MailAddress(email, document.Customer.Name), files.Pdf, files.Ubl, correlationId);
        }
        catch (ArgumentException exception)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.Rejected, $"The e-mail could not be built: {exception.Message}", email);
        }

        // NOTE: SendGrid has no idempotency key. When the process stops after SendGrid accepted the
        // message but before the outcome is stored, the retry sends the e-mail a second time.
        try
        {
            var result = await _mail.SendAsync(message, cancellationToken);
            return SendOutcome.Sent(email, result.ProviderMessageId);
        }
        catch (MailSendException exception) when (exception.IsTransient)
        {
            return SendOutcome.Transient(exception.Message, email);
        }
        catch (MailSendException exception)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.Rejected, exception.Message, email);
        }
    }

    private async Task<SendOutcome> SubmitPeppolAsync(
        string organisationId, SalesDocument document, OrganisationProfile seller, Customer? customer, StoredDocumentFiles files, CancellationToken cancellationToken)
    {
        if (DeliveryRecipients.ReceiverOf(document.Customer, customer) is not { } receiver)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.RecipientMissing, "The customer has no Peppol participant id.", null);
        }

        if (DeliveryRecipients.SenderOf(seller) is not { } sender)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.SenderMissing, "The organisation has no enterprise number, so it has no Peppol participant id.", receiver.Value);
        }

        if (files.Ubl is not { } ubl)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.Rejected, "The document has no UBL file, because its buyer has no electronic address on it.", receiver.Value);
        }

        var documentId = SalesIds.Format(document.Id);
        var submission = new PeppolSubmission(
            sender,
            receiver,
            document.Kind == SalesDocumentKind.CreditNote ? PeppolBisBilling.CreditNoteDocumentTypeId : PeppolBisBilling.InvoiceDocumentTypeId,
            PeppolBisBilling.ProcessId,
            documentId,
            ubl);
        try
        {
            var transmission = await _accessPoint.SubmitAsync(submission, cancellationToken);

            // Indexed before the state is stored, so a status webhook that arrives at once finds it.
            await _transmissions.AddAsync(transmission.TransmissionId, organisationId, documentId, cancellationToken);
            return transmission.Status switch
            {
                PeppolTransmissionStatus.Failed => SendOutcome.Failed(
                    DeliveryFailureCodes.DeliveryFailed, $"The access point reported transmission {transmission.TransmissionId} as failed: {transmission.FailureCode}.", receiver.Value, transmission.TransmissionId),
                PeppolTransmissionStatus.Delivered => SendOutcome.Delivered(receiver.Value, transmission.TransmissionId),
                _ => SendOutcome.Sent(receiver.Value, transmission.TransmissionId),
            };
        }
        catch (PeppolAccessPointException exception) when (exception.IsTransient)
        {
            return SendOutcome.Transient(exception.Message, receiver.Value);
        }
        catch (PeppolAccessPointException exception)
        {
            return SendOutcome.Failed(DeliveryFailureCodes.Rejected, exception.Message, receiver.Value);
        }
    }

    private async Task RecordAsync(
        string organisationId,
        DeliveryRequestPayload payload,
        DocumentChannel channel,
        SendOutcome outcome,
        RenderedFiles files,
        int deliveryCount,
        bool last,
        CancellationToken cancellationToken)
    {
        await _deliveries.UpdateAsync(organisationId, payload.DocumentId, current =>
        {
            // Another send request took the channel over, or it is no longer queued: leave it.
            if (current?.Channel(channel) is not { Status: DeliveryStatus.Queued } entry || entry.RequestId != payload.RequestId)
            {
                return null;
            }

            var now = _deliveries.Now;
            var delivery = current with { Files = current.Files ?? files };
            entry = entry with { Attempts = entry.Attempts + 1, LastAttemptAt = now, Recipient = outcome.Recipient ?? entry.Recipient, Reference = outcome.Reference ?? entry.Reference };
            switch (outcome.Result)
            {
                case SendResult.Sent or SendResult.Delivered:
                    entry = entry with
                    {
                        Status = outcome.Result == SendResult.Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Sent,
                        SentAt = now,
                        DeliveredAt = outcome.Result == SendResult.Delivered ? now : null,
                        LastError = null,
                    };
                    return new DeliveryChange(delivery.With(entry), _deliveries.Audit(DocumentDeliveries.System, delivery, "sent", SentDetails(entry)));
                case SendResult.Transient when !last:
                    return new DeliveryChange(delivery.With(entry with { LastError = outcome.Reason }));
                case SendResult.Transient:
                    entry = entry.Fail(DeliveryFailureCodes.RetriesExhausted, $"Still failing after {deliveryCount} deliveries: {outcome.Reason}", now);
                    return new DeliveryChange(delivery.With(entry), _deliveries.Audit(DocumentDeliveries.System, delivery, "delivery-failed", DocumentRenderStep.FailureDetails(entry)));
                default:
                    entry = entry.Fail(outcome.Code!, outcome.Reason!, now);
                    return new DeliveryChange(delivery.With(entry), _deliveries.Audit(DocumentDeliveries.System, delivery, "delivery-failed", DocumentRenderStep.FailureDetails(entry)));
            }
        }, cancellationToken);

        switch (outcome.Result)
        {
            case SendResult.Sent or SendResult.Delivered:
                LogSent(_logger, channel, payload.DocumentId, organisationId, outcome.Reference);
                break;
            case SendResult.Transient when !last:
                LogRetrying(_logger, channel, payload.DocumentId, organisationId, deliveryCount, outcome.Reason);
                break;
            default:
                LogFailed(_logger, channel, payload.DocumentId, organisationId, outcome.Code ?? DeliveryFailureCodes.RetriesExhausted, outcome.Reason);
                break;
        }
    }

    private async Task FailQueuedAsync(string organisationId, DeliveryRequestPayload payload, string code, string reason, CancellationToken cancellationToken)
    {
        await _deliveries.UpdateAsync(organisationId, payload.DocumentId, current =>
        {
            var queued = current?.Channels.Where(entry => entry.RequestId == payload.RequestId && entry.Status == DeliveryStatus.Queued).ToList() ?? [];
            if (current is null || queued.Count == 0)
            {
                return null;
            }

            var now = _deliveries.Now;
            var delivery = current;
            var audit = new List<AuditEntry>();
            foreach (var entry in queued)
            {
                var failed = entry.Fail(code, reason, now);
                delivery = delivery.With(failed);
                audit.Add(_deliveries.Audit(DocumentDeliveries.System, delivery, "delivery-failed", DocumentRenderStep.FailureDetails(failed)));
            }

            return new DeliveryChange(delivery, audit, []);
        }, cancellationToken);
        LogFailed(_logger, null, payload.DocumentId, organisationId, code, reason);
    }

    private async Task<SalesDocumentRecord> LoadAsync(string organisationId, string documentId, CancellationToken cancellationToken)
    {
        var record = SalesDocumentId.TryParse(documentId, out var id) ? await _documents.GetAsync(organisationId, id, cancellationToken) : null;
        return record?.Value ?? throw new InvalidOperationException($"Document {documentId} of organisation {organisationId} does not exist.");
    }

    private static Dictionary<string, string?> SentDetails(ChannelDelivery entry) => new()
    {
        ["channel"] = entry.Channel.ToString().ToLowerInvariant(),
        ["reference"] = entry.Reference,
        ["requestId"] = entry.RequestId,
    };

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "Sent document {DocumentId} of organisation {OrganisationId} by {Channel}; provider reference {Reference}")]
    private static partial void LogSent(ILogger logger, DocumentChannel channel, string documentId, string organisationId, string? reference);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Sending document {DocumentId} of organisation {OrganisationId} by {Channel} failed on delivery {DeliveryCount} and is retried: {Reason}")]
    private static partial void LogRetrying(ILogger logger, DocumentChannel channel, string documentId, string organisationId, int deliveryCount, string? reason);

    [LoggerMessage(EventId = 3123, Level = LogLevel.Error, Message = "Sending document {DocumentId} of organisation {OrganisationId} by {Channel} failed for good ({FailureCode}): {Reason}")]
    private static partial void LogFailed(ILogger logger, DocumentChannel? channel, string documentId, string organisationId, string failureCode, string? reason);

    [LoggerMessage(EventId = 3124, Level = LogLevel.Information, Message = "Document {DocumentId} of organisation {OrganisationId} has no channel queued for request {RequestId}; nothing to send")]
    private static partial void LogNothingQueued(ILogger logger, string documentId, string organisationId, string requestId);

    private enum SendResult
    {
        Sent,
        Delivered,
        Failed,
        Transient,
    }

    private sealed record SendOutcome(SendResult Result, string? Recipient, string? Reference, string? Code, string? Reason)
    {
        public static SendOutcome Sent(string recipient, string? reference) => new(SendResult.Sent, recipient, reference, null, null);

        public static SendOutcome Delivered(string recipient, string reference) => new(SendResult.Delivered, recipient, reference, null, null);

        public static SendOutcome Failed(string code, string reason, string? recipient, string? reference = null) => new(SendResult.Failed, recipient, reference, code, reason);

        public static SendOutcome Transient(string reason, string recipient) => new(SendResult.Transient, recipient, null, null, reason);
    }
}

/// <summary>
/// A channel failed transiently, so the queue must deliver the message again. On the last delivery
/// the channel was already marked failed and this exception dead-letters the message.
/// </summary>
public sealed class DeliveryRetryException : Exception
{
    public DeliveryRetryException(string documentId, IReadOnlyList<DocumentChannel> channels, bool lastDelivery)
        : base(lastDelivery
            ? $"Sending document {documentId} by {string.Join(", ", channels)} still failed on the last delivery; the channels are marked failed."
            : $"Sending document {documentId} by {string.Join(", ", channels)} failed transiently; the queue retries it.")
    {
        Channels = channels;
    }

    public DeliveryRetryException()
    {
        Channels = [];
    }

    public DeliveryRetryException(string message)
        : base(message)
    {
        Channels = [];
    }

    public DeliveryRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Channels = [];
    }

    public IReadOnlyList<DocumentChannel> Channels { get; }
}
