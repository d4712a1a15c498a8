using Bilansoft.Application.Identity;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Catalog;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Sales;

/// <summary><c>/api/orgs/{orgId}/delivery-notes</c>: records of goods handed over; issuing one lowers stock.</summary>
public sealed class DeliveryNoteFunctions
{
    private const SalesDocumentKind Kind = SalesDocumentKind.DeliveryNote;

    private readonly SalesEndpoints _endpoints;

    public DeliveryNoteFunctions(SalesEndpoints endpoints) => _endpoints = endpoints;

    /// <summary>Creates a draft delivery note.</summary>
    [Function("CreateDeliveryNote")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/delivery-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.CreateAsync(request, context, Kind, cancellationToken);

    /// <summary>Lists delivery notes from the index, with filters, order and paging.</summary>
    [Function("ListDeliveryNotes")]
    [ProducesResponseType(typeof(PageResponse<SalesDocumentSummaryResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/delivery-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.ListAsync(request, context, Kind, cancellationToken);

    /// <summary>Returns a delivery note with its lines, totals, VAT breakdown and mentions.</summary>
    [Function("GetDeliveryNote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.GetAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    /// <summary>Replaces the content of a draft delivery note.</summary>
    [Function("UpdateDeliveryNote")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.UpdateAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    /// <summary>Deletes a draft delivery note; an issued one is never deleted.</summary>
    [Function("DeleteDeliveryNote")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DeleteAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    /// <summary>Issues a draft delivery note and lowers the stock of its tracked products.</summary>
    [Function("IssueDeliveryNote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}/issue")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.IssueAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    /// <summary>Copies a delivery note into a new draft dated today.</summary>
    [Function("DuplicateDeliveryNote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DuplicateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}/duplicate")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DuplicateAsync(request, context, Kind, deliveryNoteId, cancellationToken);
}
