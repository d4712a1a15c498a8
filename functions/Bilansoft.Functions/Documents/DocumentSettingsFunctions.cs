using Bilansoft.Application.Documents;
using Bilansoft.Application.Identity;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Documents;

/// <summary><c>/api/orgs/{orgId}/settings/documents</c>: the house style of PDFs and the letterhead.</summary>
public sealed class DocumentSettingsFunctions
{
    private readonly DocumentSettingsService _settings;

    public DocumentSettingsFunctions(DocumentSettingsService settings) => _settings = settings;

    /// <summary>Returns the organisation's house style for documents.</summary>
    [Function("GetDocumentSettings")]
    [RequiresPermission(Permission.OrganisationRead)]
    [ProducesResponseType(typeof(DocumentSettingsResponse), StatusCodes.Status200OK)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/settings/documents")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var settings = await _settings.GetAsync(context.GetAccess(), cancellationToken);

        return ApiResults.Ok(request, DocumentSettingsResponse.From(settings.Value), settings.ETag);
    }

    /// <summary>Replaces the organisation's house style for documents.</summary>
    [Function("UpdateDocumentSettings")]
    [RequiresPermission(Permission.OrganisationManage)]
    [AcceptsJson(typeof(DocumentSettingsRequest))]
    [ProducesResponseType(typeof(DocumentSettingsResponse), StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/settings/documents")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var access = context.GetAccess();
        var body = await JsonBody.ReadAsync<DocumentSettingsRequest>(request, cancellationToken);

        var updated = await _settings.UpdateAsync(access, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, DocumentSettingsResponse.From(updated.Value), updated.ETag);
    }

    /// <summary>Stores the letterhead: the request body is the PDF itself.</summary>
    [Function("SetLetterhead")]
    [RequiresPermission(Permission.OrganisationManage)]
    [AcceptsFile("application/pdf")]
    [ProducesResponseType(typeof(DocumentSettingsResponse), StatusCodes.Status200OK)]
    public async Task<IActionResult> SetLetterheadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/settings/documents/letterhead")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var access = context.GetAccess();
        var content = await RawBody.ReadAsync(request, LetterheadCheck.MaxBytes, cancellationToken);

        var updated = await _settings.SetLetterheadAsync(access, content, cancellationToken);

        return ApiResults.Ok(request, DocumentSettingsResponse.From(updated.Value), updated.ETag);
    }

    /// <summary>Downloads the letterhead PDF printed behind every page.</summary>
    [Function("GetLetterhead")]
    [RequiresPermission(Permission.OrganisationRead)]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "application/pdf")]
    public async Task<IActionResult> GetLetterheadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/settings/documents/letterhead")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var content = await _settings.GetLetterheadAsync(context.GetAccess(), cancellationToken);

        return new FileContentResult(content, "application/pdf");
    }

    /// <summary>Removes the letterhead.</summary>
    [Function("DeleteLetterhead")]
    [RequiresPermission(Permission.OrganisationManage)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteLetterheadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/settings/documents/letterhead")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _settings.DeleteLetterheadAsync(context.GetAccess(), cancellationToken);

        return new NoContentResult();
    }
}
