namespace Bilansoft.Application.Messaging;

/// <summary>
/// Sends messages to the queue of a workflow step. Azure Service Bus in production, Azure Storage
/// queues on the local host. Delivery is at least once: a message may arrive more than once, so
/// every handler is idempotent by message id.
/// </summary>
public interface IMessagePublisher
{
    Task PublishAsync(string queueName, MessageEnvelope message, CancellationToken cancellationToken);
}
