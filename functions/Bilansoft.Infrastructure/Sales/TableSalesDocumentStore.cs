using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Catalog;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>
/// Sales documents in the organisation table. Rows of one organisation share its partition:
/// <list type="bullet">
/// <item><c>sales|{id}</c>: the document as JSON in the body (split and compressed by
/// <see cref="EntityBody"/> when large), with summary properties for filters;</item>
/// <item><c>salesidx|…</c>: four index rows per document, see <see cref="SalesIndex"/>;</item>
/// <item><c>series|{index}</c>: the counter of a numbering series, <c>Year</c> and <c>LastSequence</c>;</item>
/// <item><c>imported|{NUMBER}</c>: the claim of an imported invoice's number.</item>
/// </list>
/// A commit writes documents, index rows, counter, product stock, audit and outbox rows in one
/// entity-group transaction. When any ETag or existence check fails, nothing is written.
/// </summary>
public sealed class TableSalesDocumentStore : ISalesDocumentStore
{
    /// <summary>Row-key kind of document rows.</summary>
    public const string DocumentKind = "sales";

    /// <summary>Row-key kind of numbering counters.</summary>
    public const string SeriesKind = "series";

    /// <summary>Most operations Azure Tables accepts in one entity-group transaction.</summary>
    public const int MaxOperations = 100;

    private readonly StorageClients _storage;
    private readonly TableOutbox _outbox;

    public TableSalesDocumentStore(StorageClients storage, TableOutbox outbox)
    {
        _storage = storage;
        _outbox = outbox;
    }

    public async Task<Versioned<SalesDocumentRecord>?> GetAsync(string organisationId, SalesDocumentId documentId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, DocumentKey(documentId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? new Versioned<SalesDocumentRecord>(EntityBody.Read<StoredSalesDocument>(entity).ToRecord(), entity.ETag.ToString())
            : null;
    }

    public async Task<ListPage<SalesDocumentSummary>> ListAsync(string organisationId, SalesDocumentQuery query, CancellationToken cancellationToken)
    {
        var prefix = SalesIndex.Prefix(query.Kind, query.Sort, query.Descending);
        var (from, to) = (prefix, RowKeys.RangeEnd(prefix.TrimEnd(RowKeys.Separator)));

        // In date order the period is a row-key range, so the table service skips other dates
        // without reading them.
        if (query.Sort == SalesDocumentSort.IssueDate)
        {
            var first = query.Descending ? query.To : query.From;
            var last = query.Descending ? query.From : query.To;
            if (first is { } start)
            {
                from = prefix + SalesIndex.DateKey(start, query.Descending);
            }

            if (last is { } end)
            {
                to = prefix + SalesIndex.DateKey(end, query.Descending) + "}";
            }
        }

        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        var range = new KeysetPages.Range(organisationId, from, to, Filter(query), SalesIndex.SummaryColumns);
        return await KeysetPages.ReadAsync(await TableAsync(cancellationToken), range, query.Cursor, query.Limit, text is not null,
            entity => text is null || SalesIndex.Matches(entity, text) ? SalesIndex.ReadSummary(entity) : null,
            cancellationToken);
    }

    public async Task<IReadOnlyList<OpenInvoice>> ListOpenInvoicesAsync(string organisationId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var prefix = SalesIndex.Prefix(SalesDocumentKind.Invoice, SalesDocumentSort.IssueDate, descending: false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {prefix} and RowKey lt {RowKeys.RangeEnd(prefix.TrimEnd(RowKeys.Separator))}")
            + " and " + OpenFilter();
        var open = new List<OpenInvoice>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, 1000, SalesIndex.SummaryColumns, cancellationToken))
        {
            var summary = SalesIndex.ReadSummary(entity);
            open.Add(new OpenInvoice(
                summary.Id,
                summary.Number ?? string.Empty,
                summary.StructuredCommunication,
                summary.AmountDue,
                summary.CustomerId,
                summary.CustomerName,
                summary.IssueDate,
                summary.DueDate,
                summary.Imported));
        }

        return open;
    }

    public async Task<Versioned<NumberingCounter>?> GetCounterAsync(string organisationId, int seriesIndex, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, CounterKey(seriesIndex), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? new Versioned<NumberingCounter>(new NumberingCounter(entity.GetInt32("Year") ?? 0, entity.GetInt64("LastSequence") ?? 0L), entity.ETag.ToString())
            : null;
    }

    public async Task<SalesDocumentId?> FindImportedAsync(string organisationId, string number, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, SalesIndex.ImportedNumberKey(number), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity && SalesDocumentId.TryParse(entity.GetString("DocumentId"), out var id) ? id : null;
    }

