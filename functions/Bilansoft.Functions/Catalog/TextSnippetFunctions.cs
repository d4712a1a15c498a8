using Bilansoft.Application.Catalog;
using Bilansoft.Application.Identity;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Catalog;

/// <summary><c>/api/orgs/{orgId}/text-snippets</c>: reusable texts for lines and notes.</summary>
public sealed class TextSnippetFunctions
{
    private readonly TextSnippetService _snippets;
    private readonly IdempotentRequests _idempotency;

    public TextSnippetFunctions(TextSnippetService snippets, IdempotentRequests idempotency)
    {
        _snippets = snippets;
        _idempotency = idempotency;
    }

    /// <summary>Creates a text snippet.</summary>
    [Function("CreateTextSnippet")]
    [AcceptsJson(typeof(TextSnippetRequest))]
    [ProducesResponseType(typeof(TextSnippetResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.CatalogWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/text-snippets")] HttpRequest request,
        string orgId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var body = await JsonBody.ReadAsync<TextSnippetRequest>(request, cancellationToken);

            var created = await _snippets.CreateAsync(context.GetAccess(), body.ToInput(), cancellationToken);

            return ApiResults.Created(request, $"/api/orgs/{orgId}/text-snippets/{created.Value.Id}", TextSnippetResponse.From(created.Value), created.ETag);
        }, cancellationToken);
    }

    /// <summary>Lists the text snippets, oldest first; <c>q</c> searches them.</summary>
    [Function("ListTextSnippets")]
    [ProducesResponseType(typeof(PageResponse<TextSnippetResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/text-snippets")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var query = CatalogQueries.Read(request);

        var page = await _snippets.ListAsync(context.GetAccess(), query, cancellationToken);

        return new OkObjectResult(new PageResponse<TextSnippetResponse>([.. page.Items.Select(TextSnippetResponse.From)], page.NextCursor));
    }

    /// <summary>Returns a text snippet.</summary>
    [Function("GetTextSnippet")]
    [ProducesResponseType(typeof(TextSnippetResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/text-snippets/{snippetId}")] HttpRequest request,
        string snippetId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var snippet = await _snippets.GetAsync(context.GetAccess(), snippetId, cancellationToken);

        return ApiResults.Ok(request, TextSnippetResponse.From(snippet.Value), snippet.ETag);
    }

    /// <summary>Replaces a text snippet.</summary>
    [Function("UpdateTextSnippet")]
    [AcceptsJson(typeof(TextSnippetRequest))]
    [ProducesResponseType(typeof(TextSnippetResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.CatalogWrite)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/text-snippets/{snippetId}")] HttpRequest request,
        string snippetId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<TextSnippetRequest>(request, cancellationToken);

        var snippet = await _snippets.UpdateAsync(context.GetAccess(), snippetId, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, TextSnippetResponse.From(snippet.Value), snippet.ETag);
    }

    /// <summary>Deletes a text snippet.</summary>
    [Function("DeleteTextSnippet")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.CatalogWrite)]
    public async Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/text-snippets/{snippetId}")] HttpRequest request,
        string snippetId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _snippets.DeleteAsync(context.GetAccess(), snippetId, ApiResults.IfMatch(request), cancellationToken);

        return new NoContentResult();
    }
}
