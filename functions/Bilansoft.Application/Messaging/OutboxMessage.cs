namespace Bilansoft.Application.Messaging;

/// <summary>
/// A message written in the same storage transaction as the state change that causes it, and
/// published afterwards. If publishing fails or the process stops, the outbox sweep publishes it
/// later, so no step of a workflow is lost.
/// </summary>
/// <param name="QueueName">Queue of the step that handles the message.</param>
/// <param name="Envelope">The message itself.</param>
public sealed record OutboxMessage(string QueueName, MessageEnvelope Envelope);
