using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Documents;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Documents;

/// <summary>House style settings in the organisation table, one row <c>documentsettings|house-style</c> per organisation.</summary>
public sealed class TableDocumentSettingsStore : IDocumentSettingsStore
{
    private const string Kind = "documentsettings";
    private const string Id = "house-style";

    private readonly StorageClients _storage;

    public TableDocumentSettingsStore(StorageClients storage) => _storage = storage;

    public async Task<Versioned<DocumentSettings>?> GetAsync(string organisationId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<DocumentSettings>(await TableAsync(cancellationToken), organisationId, Kind, Id, cancellationToken);

    public async Task<Versioned<DocumentSettings>> SaveAsync(string organisationId, DocumentSettings settings, string? etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        var row = OrganisationTable.Row(organisationId, Kind, Id, settings);
        var write = etag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag));

        // A row added by someone else since it was read is a changed version too.
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [write, OrganisationTable.AuditRow(organisationId, audit)],
            () => ProblemException.PreconditionFailed("document-settings", organisationId),
            ErrorCodes.PreconditionFailed,
            cancellationToken);
        return new Versioned<DocumentSettings>(settings, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
