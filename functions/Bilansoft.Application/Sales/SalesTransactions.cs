using Bilansoft.Application.Errors;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Application.Sales;

/// <summary>
/// Runs a read-decide-commit use case again when its commit loses a race
/// (<see cref="SalesConcurrencyException"/>), after a random pause that grows with each attempt, so
/// concurrent requests that issue numbers in one series each get the next number in turn.
/// </summary>
public sealed partial class SalesTransactions
{
    /// <summary>
    /// Attempts before giving up with <see cref="SalesErrorCodes.ConcurrentChange"/>. Sized so that
    /// 50 requests issuing at once in one organisation all succeed: each round of contention lets
    /// at least one request commit.
    /// </summary>
    public const int MaxAttempts = 80;

    // Full jitter: each retry waits a random time up to a cap that doubles per attempt, so the
    // losers of one round spread out instead of colliding again.
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(4);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    private readonly ILogger<SalesTransactions> _logger;

    public SalesTransactions(ILogger<SalesTransactions> logger) => _logger = logger;

    /// <summary>Runs <paramref name="attempt"/> until it commits, fails for another reason or has run <see cref="MaxAttempts"/> times.</summary>
    /// <param name="operation">Name of the use case, for logs, such as <c>invoice.issue</c>.</param>
    /// <param name="targetId">Id of the document or resource acted on, for logs.</param>
    /// <param name="attempt">Reads the current state, decides and commits; must not keep state between runs.</param>
    /// <param name="cancellationToken">Cancels the pauses and the attempts.</param>
    /// <exception cref="ProblemException">Conflict <see cref="SalesErrorCodes.ConcurrentChange"/> after the last attempt.</exception>
    public async Task<T> RunAsync<T>(string operation, string targetId, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (SalesConcurrencyException exception) when (number < MaxAttempts)
            {
                LogRetry(_logger, operation, targetId, number, exception.Message);
                await Task.Delay(DelayBefore(number + 1), cancellationToken);
            }
            catch (SalesConcurrencyException exception)
            {
                LogGaveUp(_logger, exception, operation, targetId, number);
                throw ProblemException.Conflict(SalesErrorCodes.ConcurrentChange);
            }
        }
    }

    private static TimeSpan DelayBefore(int attempt)
    {
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 10)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "{Operation} on {TargetId} lost a race on attempt {Attempt} ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string operation, string targetId, int attempt, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Operation} on {TargetId} lost {Attempts} races in a row; answered 409")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string operation, string targetId, int attempts);
}
