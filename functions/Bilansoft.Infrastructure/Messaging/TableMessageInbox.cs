using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Messaging;

/// <summary>
/// Message receipts in the <c>messageinbox</c> table: PartitionKey is the handler (function) name,
/// RowKey the message id, <c>State</c> is <c>claimed</c> or <c>handled</c>. Claims are inserts, and
/// take-overs of expired claims are updates under the row's ETag, so two deliveries never both win.
/// </summary>
/// <remarks>
/// NOTE: Receipts are never deleted. A few rows per invoice keep the table small for years, and a
/// clean-up of receipts older than the longest retry window would bound it.
/// </remarks>
public sealed class TableMessageInbox : IMessageInbox
{
    private const string Claimed = "claimed";
    private const string Handled = "handled";

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    public TableMessageInbox(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    public async Task<InboxClaim> TryClaimAsync(string handlerName, string messageId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(StorageNames.MessageInboxTable, cancellationToken);
        var now = _clock.GetUtcNow();
        var claim = new TableEntity(handlerName, RowKeys.Escape(messageId))
        {
            ["State"] = Claimed,
            ["ClaimedUntil"] = now + lease,
        };

        try
        {
            await table.AddEntityAsync(claim, cancellationToken);
            return InboxClaim.Acquired;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // A receipt exists: either handled, held by a live delivery, or left by a crashed one.
        }

        var existing = await table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is null)
        {
            return InboxClaim.HeldByOther;
        }

        var receipt = existing.Value;
        if (receipt.GetString("State") == Handled)
        {
            return InboxClaim.AlreadyHandled;
        }

        if (receipt.GetDateTimeOffset("ClaimedUntil") is { } until && until > now)
        {
            return InboxClaim.HeldByOther;
        }

        try
        {
            await table.UpdateEntityAsync(claim, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
            return InboxClaim.Acquired;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return InboxClaim.HeldByOther;
        }
    }

    public async Task CompleteAsync(string handlerName, string messageId, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(StorageNames.MessageInboxTable, cancellationToken);
        var receipt = new TableEntity(handlerName, RowKeys.Escape(messageId))
        {
            ["State"] = Handled,
            ["HandledAt"] = _clock.GetUtcNow(),
        };
        await table.UpsertEntityAsync(receipt, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task ReleaseAsync(string handlerName, string messageId, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(StorageNames.MessageInboxTable, cancellationToken);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(handlerName, RowKeys.Escape(messageId), cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value is { } receipt && receipt.GetString("State") == Claimed)
        {
            try
            {
                await table.DeleteEntityAsync(receipt.PartitionKey, receipt.RowKey, receipt.ETag, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Completed or taken over in the meantime: nothing to release.
            }
        }
    }
}
