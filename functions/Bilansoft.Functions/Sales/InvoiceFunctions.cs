using Bilansoft.Application.Identity;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Catalog;
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
    private readonly OpenInvoiceImportService _imports;

    public InvoiceFunctions(SalesEndpoints endpoints, SalesConversionService conversions, InvoicePaymentService payments, OpenInvoiceImportService imports)
    {
        _endpoints = endpoints;
        _conversions = conversions;
        _payments = payments;
        _imports = imports;
    }

    /// <summary>Creates a draft invoice.</summary>
    [Function("CreateInvoice")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.CreateAsync(request, context, Kind, cancellationToken);

    /// <summary>Lists invoices from the index, with filters, order and paging.</summary>
    [Function("ListInvoices")]
    [ProducesResponseType(typeof(PageResponse<SalesDocumentSummaryResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invoices")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.ListAsync(request, context, Kind, cancellationToken);

    /// <summary>Returns an invoice with its lines, totals, VAT breakdown and mentions.</summary>
    [Function("GetInvoice")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invoices/{invoiceId}")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.GetAsync(request, context, Kind, invoiceId, cancellationToken);

    /// <summary>Replaces the content of a draft invoice.</summary>
    [Function("UpdateInvoice")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/invoices/{invoiceId}")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.UpdateAsync(request, context, Kind, invoiceId, cancellationToken);

    /// <summary>Deletes a draft invoice; an issued one is never deleted.</summary>
    [Function("DeleteInvoice")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/invoices/{invoiceId}")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DeleteAsync(request, context, Kind, invoiceId, cancellationToken);

    /// <summary>Issues a draft invoice: next number of its series and structured communication.</summary>
    [Function("IssueInvoice")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/issue")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.IssueAsync(request, context, Kind, invoiceId, cancellationToken);

    /// <summary>Copies an invoice into a new draft dated today.</summary>
    [Function("DuplicateInvoice")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DuplicateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/{invoiceId}/duplicate")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DuplicateAsync(request, context, Kind, invoiceId, cancellationToken);

    /// <summary>Merges draft invoices of one customer into a new draft and deletes them.</summary>
    [Function("MergeInvoices")]
    [AcceptsJson(typeof(MergeInvoicesRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
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

    /// <summary>Makes one draft invoice from issued delivery notes of one customer.</summary>
    [Function("InvoiceDeliveryNotes")]
    [AcceptsJson(typeof(InvoiceDeliveryNotesRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
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
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
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

    /// <summary>
    /// Imports the open invoices of a previous tool from a CSV file of at most 1 MiB and 1,000
    /// rows, sent as the body or as the first file part of multipart/form-data. All or nothing:
    /// a file with errors gets 400 with every error, and nothing is stored. Invoices imported
    /// before (same number) are returned as they are.
    /// </summary>
    [Function("ImportInvoices")]
    [AcceptsFile("text/csv")]
    [ProducesResponseType(typeof(InvoiceImportResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invoices/import")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var content = await ImportFileBody.ReadAsync(request, OpenInvoiceImportService.MaxFileBytes, cancellationToken);

            var result = await _imports.ImportAsync(access, content, cancellationToken);

            return new OkObjectResult(InvoiceImportResponse.From(result));
        }, cancellationToken);

    /// <summary>Records a payment on an issued invoice.</summary>
    [Function("RecordInvoicePayment")]
    [AcceptsJson(typeof(PaymentRequest))]
    [ProducesResponseType(typeof(RecordedPaymentResponse), StatusCodes.Status201Created)]
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

    /// <summary>Removes a payment from an invoice.</summary>
    [Function("UndoInvoicePayment")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
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
