using Bilansoft.Application.Identity;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Sales;

/// <summary>
/// <c>/api/orgs/{orgId}/invoices</c>: drafts, issuing, merging, invoicing delivery notes,
/// crediting and payments.
/// </summary>
public sealed class InvoiceFunctions
{
    private const SalesDocumentKind Kind = SalesDocumentKind.Invoice;

    private readonly SalesEndpoints _endpoints;
    private readonly SalesConversionService _conversions;
    private readonly InvoicePaymentService _payments;

    public InvoiceFunctions(SalesEndpoints endpoints, SalesConversionService conversions, InvoicePaymentService payments)
    {
        _endpoints = endpoints;
        _conversions = conversions;
        _payments = payments;
    }

    [Function("CreateInvoice")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.CreateAsync(request, context, Kind, cancellationToken);

    [Function("ListInvoices")]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invoices")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.ListAsync(request, context, Kind, cancellationToken);

    [Function("GetInvoice")]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invoices/{invoiceId}")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.GetAsync(request, context, Kind, invoiceId, cancellationToken);

    [Function("UpdateInvoice")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/invoices/{invoiceId}")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.UpdateAsync(request, context, Kind, invoiceId, cancellationToken);

    [Function("DeleteInvoice")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/invoices/{invoiceId}")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DeleteAsync(request, context, Kind, invoiceId, cancellationToken);

    [Function("IssueInvoice")]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/issue")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.IssueAsync(request, context, Kind, invoiceId, cancellationToken);

    [Function("DuplicateInvoice")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DuplicateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/duplicate")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DuplicateAsync(request, context, Kind, invoiceId, cancellationToken);

    [Function("MergeInvoices")]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> MergeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/merge")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<MergeInvoicesRequest>(request, cancellationToken);

            var merged = await _conversions.MergeAsync(access, body.InvoiceIds, cancellationToken);

            return _endpoints.Created(request, access.OrganisationId, merged);
        }, cancellationToken);

    [Function("InvoiceDeliveryNotes")]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> FromDeliveryNotesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/from-delivery-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<InvoiceDeliveryNotesRequest>(request, cancellationToken);

            var invoice = await _conversions.InvoiceDeliveryNotesAsync(access, body.DeliveryNoteIds, cancellationToken);

            return _endpoints.Created(request, access.OrganisationId, invoice);
        }, cancellationToken);

    /// <summary>Creates a draft credit note: the whole invoice without <c>lines</c>, the lines given otherwise.</summary>
    [Function("CreditInvoice")]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> CreditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/credit-notes")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await ReadOptionalAsync(request, cancellationToken);

            var creditNote = await _conversions.CreateCreditNoteAsync(access, invoiceId, body?.ToInput() ?? new SalesDocumentInput(), ApiResults.IfMatch(request), cancellationToken);

            return _endpoints.Created(request, access.OrganisationId, creditNote);
        }, cancellationToken);

    [Function("RecordInvoicePayment")]
    [RequiresPermission(Permission.PaymentsManage)]
    public Task<IActionResult> RecordPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/payments")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<PaymentRequest>(request, cancellationToken);

            var (invoice, payment) = await _payments.RecordAsync(access, invoiceId, new PaymentInput(body.Amount, body.Date, body.Reference), ApiResults.IfMatch(request), cancellationToken);

            var location = $"{SalesEndpoints.Location(access.OrganisationId, invoice.Value)}/payments/{SalesIds.Format(payment.Id)}";
            var response = new RecordedPaymentResponse(PaymentResponse.From(payment), SalesDocumentResponse.From(invoice.Value, _endpoints.Today));
            return ApiResults.Created(request, location, response, invoice.ETag);
        }, cancellationToken);

    [Function("UndoInvoicePayment")]
    [RequiresPermission(Permission.PaymentsManage)]
    public async Task<IActionResult> UndoPaymentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/invoices/{invoiceId}/payments/{paymentId}")] HttpRequest request,
        string invoiceId,
        string paymentId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var invoice = await _payments.UndoAsync(context.GetAccess(), invoiceId, paymentId, ApiResults.IfMatch(request), cancellationToken);

        return _endpoints.Ok(request, invoice);
    }

    // A full credit needs no body, so an empty one is allowed here.
    private static async Task<SalesDocumentRequest?> ReadOptionalAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var first = new byte[1];
        var read = await request.Body.ReadAsync(first, cancellationToken);
        request.Body.Position = 0;
        return read == 0 ? null : await JsonBody.ReadAsync<SalesDocumentRequest>(request, cancellationToken);
    }
}
