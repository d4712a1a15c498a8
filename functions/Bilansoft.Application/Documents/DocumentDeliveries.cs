using System.Security.Cryptography;
using System.Text;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Documents;

/// <summary>
/// Reads and changes the delivery state of documents. Every change is computed from a fresh read
/// and written under its ETag together with its audit entries and messages; when another writer
/// got there first (the render step, the delivery step, a send by hand, the Peppol webhook), the
/// change is computed again from the new state.
/// </summary>
public sealed class DocumentDeliveries
{
    /// <summary>The actor of audit entries written by queued steps and webhooks.</summary>
    public static readonly Caller System = new("system", "Bilansoft", null);

    private const int MaxAttempts = 5;

    private readonly IDocumentDeliveryStore _store;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _clock;

    public DocumentDeliveries(IDocumentDeliveryStore store, IOutbox outbox, TimeProvider clock)
    {
        _store = store;
        _outbox = outbox;
        _clock = clock;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public async Task<DocumentDelivery?> GetAsync(string organisationId, string documentId, CancellationToken cancellationToken) =>
        (await _store.GetAsync(organisationId, documentId, cancellationToken))?.Value;

    /// <summary>
    /// Applies <paramref name="change"/> to the current state and stores the result. The function
    /// returns null when there is nothing to write; it may run more than once.
    /// </summary>
    /// <returns>The state after the change, or the unchanged state when nothing was written.</returns>
    /// <exception cref="DeliveryConcurrencyException">Other writers won <see cref="MaxAttempts"/> times in a row.</exception>
    public async Task<DocumentDelivery?> UpdateAsync(
        string organisationId, string documentId, Func<DocumentDelivery?, DeliveryChange?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(organisationId, documentId, cancellationToken);
            var result = change(current?.Value);
            if (result is null)
            {
                return current?.Value;
            }

            try
            {
                await _store.SaveAsync(organisationId, result.Delivery, current?.ETag, result.Audit, result.Messages, cancellationToken);
            }
            catch (DeliveryConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (result.Messages.Count > 0)
            {
                await _outbox.PublishCommittedAsync(organisationId, result.Messages, cancellationToken);
            }

            return result.Delivery;
        }
    }

    /// <summary>A new, empty delivery state of a document.</summary>
    public static DocumentDelivery NewState(SalesDocument document) => new()
    {
        DocumentId = SalesIds.Format(document.Id),
        Kind = document.Kind,
        Number = document.Number?.Text ?? throw new ArgumentException("A draft has no delivery state.", nameof(document)),
    };

    /// <summary>
    /// Creates the audit entry <c>{kind}.{verb}</c> on the document, such as <c>invoice.sent</c>.
    /// </summary>
    public AuditEntry Audit(Caller actor, DocumentDelivery delivery, string verb, IReadOnlyDictionary<string, string?> details) =>
        Organisations.Audit.Entry(actor, Now, $"{SalesKinds.Name(delivery.Kind)}.{verb}", SalesKinds.Name(delivery.Kind), delivery.DocumentId, details);

    /// <summary>
    /// Creates the message that asks the delivery step to send the channels queued for
    /// <paramref name="requestId"/>. Its id is derived from the request, so the same request queued
    /// twice yields one message id, which every handler processes once.
    /// </summary>
    public OutboxMessage DeliveryMessage(string organisationId, DocumentDelivery delivery, string requestId)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"deliver:{organisationId}:{delivery.DocumentId}:{requestId}")))[..32];
        var payload = new DeliveryRequestPayload(delivery.DocumentId, delivery.Kind, delivery.Number, requestId);
        var envelope = MessageEnvelope.Create(id, DocumentMessages.DeliveryRequested, organisationId, CorrelationContext.CurrentOrNew(), Now, payload);
        return new OutboxMessage(QueueNames.DocumentsRendered, envelope);
    }
}

/// <summary>A delivery state to write with its audit entries and messages.</summary>
public sealed record DeliveryChange(DocumentDelivery Delivery, IReadOnlyList<AuditEntry> Audit, IReadOnlyList<OutboxMessage> Messages)
{
    public DeliveryChange(DocumentDelivery delivery, params AuditEntry[] audit)
        : this(delivery, audit, [])
    {
    }
}

/// <summary>Message types of the documents feature.</summary>
public static class DocumentMessages
{
    /// <summary>
    /// The files of a document are stored and channels are queued for one send request; payload
    /// <see cref="DeliveryRequestPayload"/>, on queue <see cref="QueueNames.DocumentsRendered"/>.
    /// </summary>
    public const string DeliveryRequested = "document-delivery-requested";
}

/// <summary>Payload of <see cref="DocumentMessages.DeliveryRequested"/>.</summary>
/// <param name="DocumentId">The document, as 32 hex characters.</param>
/// <param name="Kind"><c>invoice</c> or <c>creditNote</c>.</param>
/// <param name="Number">The document number (BT-1), for logs.</param>
/// <param name="RequestId">The send request whose queued channels the step sends.</param>
public sealed record DeliveryRequestPayload(string DocumentId, SalesDocumentKind Kind, string Number, string RequestId);
