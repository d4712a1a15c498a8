using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.LocalHost.Hosting;
using Bilansoft.LocalHost.Invocation;
using Microsoft.Extensions.Options;

namespace Bilansoft.LocalHost.Triggers;

/// <summary>
/// Delivers the messages of Azure Storage queues to the Service Bus functions that listen to queues
/// of the same names, with Service Bus's semantics: at least once, retried with a growing delay, and
/// moved to <c>{queue}-poison</c> after <see cref="LocalHostOptions.MaxDeliveryCount"/> failed
/// deliveries without blocking the other messages.
/// </summary>
internal sealed partial class QueueTriggerService : BackgroundService
{
    private const int BatchSize = 16;

    // Longer than a step normally takes; a message whose handler crashed reappears after it.
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    private readonly FunctionCatalog _catalog;
    private readonly InvocationRunner _runner;
    private readonly StorageClients _storage;
    private readonly IConfiguration _configuration;
    private readonly LocalHostOptions _options;
    private readonly ILogger<QueueTriggerService> _logger;

    public QueueTriggerService(
        FunctionCatalog catalog,
        InvocationRunner runner,
        StorageClients storage,
        IConfiguration configuration,
        IOptions<LocalHostOptions> options,
        ILogger<QueueTriggerService> logger)
    {
        _catalog = catalog;
        _runner = runner;
        _storage = storage;
        _configuration = configuration;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Builds the binding data the Functions host sends with a Service Bus message, from the
    /// envelope in the body when there is one.
    /// </summary>
    public static Dictionary<string, object?> BindingDataFor(string body, string fallbackMessageId, long deliveryCount, DateTimeOffset? enqueuedAt)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MessageId"] = fallbackMessageId,
            ["DeliveryCount"] = deliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContentType"] = "application/json",
            ["EnqueuedTimeUtc"] = enqueuedAt?.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };

        try
        {
            var envelope = MessageEnvelope.FromJson(body);
            data["MessageId"] = envelope.Id;
            data["CorrelationId"] = envelope.CorrelationId;
            data["Subject"] = envelope.Type;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not an envelope: the storage message id replaces the Service Bus message id.
        }

        return data;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.QueuesEnabled)
        {
            return Task.CompletedTask;
        }

        var listeners = _catalog.Functions.Where(f => f.Trigger == TriggerKind.ServiceBus).ToList();
        return Task.WhenAll(listeners.Select(function => ListenAsync(function, stoppingToken)));
    }

    private async Task ListenAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var queueName = SettingReference.Resolve(function.QueueName!, _configuration);
        var idleDelay = TimeSpan.FromMilliseconds(50);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await _storage.QueueAsync(queueName, stoppingToken);
                var received = await queue.ReceiveMessagesAsync(BatchSize, VisibilityTimeout, stoppingToken);
                if (received.Value.Length == 0)
                {
                    await Task.Delay(idleDelay, stoppingToken);
                    idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, _options.QueuePollInterval.Ticks));
                    continue;
                }

                idleDelay = TimeSpan.FromMilliseconds(50);
                await Task.WhenAll(received.Value.Select(message => DeliverAsync(function, queue, message, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
            {
                LogPollFailed(_logger, exception, queueName);
                await DelayQuietlyAsync(_options.QueuePollInterval * 4, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(FunctionDescriptor function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        var body = message.Body.ToString();
        var bindingData = BindingDataFor(body, message.MessageId, message.DequeueCount, message.InsertedOn);
        try
        {
            await _runner.RunAsync(function, new TriggerInput.Message(body), bindingData, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again after its visibility timeout.
            return;
        }
        catch (Exception exception)
        {
            await HandleFailureAsync(function, queue, message, exception);
        }
    }

    private async Task HandleFailureAsync(FunctionDescriptor function, QueueClient queue, QueueMessage message, Exception exception)
    {
        var messageId = System.Convert.ToString(BindingDataFor(message.Body.ToString(), message.MessageId, 0, null)["MessageId"], System.Globalization.CultureInfo.InvariantCulture)!;
        if (message.DequeueCount >= _options.MaxDeliveryCount)
        {
            var poison = await _storage.QueueAsync(queue.Name + QueueNames.PoisonSuffix, CancellationToken.None);
            await poison.SendMessageAsync(message.Body.ToString(), CancellationToken.None);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            LogPoisoned(_logger, exception, messageId, function.Name, message.DequeueCount, queue.Name + QueueNames.PoisonSuffix);
            return;
        }

        var exponent = (int)Math.Min(message.DequeueCount - 1, 16);
        var delay = TimeSpan.FromTicks(Math.Min(_options.RetryDelay.Ticks * (1L << exponent), MaxRetryDelay.Ticks));
        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: CancellationToken.None);
        LogRetrying(_logger, exception, messageId, function.Name, message.DequeueCount, delay.TotalSeconds);
    }

    private static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Message {MessageId} failed in {FunctionName} on delivery {DeliveryCount}; retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string messageId, string functionName, long deliveryCount, double delaySeconds);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Message {MessageId} failed in {FunctionName} {DeliveryCount} times; moved to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, Exception exception, string messageId, string functionName, long deliveryCount, string poisonQueue);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Polling queue {QueueName} failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queueName);
}
