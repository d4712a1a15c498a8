using System.Text.Json;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Localization;
using Bilansoft.Domain;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// Writes RFC 9457 problem documents (<c>application/problem+json</c>) with a stable <c>code</c>,
/// a localised <c>title</c> and <c>detail</c>, the correlation id and, for validation failures,
/// every broken rule under <c>errors</c>.
/// </summary>
public static class ProblemResponse
{
    public const string ContentType = "application/problem+json";
    private const string TypeBase = "https://bilansoft.be/problems/";

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => StatusCodes.Status400BadRequest,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ProblemKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Writes the problem as the response, unless the response has already started.</summary>
    public static async Task WriteAsync(HttpContext httpContext, ProblemException problem, string correlationId, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return;
        }

        var language = RequestLanguage.Of(httpContext.Request);
        var arguments = new Dictionary<string, object?>(problem.Arguments) { ["correlationId"] = correlationId };
        var status = StatusOf(problem.Kind);
        var body = new Dictionary<string, object?>
        {
            ["type"] = TypeBase + problem.Code,
            ["title"] = ProblemTexts.Title(problem.Code, language),
            ["status"] = status,
            ["detail"] = ProblemTexts.Detail(problem.Code, language, arguments),
            ["instance"] = httpContext.Request.Path.Value,
            ["code"] = problem.Code,
            ["correlationId"] = correlationId,
        };

        // Clients tell "this invoice does not exist" from "this organisation is not yours" by it.
        if (problem.Arguments.TryGetValue("resource", out var resource) && resource is string resourceName)
        {
            body["resource"] = resourceName;
        }

        if (problem.Violations.Count > 0)
        {
            body["errors"] = problem.Violations
                .Select(violation => new Dictionary<string, object?>
                {
                    ["path"] = violation.Path,
                    ["code"] = violation.Code,
                    ["message"] = ProblemTexts.Message(violation, language),
                })
                .ToList();
        }

        httpContext.Response.Clear();
        httpContext.Response.Headers[Middleware.CorrelationMiddleware.HeaderName] = correlationId;
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.Headers.ContentLanguage = language.ToCode();
        if (problem.Kind == ProblemKind.Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = problem.Arguments.TryGetValue("reason", out var reason) && reason?.ToString() != "Missing"
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
        }
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, ApiJson.Options, cancellationToken);
    }
}
