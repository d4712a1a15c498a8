namespace Bilansoft.Application.Messaging;

/// <summary>
/// Publishes outbox messages and sweeps the ones whose first publish failed.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Publishes messages already committed to an organisation's outbox and removes them from it.
    /// Failures are logged and left for the sweep; this method does not throw for them.
    /// </summary>
    Task PublishCommittedAsync(string organisationId, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes every outbox message older than <paramref name="minimumAge"/> in every organisation
    /// that has pending messages. Returns the number published.
    /// </summary>
    Task<int> SweepAsync(TimeSpan minimumAge, CancellationToken cancellationToken);
}