    public async Task<SalesDocumentId?> FindByStructuredCommunicationAsync(string organisationId, StructuredCommunication communication, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var filter = $"{RowKeys.KindFilter(organisationId, DocumentKind)} and {TableClient.CreateQueryFilter($"Communication eq {communication.Digits}")}";
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, 1, ["Id"], cancellationToken))
        {
            return SalesDocumentId.TryParse(entity.GetString("Id"), out var id) ? id : null;
        }

        return null;
    }

    public async Task<IReadOnlyDictionary<SalesDocumentId, string>> CommitAsync(string organisationId, SalesCommit commit, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        var documentActions = new Dictionary<SalesDocumentId, int>();
        foreach (var write in commit.Writes)
        {
            documentActions[write.Record.Id] = actions.Count;
            AddWrite(actions, organisationId, write);
        }

        foreach (var deleted in commit.Deletes)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, DocumentKey(deleted.Value.Id)), new ETag(deleted.ETag)));
            actions.AddRange(SalesIndex.RowKeysOf(deleted.Value).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, key), ETag.All)));
        }

        if (commit.Counter is { } counter)
        {
            actions.Add(CounterAction(organisationId, counter));
        }

        actions.AddRange(commit.StockChanges.Select(product =>
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, TableProductStore.Row(organisationId, product.Value), new ETag(product.ETag))));

        if (commit.ImportedNumber is { } claim)
        {
            var row = new TableEntity(organisationId, SalesIndex.ImportedNumberKey(claim.Number)) { ["DocumentId"] = SalesIds.Format(claim.DocumentId), ["Number"] = claim.Number };
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        actions.AddRange(commit.Audit.Select(entry => OrganisationTable.AuditRow(organisationId, entry)));
        if (commit.Messages.Count > 0)
        {
            await _outbox.MarkPendingAsync(organisationId, cancellationToken);
            actions.AddRange(commit.Messages.Select(message => _outbox.CreateRow(organisationId, message)));
        }

        if (actions.Count > MaxOperations)
        {
            throw new InvalidOperationException($"A sales commit of {actions.Count} operations exceeds the {MaxOperations} of one transaction; the use case must bound it.");
        }

        var responses = await SubmitAsync(organisationId, actions, cancellationToken);
        return documentActions.ToDictionary(pair => pair.Key, pair => responses[pair.Value].Headers.ETag?.ToString() ?? string.Empty);
    }

    private static void AddWrite(List<TableTransactionAction> actions, string organisationId, DocumentWrite write)
    {
        var row = DocumentRow(organisationId, write.Record);
        actions.Add(write.Previous is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(write.Previous.ETag)));

        // Index rows need no ETag of their own, because the document row's ETag guards the whole
        // transaction. A key that stays the same is replaced; a changed key (new date or number)
        // is deleted and written anew.
        var oldKeys = write.Previous is null ? [] : SalesIndex.RowKeysOf(write.Previous.Value);
        var newRows = SalesIndex.RowsOf(organisationId, write.Record);
        for (var i = 0; i < newRows.Count; i++)
        {
            if (oldKeys.Count > i && oldKeys[i] != newRows[i].RowKey)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, oldKeys[i]), ETag.All));
            }

            actions.Add(new TableTransactionAction(write.Previous is null ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, newRows[i]));
        }
    }

    private static TableEntity DocumentRow(string organisationId, SalesDocumentRecord record)
    {
        var entity = new TableEntity(organisationId, DocumentKey(record.Id));
        try
        {
            EntityBody.Write(entity, StoredSalesDocument.From(record));
        }
        catch (EntityTooLargeException exception)
        {
            throw new ProblemException(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
            {
                ["size"] = exception.StoredBytes,
                ["limit"] = exception.Limit,
            }, innerException: exception);
        }

        SalesIndex.WriteSummary(entity, record);
        return entity;
    }

    private static TableTransactionAction CounterAction(string organisationId, CounterWrite counter)
    {
        var entity = new TableEntity(organisationId, CounterKey(counter.SeriesIndex))
        {
            ["Year"] = counter.Counter.Year,
            ["LastSequence"] = counter.Counter.LastSequence,
        };
        return counter.ETag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(counter.ETag));
    }

    /// <summary>Creates the insert or replace of a series counter, for the numbering settings store.</summary>
    public static TableTransactionAction CounterActionFor(string organisationId, CounterWrite counter) => CounterAction(organisationId, counter);

    private async Task<IReadOnlyList<Response>> SubmitAsync(string organisationId, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            return (await table.SubmitTransactionAsync(actions, cancellationToken)).Value;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            var failed = exception.FailedTransactionActionIndex is { } index && index < actions.Count ? actions[index].Entity.RowKey : "unknown row";
            throw new SalesConcurrencyException($"Row {failed} of organisation {organisationId} changed since it was read (status {exception.Status}).", exception);
        }
    }

    private static string OpenFilter() =>
        $"(Status eq '{SalesIndex.StatusText(SalesDocumentStatus.Issued)}' or Status eq '{SalesIndex.StatusText(SalesDocumentStatus.PartiallyPaid)}') and AmountDueCents gt 0L";

    private static string? Filter(SalesDocumentQuery query)
    {
        var parts = new List<string>();
        if (query.Statuses.Count > 0)
        {
            parts.Add("(" + string.Join(" or ", query.Statuses.Select(status => TableClient.CreateQueryFilter($"Status eq {SalesIndex.StatusText(status)}"))) + ")");
        }

        if (!string.IsNullOrWhiteSpace(query.CustomerId))
        {
            parts.Add(TableClient.CreateQueryFilter($"CustomerId eq {query.CustomerId}"));
        }

        if (query.Sort != SalesDocumentSort.IssueDate && query.From is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"IssueDate ge {SalesIndex.DateText(from)}"));
        }

        if (query.Sort != SalesDocumentSort.IssueDate && query.To is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"IssueDate le {SalesIndex.DateText(to)}"));
        }

        if (query.OverdueOn is { } today)
        {
            parts.Add(OpenFilter());
            parts.Add(TableClient.CreateQueryFilter($"DueDate lt {SalesIndex.DateText(today)}"));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static string DocumentKey(SalesDocumentId id) => RowKeys.For(DocumentKind, SalesIds.Format(id));

    private static string CounterKey(int seriesIndex) => RowKeys.For(SeriesKind, seriesIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
