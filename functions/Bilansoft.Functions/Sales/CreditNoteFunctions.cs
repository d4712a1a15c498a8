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

/// <summary><c>/api/orgs/{orgId}/credit-notes</c>: credit notes against issued invoices.</summary>
public sealed class CreditNoteFunctions
{
    private const SalesDocumentKind Kind = SalesDocumentKind.CreditNote;

    private readonly SalesEndpoints _endpoints;
    private readonly SalesConversionService _conversions;

    public CreditNoteFunctions(SalesEndpoints endpoints, SalesConversionService conversions)
    {
        _endpoints = endpoints;
        _conversions = conversions;
    }

    /// <summary>Creates a draft credit note for <c>invoiceId</c>; the same as <c>POST …/invoices/{id}/credit-notes</c>.</summary>
    [Function("CreateCreditNote")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/credit-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<SalesDocumentRequest>(request, cancellationToken);
            if (string.IsNullOrWhiteSpace(body.InvoiceId))
            {
                throw Application.Errors.ProblemException.Invalid("required", "invoiceId");
            }

            var creditNote = await _conversions.CreateCreditNoteAsync(access, body.InvoiceId, body.ToInput(), ifMatch: null, cancellationToken);

            return _endpoints.Created(request, access.OrganisationId, creditNote);
        }, cancellationToken);

    /// <summary>Lists credit notes from the index, with filters, order and paging.</summary>
    [Function("ListCreditNotes")]
    [ProducesResponseType(typeof(PageResponse<SalesDocumentSummaryResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/credit-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.ListAsync(request, context, Kind, cancellationToken);

    /// <summary>Returns a credit note with its lines, totals, VAT breakdown and mentions.</summary>
    [Function("GetCreditNote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/credit-notes/{creditNoteId}")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.GetAsync(request, context, Kind, creditNoteId, cancellationToken);

    /// <summary>Replaces the content of a draft credit note.</summary>
    [Function("UpdateCreditNote")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/credit-notes/{creditNoteId}")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.UpdateAsync(request, context, Kind, creditNoteId, cancellationToken);

    /// <summary>Deletes a draft credit note; an issued one is never deleted.</summary>
    [Function("DeleteCreditNote")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/credit-notes/{creditNoteId}")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DeleteAsync(request, context, Kind, creditNoteId, cancellationToken);

    /// <summary>Issues a draft credit note and counts it on the invoice it credits.</summary>
    [Function("IssueCreditNote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/credit-notes/{creditNoteId}/issue")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.IssueAsync(request, context, Kind, creditNoteId, cancellationToken);

    /// <summary>Copies a credit note into a new draft dated today.</summary>
    [Function("DuplicateCreditNote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DuplicateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/credit-notes/{creditNoteId}/duplicate")] HttpRequest request,
        string creditNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DuplicateAsync(request, context, Kind, creditNoteId, cancellationToken);
}
