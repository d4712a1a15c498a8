using Bilansoft.LocalHost.Catalog;
using Bilansoft.LocalHost.Invocation;
using Bilansoft.LocalHost.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Bilansoft.LocalHost.Triggers;

/// <summary>
/// Maps every HTTP function to its route under the route prefix (<c>api</c>, from host.json) on
/// Kestrel. Each request runs in its own scope, like the worker's ASP.NET Core integration: the
/// HttpContext is put in the function context, middleware runs, then the returned IActionResult
/// or IResult is executed.
/// </summary>
internal static partial class HttpTriggerEndpoints
{
    public static void Map(WebApplication app, FunctionCatalog catalog, string routePrefix)
    {
        foreach (var function in catalog.Functions.Where(f => f.Trigger == TriggerKind.Http))
        {
            var pattern = string.IsNullOrEmpty(routePrefix) ? function.Route! : $"{routePrefix}/{function.Route}";
            var methods = function.HttpMethods!.Select(m => m.ToUpperInvariant()).ToArray();
            // A delegate with an HttpContext parameter (not a RequestDelegate) makes the endpoint
            // visible to the OpenAPI generator.
            app.MapMethods(pattern, methods, (Func<HttpContext, Task>)(httpContext => HandleAsync(httpContext, function)))
                .WithName(function.Name)
                .WithMetadata(function)
                .Describe(function);
        }
    }

    private static async Task HandleAsync(HttpContext httpContext, FunctionDescriptor function)
    {
        var services = httpContext.RequestServices;
        var invoker = services.GetRequiredService<FunctionInvoker>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bilansoft.LocalHost.Http");

        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in httpContext.Request.RouteValues)
        {
            bindingData[key] = value;
        }

        var context = new LocalFunctionContext(function, services, bindingData, httpContext.RequestAborted);
        context.Items[LocalFunctionContext.HttpContextItemKey] = httpContext;

        object? result;
        try
        {
            result = await invoker.InvokeAsync(context, new TriggerInput.Http(httpContext.Request));
        }
        catch (Exception exception)
        {
            // The app's middleware handles every exception, so one escaping it is a host-level failure,
            // for which the Functions host also returns an empty 500.
            LogEscaped(logger, exception, function.Name);
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }

        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(httpContext);
                break;
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "HTTP function {FunctionName} threw past the worker middleware")]
    private static partial void LogEscaped(ILogger logger, Exception exception, string functionName);
}
