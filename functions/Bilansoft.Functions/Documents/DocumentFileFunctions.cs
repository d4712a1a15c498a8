using Bilansoft.Application.Documents;
using Bilansoft.Application.Identity;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Documents;

/// <summary>
/// <c>…/{kind}/{id}/pdf</c> and <c>…/{kind}/{id}/ubl</c>: the files of sales documents. Invoices
/// and credit notes are served as stored (rendered and stored first when missing); quotes and
/// delivery notes are rendered on every request and have no UBL form.
/// </summary>
public sealed class DocumentFileFunctions
{
    private readonly DocumentSendService _documents;

    public DocumentFileFunctions(DocumentSendService documents) => _documents = documents;

    /// <summary>Downloads the invoice's PDF.</summary>
    [Function("GetInvoicePdf")]
    [RequiresPermission(Permission.SalesRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/pdf")]
    public Task<IActionResult> GetInvoicePdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invoices/{invoiceId}/pdf")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FileAsync(context, SalesDocumentKind.Invoice, invoiceId, DocumentFileKind.Pdf, cancellationToken);

    /// <summary>Downloads the invoice's Peppol BIS Billing 3.0 UBL file.</summary>
    [Function("GetInvoiceUbl")]
    [RequiresPermission(Permission.SalesRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/xml")]
    public Task<IActionResult> GetInvoiceUblAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invoices/{invoiceId}/ubl")] HttpRequest request,
        string invoiceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FileAsync(context, SalesDocumentKind.Invoice, invoiceId, DocumentFileKind.Ubl, cancellationToken);

    /// <summary>Downloads the credit note's PDF.</summary>
    [Function("GetCreditNotePdf")]
    [RequiresPermission(Permission.SalesRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/pdf")]
    public Task<IActionResult> GetCreditNotePdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/credit-notes/{creditNoteId}/pdf")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FileAsync(context, SalesDocumentKind.CreditNote, creditNoteId, DocumentFileKind.Pdf, cancellationToken);

    /// <summary>Downloads the credit note's Peppol BIS Billing 3.0 UBL file.</summary>
    [Function("GetCreditNoteUbl")]
    [RequiresPermission(Permission.SalesRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/xml")]
    public Task<IActionResult> GetCreditNoteUblAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/credit-notes/{creditNoteId}/ubl")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FileAsync(context, SalesDocumentKind.CreditNote, creditNoteId, DocumentFileKind.Ubl, cancellationToken);

    /// <summary>Renders the quote as a PDF.</summary>
    [Function("GetQuotePdf")]
    [RequiresPermission(Permission.SalesRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/pdf")]
    public Task<IActionResult> GetQuotePdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/quotes/{quoteId}/pdf")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FileAsync(context, SalesDocumentKind.Quote, quoteId, DocumentFileKind.Pdf, cancellationToken);

    /// <summary>Renders the delivery note as a PDF.</summary>
    [Function("GetDeliveryNotePdf")]
    [RequiresPermission(Permission.SalesRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/pdf")]
    public Task<IActionResult> GetDeliveryNotePdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}/pdf")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        FileAsync(context, SalesDocumentKind.DeliveryNote, deliveryNoteId, DocumentFileKind.Pdf, cancellationToken);

    private async Task<IActionResult> FileAsync(FunctionContext context, SalesDocumentKind kind, string id, DocumentFileKind file, CancellationToken cancellationToken)
    {
        var document = await _documents.GetFileAsync(context.GetAccess(), kind, id, file, cancellationToken);

        return new FileContentResult(document.Content, document.ContentType) { FileDownloadName = document.FileName };
    }
}
