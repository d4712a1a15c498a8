using Bilansoft.Application.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Platform;

/// <summary>
/// Returns a 404 problem document for routes that no function serves. Its catch-all route
/// has the lowest precedence, so every specific route wins over it.
/// </summary>
public sealed class RouteNotFoundFunctions
{
    /// <summary>Returns a 404 problem document for routes that no function serves.</summary>
    [Function("RouteNotFound")]
    [AllowAnonymous]
    public static IActionResult Handle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", Route = "{*path}")] HttpRequest request)
    {
        throw new ProblemException(ProblemKind.NotFound, ErrorCodes.RouteNotFound, new Dictionary<string, object?>
        {
            ["method"] = request.Method,
            ["path"] = request.Path.Value,
        });
    }
}
