using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Documents;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Documents;

/// <summary>
/// Delivery state rows <c>delivery|{documentId}</c> in the organisation table. A state change, its
/// audit rows and its outbox rows are one entity-group transaction under the row's ETag.
/// </summary>
public sealed class TableDocumentDeliveryStore : IDocumentDeliveryStore
{
    private const string Kind = "delivery";

    private readonly StorageClients _storage;
    private readonly TableOutbox _outbox;

    public TableDocumentDeliveryStore(StorageClients storage, TableOutbox outbox)
    {
        _storage = storage;
        _outbox = outbox;
    }

    public async Task<Versioned<DocumentDelivery>?> GetAsync(string organisationId, string documentId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<DocumentDelivery>(await TableAsync(cancellationToken), organisationId, Kind, documentId, cancellationToken);

    public async Task<string> SaveAsync(
        string organisationId,
        DocumentDelivery delivery,
        string? etag,
        IReadOnlyList<AuditEntry> audit,
        IReadOnlyList<OutboxMessage> messages,
        CancellationToken cancellationToken)
    {
        var row = OrganisationTable.Row(organisationId, Kind, delivery.DocumentId, delivery);
        row["Number"] = delivery.Number;
        var actions = new List<TableTransactionAction>
        {
            etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag)),
        };
        actions.AddRange(audit.Select(entry => OrganisationTable.AuditRow(organisationId, entry)));
        if (messages.Count > 0)
        {
            await _outbox.MarkPendingAsync(organisationId, cancellationToken);
            actions.AddRange(messages.Select(message => _outbox.CreateRow(organisationId, message)));
        }

        try
        {
            var response = await (await TableAsync(cancellationToken)).SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            // 412: changed since read; 409: added since read, or the outbox row of the same message
            // is still there. Either way the caller reads again.
            throw new DeliveryConcurrencyException($"The delivery state of document {delivery.DocumentId} changed since it was read.", exception);
        }
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
