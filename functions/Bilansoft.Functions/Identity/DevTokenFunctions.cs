using Bilansoft.Application.Errors;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Identity;

/// <summary>
/// <c>POST /api/dev/token</c>: a signed token from the development issuer. Exists only when the
/// environment is Development (the local host and tests); elsewhere the route answers 404.
/// </summary>
public sealed class DevTokenFunctions
{
    public sealed record TokenRequest(string? Subject, string? Name, string? Email);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

    /// <summary>Issues a signed access token from the development issuer (Development only).</summary>
    [Function("CreateDevToken")]
    [AcceptsJson(typeof(TokenRequest))]
    [ProducesResponseType<TokenResponse>(200)]
    [AllowAnonymous]
    public static async Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/token")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var issuer = request.HttpContext.RequestServices.GetService<DevelopmentTokenIssuer>()
            ?? throw new ProblemException(ProblemKind.NotFound, ErrorCodes.RouteNotFound, new Dictionary<string, object?>
            {
                ["method"] = request.Method,
                ["path"] = request.Path.Value,
            });

        var body = await JsonBody.ReadAsync<TokenRequest>(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 128)
        {
            throw ProblemException.Invalid(string.IsNullOrWhiteSpace(body.Subject) ? "required" : "too-long", "subject",
                new Dictionary<string, object?> { ["length"] = body.Subject?.Length, ["max"] = 128 });
        }

        var token = issuer.CreateToken(body.Subject.Trim(), body.Name, body.Email);
        return new OkObjectResult(new TokenResponse(token, "Bearer", (int)DevelopmentTokenIssuer.DefaultLifetime.TotalSeconds));
    }
}
