using Bilansoft.Application.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Messaging;

/// <summary>Publishes outbox messages whose first publish failed.</summary>
public sealed class OutboxFunctions
{
    // Younger messages are still being published by the request that wrote them.
    private static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(30);

    private readonly IOutbox _outbox;

    public OutboxFunctions(IOutbox outbox) => _outbox = outbox;

    /// <summary>Runs every minute.</summary>
    [Function("SweepOutbox")]
    public Task SweepAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        _outbox.SweepAsync(MinimumAge, cancellationToken);
}
