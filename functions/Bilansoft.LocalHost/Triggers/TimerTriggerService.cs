using Bilansoft.LocalHost.Catalog;
using Bilansoft.LocalHost.Hosting;
using Bilansoft.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Bilansoft.LocalHost.Triggers;

/// <summary>
/// Fires timer functions on their NCRONTAB schedules (six fields with seconds, or five without),
/// evaluated in UTC as the Functions host does by default.
/// </summary>
internal sealed partial class TimerTriggerService : BackgroundService
{
    private readonly FunctionCatalog _catalog;
    private readonly InvocationRunner _runner;
    private readonly IConfiguration _configuration;
    private readonly LocalHostOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TimerTriggerService> _logger;

    public TimerTriggerService(
        FunctionCatalog catalog,
        InvocationRunner runner,
        IConfiguration configuration,
        IOptions<LocalHostOptions> options,
        TimeProvider clock,
        ILogger<TimerTriggerService> logger)
    {
        _catalog = catalog;
        _runner = runner;
        _configuration = configuration;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Parses a schedule, resolving a <c>%Setting%</c> reference from configuration first.</summary>
    public static CrontabSchedule ParseSchedule(string expression, IConfiguration configuration)
    {
        var resolved = SettingReference.Resolve(expression, configuration);
        var fieldCount = resolved.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.Parse(resolved, new CrontabSchedule.ParseOptions { IncludingSeconds = fieldCount == 6 });
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.TimersEnabled)
        {
            return Task.CompletedTask;
        }

        var timers = _catalog.Functions.Where(f => f.Trigger == TriggerKind.Timer).ToList();
        return Task.WhenAll(timers.Select(timer => RunScheduleAsync(timer, stoppingToken)));
    }

    private async Task RunScheduleAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var schedule = ParseSchedule(function.Schedule!, _configuration);
        var last = _clock.GetUtcNow().UtcDateTime;
        if (function.RunOnStartup)
        {
            await FireAsync(function, last, schedule.GetNextOccurrence(last), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(_clock.GetUtcNow().UtcDateTime);
            var delay = next - _clock.GetUtcNow().UtcDateTime;
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FireAsync(function, last, schedule.GetNextOccurrence(next), stoppingToken);
            last = next;
        }
    }

    private async Task FireAsync(FunctionDescriptor function, DateTime last, DateTime next, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = _clock.GetUtcNow().UtcDateTime },
        };

        try
        {
            await _runner.RunAsync(function, new TriggerInput.Timer(info), new Dictionary<string, object?>(), stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The worker middleware has logged the failure; a timer keeps its schedule regardless.
            LogFailed(_logger, exception, function.Name);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Timer function {FunctionName} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName);
}
