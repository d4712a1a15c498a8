using Bilansoft.Application.Messaging;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// Messages the sales use cases write to the outbox. Each type goes to the queue of the same name,
/// except <see cref="PaymentUndone"/>, which shares the <see cref="QueueNames.PaymentRegistered"/>
/// queue so one consumer receives recorded and removed payments in order.
/// </summary>
public static class SalesMessages
{
    /// <summary>An invoice got its number; payload <see cref="DocumentIssuedPayload"/>.</summary>
    public const string InvoiceIssued = QueueNames.InvoiceIssued;

    /// <summary>A credit note got its number; payload <see cref="DocumentIssuedPayload"/>.</summary>
    public const string CreditNoteIssued = QueueNames.CreditNoteIssued;

    /// <summary>A payment was recorded on an invoice; payload <see cref="PaymentPayload"/>.</summary>
    public const string PaymentRegistered = QueueNames.PaymentRegistered;

    /// <summary>A recorded payment was removed from an invoice; payload <see cref="PaymentPayload"/>.</summary>
    public const string PaymentUndone = "payment-undone";

    /// <summary>Creates the message announcing an issued invoice or credit note.</summary>
    public static OutboxMessage Issued(string organisationId, SalesDocument document, DateTimeOffset now)
    {
        var type = document.Kind == SalesDocumentKind.CreditNote ? CreditNoteIssued : InvoiceIssued;
        var payload = new DocumentIssuedPayload(SalesIds.Format(document.Id), document.Kind, document.Number!.Text);
        return new OutboxMessage(type, Envelope(type, organisationId, now, payload));
    }

    /// <summary>Creates the message announcing a recorded (<paramref name="undone"/> false) or removed payment.</summary>
    public static OutboxMessage Payment(string organisationId, SalesDocumentId invoiceId, InvoicePayment payment, bool undone, DateTimeOffset now)
    {
        var type = undone ? PaymentUndone : PaymentRegistered;
        var payload = new PaymentPayload(SalesIds.Format(invoiceId), SalesIds.Format(payment.Id), payment.Amount, payment.Date);
        return new OutboxMessage(QueueNames.PaymentRegistered, Envelope(type, organisationId, now, payload));
    }

    private static MessageEnvelope Envelope<T>(string type, string organisationId, DateTimeOffset now, T payload) =>
        MessageEnvelope.Create(Guid.NewGuid().ToString("N"), type, organisationId, CorrelationContext.CurrentOrNew(), now, payload);
}

/// <summary>Payload of <c>invoice-issued</c> and <c>credit-note-issued</c>.</summary>
/// <param name="DocumentId">The document, as 32 hex characters.</param>
/// <param name="Kind"><c>invoice</c> or <c>creditNote</c>.</param>
/// <param name="Number">The number given (BT-1).</param>
public sealed record DocumentIssuedPayload(string DocumentId, SalesDocumentKind Kind, string Number);

/// <summary>Payload of <c>payment-registered</c> and <c>payment-undone</c>.</summary>
/// <param name="DocumentId">The invoice, as 32 hex characters.</param>
/// <param name="PaymentId">The payment, as 32 hex characters.</param>
/// <param name="Amount">Amount in euro.</param>
/// <param name="Date">Date the money was received.</param>
public sealed record PaymentPayload(string DocumentId, string PaymentId, decimal Amount, DateOnly Date);
