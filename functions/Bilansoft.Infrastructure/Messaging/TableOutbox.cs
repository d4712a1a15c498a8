using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Infrastructure.Messaging;

/// <summary>
/// The transactional outbox over Azure Tables. A repository that changes state adds outbox rows
/// (<c>outbox|{messageId}</c>) to the same entity-group transaction as the change, after calling
/// <see cref="MarkPendingAsync"/>; the use case then calls <see cref="PublishCommittedAsync"/>.
/// The sweep publishes rows left behind by a failed publish or a crash.
/// </summary>
public sealed partial class TableOutbox : IOutbox
{
    /// <summary>Row-key kind of outbox rows in the organisation partition.</summary>
    public const string Kind = "outbox";

    private const string PendingPartition = "pending";

    // A marker is only removed when it is older than this, so a writer that marked an organisation
    // but has not committed its transaction yet never loses the marker to a concurrent sweep.
    private static readonly TimeSpan MarkerGracePeriod = TimeSpan.FromMinutes(5);

    private readonly StorageClients _storage;
    private readonly IMessagePublisher _publisher;
    private readonly TimeProvider _clock;
    private readonly ILogger<TableOutbox> _logger;

    public TableOutbox(StorageClients storage, IMessagePublisher publisher, TimeProvider clock, ILogger<TableOutbox> logger)
    {
        _storage = storage;
        _publisher = publisher;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Creates the insert action of an outbox row, to add to the transaction that causes the message.
    /// </summary>
    public TableTransactionAction CreateRow(string organisationId, OutboxMessage message)
    {
        var entity = new TableEntity(organisationId, RowKeys.For(Kind, message.Envelope.Id))
        {
            ["Queue"] = message.QueueName,
            ["Envelope"] = message.Envelope.ToJson(),
            ["CreatedAt"] = _clock.GetUtcNow(),
        };
        return new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    /// <summary>
    /// Records that the organisation may have outbox rows. Call it before committing a transaction
    /// with outbox rows, so a crash right after the commit still leaves a trace for the sweep.
    /// </summary>
    public async Task MarkPendingAsync(string organisationId, CancellationToken cancellationToken)
    {
        var markers = await _storage.TableAsync(StorageNames.PendingOutboxTable, cancellationToken);
        var marker = new TableEntity(PendingPartition, organisationId) { ["MarkedAt"] = _clock.GetUtcNow() };
        await markers.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task PublishCommittedAsync(string organisationId, IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
        foreach (var message in messages)
        {
            try
            {
                await _publisher.PublishAsync(message.QueueName, message.Envelope, cancellationToken);
                await table.DeleteEntityAsync(organisationId, RowKeys.For(Kind, message.Envelope.Id), ETag.All, cancellationToken);
            }
            catch (Exception exception) when (exception is RequestFailedException or Azure.Messaging.ServiceBus.ServiceBusException or TimeoutException)
            {
                LogPublishDeferred(_logger, exception, message.Envelope.Id, message.QueueName, organisationId);
                await TryMarkPendingAsync(organisationId, cancellationToken);
            }
        }
    }

    public async Task<int> SweepAsync(TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        var markers = await _storage.TableAsync(StorageNames.PendingOutboxTable, cancellationToken);
        var table = await _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
        var now = _clock.GetUtcNow();
        var published = 0;

        await foreach (var marker in markers.QueryAsync<TableEntity>(m => m.PartitionKey == PendingPartition, cancellationToken: cancellationToken))
        {
            var organisationId = marker.RowKey;
            var remaining = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.KindFilter(organisationId, Kind), cancellationToken: cancellationToken))
            {
                if (now - (row.GetDateTimeOffset("CreatedAt") ?? now) < minimumAge)
                {
                    remaining++;
                    continue;
                }

                if (await TryPublishRowAsync(table, row, cancellationToken))
                {
                    published++;
                }
                else
                {
                    remaining++;
                }
            }

            if (remaining == 0 && now - (marker.GetDateTimeOffset("MarkedAt") ?? now) > MarkerGracePeriod)
            {
                await DeleteMarkerAsync(markers, marker, cancellationToken);
            }
        }

        if (published > 0)
        {
            LogSwept(_logger, published);
        }

        return published;
    }

    private async Task<bool> TryPublishRowAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        var envelope = MessageEnvelope.FromJson(row.GetString("Envelope"));
        var queue = row.GetString("Queue");
        try
        {
            await _publisher.PublishAsync(queue, envelope, cancellationToken);
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is RequestFailedException or Azure.Messaging.ServiceBus.ServiceBusException or TimeoutException)
        {
            LogPublishDeferred(_logger, exception, envelope.Id, queue, row.PartitionKey);
            return false;
        }
    }

    private static async Task DeleteMarkerAsync(TableClient markers, TableEntity marker, CancellationToken cancellationToken)
    {
        try
        {
            await markers.DeleteEntityAsync(marker.PartitionKey, marker.RowKey, marker.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Someone marked the organisation again since it was read; the marker must stay.
        }
    }

    private async Task TryMarkPendingAsync(string organisationId, CancellationToken cancellationToken)
    {
        try
        {
            await MarkPendingAsync(organisationId, cancellationToken);
        }
        catch (RequestFailedException exception)
        {
            LogMarkFailed(_logger, exception, organisationId);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Publishing message {MessageId} to {QueueName} for organisation {OrganisationId} failed; the outbox sweep retries it")]
    private static partial void LogPublishDeferred(ILogger logger, Exception exception, string messageId, string queueName, string organisationId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Outbox sweep published {Count} messages")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Marking organisation {OrganisationId} for the outbox sweep failed")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, string organisationId);
}
