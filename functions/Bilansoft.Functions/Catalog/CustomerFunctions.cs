using Bilansoft.Application.Catalog;
using Bilansoft.Application.Identity;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Catalog;

/// <summary><c>/api/orgs/{orgId}/customers</c>: the organisation's customers, companies and consumers.</summary>
public sealed class CustomerFunctions
{
    private readonly CustomerService _customers;
    private readonly IdempotentRequests _idempotency;

    public CustomerFunctions(CustomerService customers, IdempotentRequests idempotency)
    {
        _customers = customers;
        _idempotency = idempotency;
    }

    /// <summary>Creates a customer.</summary>
    [Function("CreateCustomer")]
    [AcceptsJson(typeof(CustomerRequest))]
    [ProducesResponseType(typeof(CustomerResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.CatalogWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/customers")] HttpRequest request,
        string orgId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var body = await JsonBody.ReadAsync<CustomerRequest>(request, cancellationToken);

            var created = await _customers.CreateAsync(context.GetAccess(), body.ToInput(), cancellationToken);

            return ApiResults.Created(request, $"/api/orgs/{orgId}/customers/{created.Value.Id}", CustomerResponse.From(created.Value), created.ETag);
        }, cancellationToken);
    }

    /// <summary>Lists the customers that are not deleted, oldest first; <c>q</c> searches name, e-mail and VAT number.</summary>
    [Function("ListCustomers")]
    [ProducesResponseType(typeof(PageResponse<CustomerResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/customers")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var query = CatalogQueries.Read(request);

        var page = await _customers.ListAsync(context.GetAccess(), query, cancellationToken);

        return new OkObjectResult(new PageResponse<CustomerResponse>([.. page.Items.Select(CustomerResponse.From)], page.NextCursor));
    }

    /// <summary>Returns a customer.</summary>
    [Function("GetCustomer")]
    [ProducesResponseType(typeof(CustomerResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/customers/{customerId}")] HttpRequest request,
        string customerId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var customer = await _customers.GetAsync(context.GetAccess(), customerId, cancellationToken);

        return ApiResults.Ok(request, CustomerResponse.From(customer.Value), customer.ETag);
    }

    /// <summary>Replaces a customer.</summary>
    [Function("UpdateCustomer")]
    [AcceptsJson(typeof(CustomerRequest))]
    [ProducesResponseType(typeof(CustomerResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogWrite)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/customers/{customerId}")] HttpRequest request,
        string customerId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CustomerRequest>(request, cancellationToken);

        var customer = await _customers.UpdateAsync(context.GetAccess(), customerId, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, CustomerResponse.From(customer.Value), customer.ETag);
    }

    /// <summary>Deletes a customer; it stays stored for the documents that refer to it.</summary>
    [Function("DeleteCustomer")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.CatalogWrite)]
    public async Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/customers/{customerId}")] HttpRequest request,
        string customerId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _customers.DeleteAsync(context.GetAccess(), customerId, ApiResults.IfMatch(request), cancellationToken);

        return new NoContentResult();
    }
}
