using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Organisations;

/// <summary>Invitations: sent under an organisation, accepted by the invitee with the token from the e-mail.</summary>
public sealed class InvitationFunctions
{
    private readonly MembershipService _memberships;
    private readonly IdempotentRequests _idempotency;

    public InvitationFunctions(MembershipService memberships, IdempotentRequests idempotency)
    {
        _memberships = memberships;
        _idempotency = idempotency;
    }

    /// <summary>Invites a person by e-mail; the e-mail carries a single-use link.</summary>
    [Function("CreateInvitation")]
    [AcceptsJson(typeof(InvitationRequest))]
    [ProducesResponseType<InvitationResponse>(201)]
    [RequiresPermission(Permission.MembersManage)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/invitations")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<InvitationRequest>(request, cancellationToken);

            var invitation = await _memberships.InviteAsync(access, body.Email, body.Role, cancellationToken);

            return ApiResults.Created(request, $"/api/orgs/{access.OrganisationId}/invitations/{invitation.Id}", InvitationResponse.From(invitation));
        }, cancellationToken);
    }

    /// <summary>Lists invitations and their state.</summary>
    [Function("ListInvitations")]
    [ProducesResponseType<IReadOnlyList<InvitationResponse>>(200)]
    [RequiresPermission(Permission.MembersRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/invitations")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var invitations = await _memberships.ListInvitationsAsync(context.GetAccess(), cancellationToken);

        return new OkObjectResult(invitations.Select(InvitationResponse.From).ToList());
    }

    /// <summary>Revokes a pending invitation.</summary>
    [Function("RevokeInvitation")]
    [ProducesResponseType(204)]
    [RequiresPermission(Permission.MembersManage)]
    public async Task<IActionResult> RevokeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/invitations/{invitationId}")] HttpRequest request,
        string invitationId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _memberships.RevokeInvitationAsync(context.GetAccess(), invitationId, cancellationToken);

        return new NoContentResult();
    }

    /// <summary>Accepts an invitation with the token from its e-mail.</summary>
    [Function("AcceptInvitation")]
    [AcceptsJson(typeof(AcceptInvitationRequest))]
    [ProducesResponseType<MembershipResponse>(200)]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/accept")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var body = await JsonBody.ReadAsync<AcceptInvitationRequest>(request, cancellationToken);

            var membership = await _memberships.AcceptAsync(context.GetCaller(), body.Token, cancellationToken);

            return new OkObjectResult(new MembershipResponse(membership.OrganisationId, membership.OrganisationName, membership.Role));
        }, cancellationToken);
    }
}
