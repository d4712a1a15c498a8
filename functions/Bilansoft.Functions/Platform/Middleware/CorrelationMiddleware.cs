using Bilansoft.Application.Platform;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Functions.Platform.Middleware;

/// <summary>
/// Gives every invocation a correlation id and puts it on every log line written during it.
/// HTTP requests take it from the <c>X-Correlation-Id</c> header (or get a new one, echoed in the
/// response); queued steps take it from the message, so a workflow logs one id from request to
/// delivery; timers and blob triggers get a new one.
/// </summary>
public sealed class CorrelationMiddleware : IFunctionsWorkerMiddleware
{
    public const string HeaderName = "X-Correlation-Id";

    private readonly ILogger _logger;

    public CorrelationMiddleware(ILoggerFactory loggerFactory) => _logger = loggerFactory.CreateLogger("Bilansoft.Invocation");

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var correlationId = ReadCorrelationId(context) ?? CorrelationContext.NewId();
        CorrelationContext.Set(correlationId);

        var httpContext = context.GetHttpContext();
        if (httpContext is not null)
        {
            httpContext.Response.Headers[HeaderName] = correlationId;
        }

        using var scope = _logger.BeginScope(
            "CorrelationId:{CorrelationId} Function:{FunctionName} InvocationId:{InvocationId}",
            correlationId,
            context.FunctionDefinition.Name,
            context.InvocationId);
        await next(context);
    }

    private static string? ReadCorrelationId(FunctionContext context)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext is not null)
        {
            var header = httpContext.Request.Headers[HeaderName].ToString();
            return IsUsable(header) ? header : null;
        }

        if (context.IsTrigger(FunctionContextExtensions.ServiceBusTrigger))
        {
            var fromMessage = context.BindingValue("CorrelationId");
            return IsUsable(fromMessage) ? fromMessage : null;
        }

        return null;
    }

    // A correlation id from outside is echoed and logged, so only short plain tokens are taken.
    private static bool IsUsable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
