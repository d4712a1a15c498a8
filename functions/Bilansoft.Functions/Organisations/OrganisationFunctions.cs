using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Organisations;

/// <summary><c>/api/orgs</c>: the caller's organisations and their profiles.</summary>
public sealed class OrganisationFunctions
{
    private readonly OrganisationService _organisations;
    private readonly IdempotentRequests _idempotency;

    public OrganisationFunctions(OrganisationService organisations, IdempotentRequests idempotency)
    {
        _organisations = organisations;
        _idempotency = idempotency;
    }

    /// <summary>Creates an organisation with the caller as its owner.</summary>
    [Function("CreateOrganisation")]
    [AcceptsJson(typeof(OrganisationRequest))]
    [ProducesResponseType<OrganisationResponse>(201)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var body = await JsonBody.ReadAsync<OrganisationRequest>(request, cancellationToken);

            var created = await _organisations.CreateAsync(context.GetCaller(), body.ToInput(), cancellationToken);

            return ApiResults.Created(request, $"/api/orgs/{created.Value.Id}", OrganisationResponse.From(created.Value, Role.Owner), created.ETag);
        }, cancellationToken);
    }

    /// <summary>Lists the caller's organisations with the role in each.</summary>
    [Function("ListOrganisations")]
    [ProducesResponseType<IReadOnlyList<MembershipResponse>>(200)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var memberships = await _organisations.ListMineAsync(context.GetCaller(), cancellationToken);

        return new OkObjectResult(memberships.Select(m => new MembershipResponse(m.OrganisationId, m.OrganisationName, m.Role)).ToList());
    }

    /// <summary>Returns the organisation's profile.</summary>
    [Function("GetOrganisation")]
    [ProducesResponseType<OrganisationResponse>(200)]
    [RequiresPermission(Permission.OrganisationRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var access = context.GetAccess();

        var organisation = await _organisations.GetAsync(access, cancellationToken);

        return ApiResults.Ok(request, OrganisationResponse.From(organisation.Value, access.Role), organisation.ETag);
    }

    /// <summary>Replaces the organisation's profile.</summary>
    [Function("UpdateOrganisation")]
    [AcceptsJson(typeof(OrganisationRequest))]
    [ProducesResponseType<OrganisationResponse>(200)]
    [RequiresPermission(Permission.OrganisationManage)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var access = context.GetAccess();
        var body = await JsonBody.ReadAsync<OrganisationRequest>(request, cancellationToken);

        var updated = await _organisations.UpdateAsync(access, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, OrganisationResponse.From(updated.Value, access.Role), updated.ETag);
    }

    /// <summary>Closes the organisation; its data stays stored for the legal retention period.</summary>
    [Function("CloseOrganisation")]
    [ProducesResponseType(204)]
    [RequiresPermission(Permission.OrganisationClose)]
    public async Task<IActionResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _organisations.CloseAsync(context.GetAccess(), cancellationToken);

        return new NoContentResult();
    }

    /// <summary>Stores the logo: a PNG or JPEG image of at most 1 MiB as the request body.</summary>
    [Function("SetOrganisationLogo")]
    [AcceptsFile("image/png", "image/jpeg")]
    [ProducesResponseType<OrganisationResponse>(200)]
    [RequiresPermission(Permission.OrganisationManage)]
    public async Task<IActionResult> SetLogoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/logo")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var access = context.GetAccess();
        var content = await RawBody.ReadAsync(request, OrganisationService.MaxLogoBytes, cancellationToken);

        var updated = await _organisations.SetLogoAsync(access, content, cancellationToken);

        return ApiResults.Ok(request, OrganisationResponse.From(updated.Value, access.Role), updated.ETag);
    }

    /// <summary>Returns the logo image.</summary>
    [Function("GetOrganisationLogo")]
    [ProducesResponseType(200)]
    [RequiresPermission(Permission.OrganisationRead)]
    public async Task<IActionResult> GetLogoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/logo")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var (content, contentType) = await _organisations.GetLogoAsync(context.GetAccess(), cancellationToken);

        return new FileContentResult(content, contentType);
    }

    /// <summary>Removes the logo.</summary>
    [Function("DeleteOrganisationLogo")]
    [ProducesResponseType(204)]
    [RequiresPermission(Permission.OrganisationManage)]
    public async Task<IActionResult> DeleteLogoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/logo")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _organisations.DeleteLogoAsync(context.GetAccess(), cancellationToken);

        return new NoContentResult();
    }
}
