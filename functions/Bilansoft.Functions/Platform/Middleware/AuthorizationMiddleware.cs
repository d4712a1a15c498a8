using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Bilansoft.Functions.Platform.Middleware;

/// <summary>
/// Checks, before any work, that the caller is a member of the organisation in the route and that
/// their role has the permission the function declares. An organisation the caller cannot see
/// gets 404, exactly as one that does not exist, and a missing permission gets 403.
/// </summary>
public sealed class AuthorizationMiddleware : IFunctionsWorkerMiddleware
{
    private readonly AccessService _access;

    public AuthorizationMiddleware(AccessService access) => _access = access;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var method = FunctionMethodInfo.Of(context.FunctionDefinition);
        if (context.GetHttpContext() is null || (!method.IsOrganisationRoute && method.Permission is null))
        {
            await next(context);
            return;
        }

        // Deny by default: an organisation route without a declared permission is a programming error.
        if (method.Permission is null || !method.IsOrganisationRoute)
        {
            throw new InvalidOperationException(
                $"Function {context.FunctionDefinition.Name} must have both an orgs/{{orgId}} route and [RequiresPermission].");
        }

        var organisationId = context.BindingValue("orgId") ?? string.Empty;
        var access = await _access.ResolveAsync(context.GetCaller(), organisationId, context.CancellationToken)
            ?? throw ProblemException.NotFound("organisation", organisationId);
        if (!access.Allows(method.Permission.Permission))
        {
            // The enum value itself goes in, so the message names the permission in the reader's language.
            throw new ProblemException(ProblemKind.Forbidden, ErrorCodes.Forbidden, new Dictionary<string, object?> { ["permission"] = method.Permission.Permission });
        }

        context.SetAccess(access);
        await next(context);
    }
}
