using Bilansoft.Application.Errors;
using Bilansoft.Application.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Functions.Platform.Middleware;

/// <summary>
/// Turns exceptions of HTTP functions into problem documents: a <see cref="ProblemException"/>
/// into its status and localised text, anything else into a 500 with the correlation id and no
/// internals. Each exception is logged here once. Exceptions of queue, timer and blob functions are
/// logged and rethrown, so the trigger retries and finally dead-letters the message.
/// </summary>
public sealed partial class ExceptionMiddleware : IFunctionsWorkerMiddleware
{
    private readonly ILogger<ExceptionMiddleware> _logger;

    public ExceptionMiddleware(ILogger<ExceptionMiddleware> logger) => _logger = logger;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is not null)
        {
            var correlationId = CorrelationContext.CurrentOrNew();
            var problem = Unwrap(exception);
            if (problem is null)
            {
                LogUnhandled(_logger, exception, context.FunctionDefinition.Name, correlationId);
                problem = new ProblemException(ProblemKind.Internal, ErrorCodes.InternalError);
            }
            else if (problem.Kind is ProblemKind.Internal or ProblemKind.Unavailable)
            {
                LogServerProblem(_logger, exception, context.FunctionDefinition.Name, problem.Code);
            }
            else
            {
                LogRejected(_logger, context.FunctionDefinition.Name, problem.Code, problem.Kind);
            }

            await ProblemResponse.WriteAsync(context.GetHttpContext()!, problem, correlationId, context.CancellationToken);
        }
        catch (Exception exception)
        {
            LogStepFailed(_logger, exception, context.FunctionDefinition.Name, context.TriggerType() ?? "unknown");
            throw;
        }
    }

    private static ProblemException? Unwrap(Exception exception) => exception switch
    {
        ProblemException problem => problem,
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        Azure.RequestFailedException { Status: 0 or 503 } storage =>
            new ProblemException(ProblemKind.Unavailable, ErrorCodes.StorageUnavailable, innerException: storage),
        _ => null,
    };

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Function {FunctionName} failed with an unhandled exception; answered 500 with correlation id {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string functionName, string correlationId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Function {FunctionName} failed with server problem {ProblemCode}")]
    private static partial void LogServerProblem(ILogger logger, Exception exception, string functionName, string problemCode);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Function {FunctionName} rejected the request: {ProblemCode} ({ProblemKind})")]
    private static partial void LogRejected(ILogger logger, string functionName, string problemCode, ProblemKind problemKind);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Function {FunctionName} ({TriggerType}) failed; the trigger will retry it")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string functionName, string triggerType);
}
