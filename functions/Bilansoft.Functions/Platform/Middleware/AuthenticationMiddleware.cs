using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Functions.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Bilansoft.Functions.Platform.Middleware;

/// <summary>
/// Requires a valid bearer token on every HTTP function except those marked
/// <c>[AllowAnonymous]</c>, and rejects other requests with 401 and the reason. The user is
/// created on the first valid call.
/// </summary>
public sealed class AuthenticationMiddleware : IFunctionsWorkerMiddleware
{
    private readonly TokenAuthenticator _authenticator;
    private readonly IUserDirectory _users;

    public AuthenticationMiddleware(TokenAuthenticator authenticator, IUserDirectory users)
    {
        _authenticator = authenticator;
        _users = users;
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext is null || FunctionMethodInfo.Of(context.FunctionDefinition).AllowsAnonymous)
        {
            await next(context);
            return;
        }

        var (caller, failure) = await _authenticator.AuthenticateAsync(httpContext);
        if (caller is null)
        {
            throw new ProblemException(ProblemKind.Unauthorized, ErrorCodes.Unauthorized, new Dictionary<string, object?> { ["reason"] = failure });
        }

        await _users.EnsureAsync(caller, context.CancellationToken);
        context.SetCaller(caller);
        await next(context);
    }
}
