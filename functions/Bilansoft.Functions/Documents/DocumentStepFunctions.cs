using System.Globalization;
using Bilansoft.Application.Documents;
using Bilansoft.Application.Messaging;
using Bilansoft.Functions.Platform;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Documents;

/// <summary>
/// The queued steps after issuing: render on <c>invoice-issued</c> and <c>credit-note-issued</c>,
/// then deliver on <c>documents-rendered</c>. The worker middleware handles each message id once;
/// the use cases also keep a rerun of a step from sending twice.
/// </summary>
public sealed class DocumentStepFunctions
{
    private readonly DocumentRenderStep _render;
    private readonly DocumentDeliveryStep _delivery;

    public DocumentStepFunctions(DocumentRenderStep render, DocumentDeliveryStep delivery)
    {
        _render = render;
        _delivery = delivery;
    }

    /// <summary>Renders the PDF and UBL of an issued invoice and queues its delivery.</summary>
    [Function("RenderIssuedInvoice")]
    public Task RenderIssuedInvoiceAsync(
        [ServiceBusTrigger(QueueNames.InvoiceIssued, Connection = "ServiceBus")] MessageEnvelope message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _render.HandleAsync(message, DeliveryCount(context), cancellationToken);

    /// <summary>Renders the PDF and UBL of an issued credit note and queues its delivery.</summary>
    [Function("RenderIssuedCreditNote")]
    public Task RenderIssuedCreditNoteAsync(
        [ServiceBusTrigger(QueueNames.CreditNoteIssued, Connection = "ServiceBus")] MessageEnvelope message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _render.HandleAsync(message, DeliveryCount(context), cancellationToken);

    /// <summary>Delivers rendered documents by the customer's channels.</summary>
    [Function("DeliverDocument")]
    public Task DeliverDocumentAsync(
        [ServiceBusTrigger(QueueNames.DocumentsRendered, Connection = "ServiceBus")] MessageEnvelope message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _delivery.HandleAsync(message, DeliveryCount(context), cancellationToken);

    // Service Bus counts deliveries from 1; a missing value is read as the first delivery.
    private static int DeliveryCount(FunctionContext context) =>
        int.TryParse(context.BindingValue("DeliveryCount"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 1;
}
