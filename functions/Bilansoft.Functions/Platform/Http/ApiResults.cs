using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>Results with the headers the API promises: <c>ETag</c> on every versioned resource, <c>Location</c> on creation.</summary>
public static class ApiResults
{
    public static IActionResult Ok(HttpRequest request, object body, string? etag = null)
    {
        SetETag(request, etag);
        return new OkObjectResult(body);
    }

    public static IActionResult Created(HttpRequest request, string location, object body, string? etag = null)
    {
        SetETag(request, etag);
        return new CreatedResult(location, body);
    }

    /// <summary>The <c>If-Match</c> header, or null when absent or <c>*</c>.</summary>
    public static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value) || value.Trim() == "*" ? null : value.Trim();
    }

    private static void SetETag(HttpRequest request, string? etag)
    {
        if (!string.IsNullOrEmpty(etag))
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }
    }
}
