using Bilansoft.Application.Documents;
using Bilansoft.Application.Identity;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Documents;

/// <summary>
/// <c>POST …/invoices/{id}/send</c> and <c>POST …/credit-notes/{id}/send</c>: send or resend an
/// issued document by hand. The response is 202 with the delivery state, and the delivery step sends.
/// </summary>
public sealed class DocumentSendFunctions
{
    private readonly DocumentSendService _documents;
    private readonly IdempotentRequests _idempotency;

    public DocumentSendFunctions(DocumentSendService documents, IdempotentRequests idempotency)
    {
        _documents = documents;
        _idempotency = idempotency;
    }

    /// <summary>Sends or resends an invoice by e-mail and/or Peppol; returns 202 once the delivery is queued.</summary>
    [Function("SendInvoice")]
    [RequiresPermission(Permission.SalesIssue)]
    [AcceptsJson(typeof(SendDocumentRequest))]
    [ProducesResponseType(typeof(DocumentDeliveryResponse), StatusCodes.Status202Accepted)]
    public Task<IActionResult> SendInvoiceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/send")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        SendAsync(request, context, SalesDocumentKind.Invoice, invoiceId, cancellationToken);

    /// <summary>Sends or resends a credit note by e-mail and/or Peppol; returns 202 once the delivery is queued.</summary>
    [Function("SendCreditNote")]
    [RequiresPermission(Permission.SalesIssue)]
    [AcceptsJson(typeof(SendDocumentRequest))]
    [ProducesResponseType(typeof(DocumentDeliveryResponse), StatusCodes.Status202Accepted)]
    public Task<IActionResult> SendCreditNoteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/credit-notes/{creditNoteId}/send")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        SendAsync(request, context, SalesDocumentKind.CreditNote, creditNoteId, cancellationToken);

    private Task<IActionResult> SendAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, string id, CancellationToken cancellationToken) =>
        _idempotency.ExecuteAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await ReadOptionalAsync(request, cancellationToken);

            var delivery = await _documents.SendAsync(access, kind, id, body?.Channels, cancellationToken);

            return new AcceptedResult((string?)null, DocumentDeliveryResponse.From(delivery));
        }, cancellationToken);

    // Sending by the customer's preference needs no body, so an empty one is allowed.
    private static async Task<SendDocumentRequest?> ReadOptionalAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var first = new byte[1];
        var read = await request.Body.ReadAsync(first, cancellationToken);
        request.Body.Position = 0;
        return read == 0 ? null : await JsonBody.ReadAsync<SendDocumentRequest>(request, cancellationToken);
    }
}
