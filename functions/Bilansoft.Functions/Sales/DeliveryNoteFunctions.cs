using Bilansoft.Application.Identity;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Platform;
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

    [Function("CreateDeliveryNote")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/delivery-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.CreateAsync(request, context, Kind, cancellationToken);

    [Function("ListDeliveryNotes")]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/delivery-notes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.ListAsync(request, context, Kind, cancellationToken);

    [Function("GetDeliveryNote")]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.GetAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    [Function("UpdateDeliveryNote")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.UpdateAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    [Function("DeleteDeliveryNote")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DeleteAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    [Function("IssueDeliveryNote")]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> IssueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}/issue")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.IssueAsync(request, context, Kind, deliveryNoteId, cancellationToken);

    [Function("DuplicateDeliveryNote")]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DuplicateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/delivery-notes/{deliveryNoteId}/duplicate")] HttpRequest request,
        string deliveryNoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DuplicateAsync(request, context, Kind, deliveryNoteId, cancellationToken);
}
