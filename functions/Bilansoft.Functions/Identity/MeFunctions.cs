using Bilansoft.Application.Organisations;
using Bilansoft.Functions.Organisations;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Identity;

/// <summary><c>GET /api/me</c>: the signed-in user's profile and organisations.</summary>
public sealed class MeFunctions
{
    private readonly IUserDirectory _users;

    public MeFunctions(IUserDirectory users) => _users = users;

    /// <summary>Returns the signed-in user's profile and organisations.</summary>
    [Function("GetMe")]
    [ProducesResponseType<MeResponse>(200)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var caller = context.GetCaller();

        var profile = await _users.EnsureAsync(caller, cancellationToken);
        var memberships = await _users.ListMembershipsAsync(caller.UserId, cancellationToken);

        return new OkObjectResult(new MeResponse(
            profile.UserId,
            profile.Name,
            profile.Email,
            memberships.Select(m => new MembershipResponse(m.OrganisationId, m.OrganisationName, m.Role)).ToList()));
    }
}
