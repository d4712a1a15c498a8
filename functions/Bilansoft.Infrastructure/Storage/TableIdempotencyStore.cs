using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Platform;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// Idempotency records in the <c>idempotency</c> table: PartitionKey is the scope (user and
/// organisation), RowKey the key. Records count for <see cref="Retention"/>; an older record is
/// treated as absent. Claims are inserts, so two concurrent requests never both run.
/// </summary>
/// <remarks>NOTE: Expired records are overwritten when their key is reused but never deleted otherwise.</remarks>
public sealed class TableIdempotencyStore : IIdempotencyStore
{
    /// <summary>How long a key protects against duplicates, as common payment APIs do (24 hours).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // A claim older than this belongs to a request that crashed; a retry may take it over.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    public TableIdempotencyStore(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    public async Task<IdempotencyClaim> TryBeginAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var claim = new TableEntity(RowKeys.Escape(scope), RowKeys.Escape(key))
        {
            ["State"] = "running",
            ["Fingerprint"] = fingerprint,
            ["CreatedAt"] = now,
        };

        try
        {
            await table.AddEntityAsync(claim, cancellationToken);
            return new IdempotencyClaim.Started();
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // An earlier request used the key; see what became of it.
        }

        var existing = (await table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken)).Value;
        if (existing is null)
        {
            return new IdempotencyClaim.InProgress();
        }

        var createdAt = existing.GetDateTimeOffset("CreatedAt") ?? now;
        var expired = now - createdAt > Retention;
        var abandoned = existing.GetString("State") == "running" && now - createdAt > ClaimLease;
        if (expired || abandoned)
        {
            try
            {
                await table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return new IdempotencyClaim.Started();
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                return new IdempotencyClaim.InProgress();
            }
        }

        if (existing.GetString("Fingerprint") != fingerprint)
        {
            return new IdempotencyClaim.Mismatch();
        }

        return existing.GetString("State") == "completed"
            ? new IdempotencyClaim.Completed(EntityBody.Read<StoredResponse>(existing))
            : new IdempotencyClaim.InProgress();
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var existing = (await table.GetEntityIfExistsAsync<TableEntity>(RowKeys.Escape(scope), RowKeys.Escape(key), cancellationToken: cancellationToken)).Value;
        var record = new TableEntity(RowKeys.Escape(scope), RowKeys.Escape(key))
        {
            ["State"] = "completed",
            ["Fingerprint"] = existing?.GetString("Fingerprint"),
            ["CreatedAt"] = existing?.GetDateTimeOffset("CreatedAt") ?? _clock.GetUtcNow(),
        };
        EntityBody.Write(record, response);
        await table.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task AbandonAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await table.DeleteEntityAsync(RowKeys.Escape(scope), RowKeys.Escape(key), ETag.All, cancellationToken);
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => _storage.TableAsync(StorageNames.IdempotencyTable, cancellationToken);
}
