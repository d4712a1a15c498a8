using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Messaging;

/// <summary>
/// Publishes messages to Azure Storage queues of the same names as the Service Bus queues. The local
/// host reads these queues and calls the Service Bus functions with the message body.
/// </summary>
/// <remarks>
/// NOTE: A Storage queue message is at most 64 KiB; envelopes carry ids, not documents, so they
/// stay far below that.
/// </remarks>
public sealed class StorageQueueMessagePublisher : IMessagePublisher
{
    private readonly StorageClients _storage;

    public StorageQueueMessagePublisher(StorageClients storage) => _storage = storage;

    public async Task PublishAsync(string queueName, MessageEnvelope message, CancellationToken cancellationToken)
    {
        var queue = await _storage.QueueAsync(queueName, cancellationToken);
        await queue.SendMessageAsync(message.ToJson(), cancellationToken);
    }
}
