using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Bilansoft.Application.Messaging;

namespace Bilansoft.Infrastructure.Messaging;

/// <summary>
/// Publishes messages to Azure Service Bus queues. The message id is the envelope id, so Service
/// Bus duplicate detection (enabled on the queues) drops a second publish of the same message.
/// </summary>
public sealed class ServiceBusMessagePublisher : IMessagePublisher, IAsyncDisposable
{
    private readonly ServiceBusClient _client;
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public ServiceBusMessagePublisher(ServiceBusClient client) => _client = client;

    public async Task PublishAsync(string queueName, MessageEnvelope message, CancellationToken cancellationToken)
    {
        var sender = _senders.GetOrAdd(queueName, _client.CreateSender);
        var serviceBusMessage = new ServiceBusMessage(BinaryData.FromString(message.ToJson()))
        {
            MessageId = message.Id,
            CorrelationId = message.CorrelationId,
            ContentType = "application/json",
            Subject = message.Type,
        };
        serviceBusMessage.ApplicationProperties["organisationId"] = message.OrganisationId;

        await sender.SendMessageAsync(serviceBusMessage, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync();
        }
    }
}
