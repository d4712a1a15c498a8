using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Webhooks;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Webhooks;

/// <summary>
/// Webhook receipts in the <c>webhookreceipts</c> table: PartitionKey is the source, or
/// <c>{source}|{organisationId}</c> for deliveries of one organisation; RowKey is the delivery key
/// (<c>event:{id}</c> or <c>signature:{hash}</c>). Adding a receipt is an insert, which fails with
/// 409 when the row exists, so two copies of one delivery can never both be accepted.
/// </summary>
/// <remarks>
/// NOTE: Receipts are never deleted yet. Signature receipts older than the timestamp tolerance
/// could go, because such deliveries are rejected for their age anyway. Event receipts must stay
/// as long as the sender may retry an event.
/// </remarks>
public sealed class TableWebhookReceiptStore : IWebhookReceiptStore
{
    private readonly StorageClients _storage;

    public TableWebhookReceiptStore(StorageClients storage) => _storage = storage;

    public async Task<bool> TryAddAsync(WebhookReceipt receipt, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(StorageNames.WebhookReceiptTable, cancellationToken);
        var entity = new TableEntity(PartitionKey(receipt), RowKeys.Escape(receipt.DeliveryKey))
        {
            ["Source"] = receipt.Source,
            ["OrganisationId"] = receipt.OrganisationId,
            ["SignedAt"] = receipt.SignedAt,
            ["ReceivedAt"] = receipt.ReceivedAt,
        };

        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task RemoveAsync(WebhookReceipt receipt, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(StorageNames.WebhookReceiptTable, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(PartitionKey(receipt), RowKeys.Escape(receipt.DeliveryKey), ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone: the retry can be accepted either way.
        }
    }

    private static string PartitionKey(WebhookReceipt receipt) =>
        RowKeys.Escape(receipt.OrganisationId is null ? receipt.Source : RowKeys.For(receipt.Source, receipt.OrganisationId));
}
