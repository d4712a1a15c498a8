using Bilansoft.Application.Catalog;
using Bilansoft.Application.Identity;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Catalog;

/// <summary><c>/api/orgs/{orgId}/products</c>: items and services with price, VAT and stock.</summary>
public sealed class ProductFunctions
{
    private readonly ProductService _products;
    private readonly IdempotentRequests _idempotency;

    public ProductFunctions(ProductService products, IdempotentRequests idempotency)
    {
        _products = products;
        _idempotency = idempotency;
    }

    /// <summary>Creates a product.</summary>
    [Function("CreateProduct")]
    [AcceptsJson(typeof(ProductRequest))]
    [ProducesResponseType(typeof(ProductResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.CatalogWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/products")] HttpRequest request,
        string orgId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var body = await JsonBody.ReadAsync<ProductRequest>(request, cancellationToken);

            var created = await _products.CreateAsync(context.GetAccess(), body.ToInput(), cancellationToken);

            return ApiResults.Created(request, $"/api/orgs/{orgId}/products/{created.Value.Id}", ProductResponse.From(created.Value), created.ETag);
        }, cancellationToken);
    }

    /// <summary>Lists the products, oldest first; <c>q</c> searches them.</summary>
    [Function("ListProducts")]
    [ProducesResponseType(typeof(PageResponse<ProductResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/products")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var query = CatalogQueries.Read(request);

        var page = await _products.ListAsync(context.GetAccess(), query, cancellationToken);

        return new OkObjectResult(new PageResponse<ProductResponse>([.. page.Items.Select(ProductResponse.From)], page.NextCursor));
    }

    /// <summary>Lists the tracked products whose stock is at or below their reorder level.</summary>
    [Function("ListProductsToReorder")]
    [ProducesResponseType(typeof(PageResponse<ProductResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> ListToReorderAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/products/reorder")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var products = await _products.ListToReorderAsync(context.GetAccess(), cancellationToken);

        return new OkObjectResult(new PageResponse<ProductResponse>([.. products.Select(product => ProductResponse.From(product.Value))], null));
    }

    /// <summary>Returns a product.</summary>
    [Function("GetProduct")]
    [ProducesResponseType(typeof(ProductResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/products/{productId}")] HttpRequest request,
        string productId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var product = await _products.GetAsync(context.GetAccess(), productId, cancellationToken);

        return ApiResults.Ok(request, ProductResponse.From(product.Value), product.ETag);
    }

    /// <summary>Replaces a product.</summary>
    [Function("UpdateProduct")]
    [AcceptsJson(typeof(ProductRequest))]
    [ProducesResponseType(typeof(ProductResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogWrite)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/products/{productId}")] HttpRequest request,
        string productId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ProductRequest>(request, cancellationToken);

        var product = await _products.UpdateAsync(context.GetAccess(), productId, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, ProductResponse.From(product.Value), product.ETag);
    }

    /// <summary>Deletes a product and frees its code.</summary>
    [Function("DeleteProduct")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.CatalogWrite)]
    public async Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/products/{productId}")] HttpRequest request,
        string productId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _products.DeleteAsync(context.GetAccess(), productId, ApiResults.IfMatch(request), cancellationToken);

        return new NoContentResult();
    }
}
