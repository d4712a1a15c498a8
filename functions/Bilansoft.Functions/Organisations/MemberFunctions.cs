using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Organisations;

/// <summary><c>/api/orgs/{orgId}/members</c>: who belongs to an organisation and with which role.</summary>
public sealed class MemberFunctions
{
    private readonly MembershipService _memberships;
    private readonly IdempotentRequests _idempotency;

    public MemberFunctions(MembershipService memberships, IdempotentRequests idempotency)
    {
        _memberships = memberships;
        _idempotency = idempotency;
    }

    /// <summary>Lists the members with their roles.</summary>
    [Function("ListMembers")]
    [ProducesResponseType<IReadOnlyList<MemberResponse>>(200)]
    [RequiresPermission(Permission.MembersRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/members")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var members = await _memberships.ListMembersAsync(context.GetAccess(), cancellationToken);

        return new OkObjectResult(members.Select(m => ToResponse(m.Value)).ToList());
    }

    /// <summary>Changes a member's role; only owners grant or take the owner role.</summary>
    [Function("ChangeMemberRole")]
    [AcceptsJson(typeof(ChangeRoleRequest))]
    [ProducesResponseType<MemberResponse>(200)]
    [RequiresPermission(Permission.MembersManage)]
    public async Task<IActionResult> ChangeRoleAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/members/{userId}")] HttpRequest request,
        string userId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ChangeRoleRequest>(request, cancellationToken);

        var member = await _memberships.ChangeRoleAsync(context.GetAccess(), userId, body.Role, ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, ToResponse(member.Value), member.ETag);
    }

    /// <summary>Removes a member; the last owner cannot be removed.</summary>
    [Function("RemoveMember")]
    [ProducesResponseType(204)]
    [RequiresPermission(Permission.MembersManage)]
    public async Task<IActionResult> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/members/{userId}")] HttpRequest request,
        string userId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _memberships.RemoveAsync(context.GetAccess(), userId, cancellationToken);

        return new NoContentResult();
    }

    /// <summary>Removes the caller from the organisation; the last owner cannot leave.</summary>
    [Function("LeaveOrganisation")]
    [ProducesResponseType(204)]
    [RequiresPermission(Permission.OrganisationRead)]
    public Task<IActionResult> LeaveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/leave")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            await _memberships.LeaveAsync(context.GetAccess(), cancellationToken);

            return new NoContentResult();
        }, cancellationToken);
    }

    /// <summary>Lists the audit trail, newest first, one page at a time (query parameters cursor and limit).</summary>
    [Function("ListAudit")]
    [ProducesResponseType<AuditPageResponse>(200)]
    [RequiresPermission(Permission.AuditRead)]
    public async Task<IActionResult> ListAuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/audit")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var access = context.GetAccess();
        var limit = PagingQuery.Limit(request);

        var page = await _memberships.ListAuditAsync(access, request.Query["cursor"], limit, cancellationToken);

        return new OkObjectResult(new AuditPageResponse(page.Items, page.NextCursor));
    }

    private static MemberResponse ToResponse(Member member) => new(member.UserId, member.Name, member.Email, member.Role, member.JoinedAt);
}
