using Azure.Data.Tables;
using Bilansoft.Application.Documents;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Documents;

/// <summary>
/// The <c>peppoltransmissions</c> table: PartitionKey is the access point's transmission id
/// (escaped), RowKey <c>transmission</c>, with the organisation and document as properties.
/// </summary>
public sealed class TablePeppolTransmissionIndex : IPeppolTransmissionIndex
{
    /// <summary>Name of the table, before the test prefix.</summary>
    public const string TableName = "peppoltransmissions";

    private const string RowKey = "transmission";

    private readonly StorageClients _storage;

    public TablePeppolTransmissionIndex(StorageClients storage) => _storage = storage;

    public async Task AddAsync(string transmissionId, string organisationId, string documentId, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(TableName, cancellationToken);
        var entity = new TableEntity(RowKeys.Escape(transmissionId), RowKey)
        {
            ["OrganisationId"] = organisationId,
            ["DocumentId"] = documentId,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<(string OrganisationId, string DocumentId)?> FindAsync(string transmissionId, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(RowKeys.Escape(transmissionId), RowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? (entity.GetString("OrganisationId"), entity.GetString("DocumentId"))
            : null;
    }
}
