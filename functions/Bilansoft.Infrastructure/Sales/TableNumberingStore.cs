using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>
/// Numbering settings in the organisation table as the <c>settings|numbering</c> row with the
/// settings as JSON. A change commits with the series counters it moves and its audit entry.
/// </summary>
public sealed class TableNumberingStore : INumberingStore
{
    private const string Kind = "settings";
    private const string Id = "numbering";

    private readonly StorageClients _storage;

    public TableNumberingStore(StorageClients storage) => _storage = storage;

    public async Task<Versioned<NumberingSettings>?> GetSettingsAsync(string organisationId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<NumberingSettings>(await TableAsync(cancellationToken), organisationId, Kind, Id, cancellationToken);

    public async Task<Versioned<NumberingSettings>> SaveSettingsAsync(
        string organisationId,
        NumberingSettings settings,
        string? etag,
        IReadOnlyList<CounterWrite> counters,
        AuditEntry audit,
        CancellationToken cancellationToken)
    {
        var row = OrganisationTable.Row(organisationId, Kind, Id, settings);
        var actions = new List<TableTransactionAction>
        {
            etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag)),
        };
        actions.AddRange(counters.Select(counter => TableSalesDocumentStore.CounterActionFor(organisationId, counter)));
        actions.Add(OrganisationTable.AuditRow(organisationId, audit));

        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            actions,
            () => ProblemException.PreconditionFailed("numbering-settings", organisationId),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
        return new Versioned<NumberingSettings>(settings, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
