using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Banking;

/// <summary>
/// Imports in the organisation table. Rows of an import (<c>banktx|</c>, <c>banktxkey|</c>,
/// <c>bankpushtx|</c>, <c>bankaccountimport|</c> and the claims) are written while it is
/// processing and count only once the status in <c>bankimport|{id}</c> is processed. Every read
/// that crosses imports checks that status.
/// </summary>
public sealed class TableBankImportStore : IBankImportStore
{
    /// <summary>Most operations Azure Tables accepts in one entity-group transaction.</summary>
    private const int MaxOperations = 100;

    private readonly StorageClients _storage;
    private readonly TableOutbox _outbox;

    public TableBankImportStore(StorageClients storage, TableOutbox outbox)
    {
        _storage = storage;
        _outbox = outbox;
    }

    public async Task<Versioned<BankImport>> AddAsync(string organisationId, BankImport import, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(BankingRows.ImportRow(organisationId, import), cancellationToken);
            return new Versioned<BankImport>(import, response.Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await GetAsync(organisationId, import.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Import {import.Id} exists and cannot be read.", exception);
        }
    }

    public async Task<Versioned<BankImport>?> GetAsync(string organisationId, string importId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<BankImport>(await TableAsync(cancellationToken), organisationId, BankingRows.ImportKind, importId, cancellationToken);

    public async Task<ListPage<BankImport>> ListAsync(string organisationId, string? cursor, int pageSize, CancellationToken cancellationToken) =>
        await OrganisationTable.PageAsync<BankImport>(
            await TableAsync(cancellationToken), RowKeys.KindFilter(organisationId, BankingRows.ImportKind), cursor, pageSize, cancellationToken);

    public async Task<Versioned<BankImport>> SaveAsync(string organisationId, BankImport import, string etag, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(BankingRows.ImportRow(organisationId, import), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return new Versioned<BankImport>(import, response.Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            throw ProblemException.PreconditionFailed("bank-statement", import.Id);
        }
    }

    public async Task<string> StageAsync(
        string organisationId,
        BankImport import,
        string etag,
        IReadOnlyList<StatementTransaction> transactions,
        IReadOnlyCollection<string> accountIds,
        CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var actions = accountIds
            .Select(accountId => Upsert(new TableEntity(organisationId, RowKeys.For(BankingRows.AccountImportKind, accountId + RowKeys.Separator + import.Id))
            {
                ["ImportId"] = import.Id,
            }))
            .ToList();
        foreach (var transaction in transactions)
        {
            var rows = RowsOf(organisationId, transaction);
            if (actions.Count + rows.Count >= MaxOperations)
            {
                etag = await SubmitFencedAsync(table, organisationId, import, etag, actions, cancellationToken);
                actions.Clear();
            }

            actions.AddRange(rows);
        }

        return await SubmitFencedAsync(table, organisationId, import, etag, actions, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountStoredKeysAsync(string organisationId, string accountId, DateOnly? bookingDate, bool filesOnly, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var statuses = new Dictionary<string, BankImportStatus?>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var filter = BankingRows.PrefixFilter(organisationId, BankingRows.ContentIndexPrefix(accountId, bookingDate));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["ImportId", "Key", "Pushed"], cancellationToken: cancellationToken))
        {
            if (filesOnly && row.GetBoolean("Pushed") == true)
            {
                continue;
            }

            if (await BankingRows.StatusAsync(table, organisationId, row.GetString("ImportId"), statuses, cancellationToken) == BankImportStatus.Processed)
            {
                var key = row.GetString("Key");
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    public async Task<IReadOnlySet<string>> FindStoredExternalIdsAsync(string organisationId, string accountId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var statuses = new Dictionary<string, BankImportStatus?>(StringComparer.Ordinal);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var externalId in externalIds.Distinct(StringComparer.Ordinal))
        {
            var filter = BankingRows.PrefixFilter(organisationId, BankingRows.PushPrefix(accountId, externalId));
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["ImportId"], cancellationToken: cancellationToken))
            {
                if (await BankingRows.StatusAsync(table, organisationId, row.GetString("ImportId"), statuses, cancellationToken) == BankImportStatus.Processed)
                {
                    stored.Add(externalId);
                    break;
                }
            }
        }

        return stored;
    }

    public async Task<StatementClaimConflict?> ClaimStatementAsync(string organisationId, string importId, string naturalKey, string fingerprint, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(naturalKey)));
        var keyOwner = await ClaimAsync(table, organisationId, RowKeys.For(BankingRows.StatementKeyClaimKind, keyHash), importId, cancellationToken);
        var contentOwner = await ClaimAsync(table, organisationId, RowKeys.For(BankingRows.StatementFingerprintClaimKind, fingerprint), importId, cancellationToken);
        if (keyOwner is null && contentOwner is null)
        {
            return null;
        }

        var earlier = keyOwner ?? contentOwner!;
        return new StatementClaimConflict(earlier, SameKey: keyOwner == earlier, SameContent: contentOwner == earlier);
    }

    public async Task CleanupAsync(string organisationId, string importId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var deletes = new List<TableTransactionAction>();
        var transactionPrefix = RowKeys.For(BankingRows.TransactionKind, importId) + RowKeys.Separator;
        await foreach (var row in table.QueryAsync<TableEntity>(BankingRows.PrefixFilter(organisationId, transactionPrefix), select: ["RowKey", "IndexKey", "PushKey"], cancellationToken: cancellationToken))
        {
            deletes.Add(Delete(organisationId, row.RowKey));
            deletes.Add(Delete(organisationId, row.GetString("IndexKey")));
            if (row.GetString("PushKey") is { } pushKey)
            {
                deletes.Add(Delete(organisationId, pushKey));
            }
        }

        // Markers and claims sit under account and key prefixes, so they are found by the import id they carry.
        foreach (var kind in new[] { BankingRows.AccountImportKind, BankingRows.StatementKeyClaimKind, BankingRows.StatementFingerprintClaimKind })
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {organisationId} and RowKey ge {RowKeys.RangeStart(kind)} and RowKey lt {RowKeys.RangeEnd(kind)} and ImportId eq {importId}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "ImportId"], cancellationToken: cancellationToken))
            {
                deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, row.RowKey), row.ETag));
            }
        }

        foreach (var chunk in deletes.Chunk(MaxOperations))
        {
            await DeleteQuietlyAsync(table, chunk, cancellationToken);
        }
    }

    public async Task<Versioned<BankImport>> CompleteAsync(
        string organisationId,
        BankImport import,
        string etag,
        IReadOnlyList<Versioned<BankAccount>> accounts,
        OutboxMessage message,
        AuditEntry audit,
        CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await _outbox.MarkPendingAsync(organisationId, cancellationToken);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, BankingRows.ImportRow(organisationId, import), new ETag(etag)),
        };
        actions.AddRange(accounts.Select(account =>
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, BankingRows.AccountRow(organisationId, account.Value), new ETag(account.ETag))));
        actions.Add(_outbox.CreateRow(organisationId, message));
        actions.Add(OrganisationTable.AuditRow(organisationId, audit));

        var response = await OrganisationTable.SubmitAsync(
            table,
            actions,
            () => ProblemException.PreconditionFailed("bank-statement", import.Id),
            BankingErrorCodes.DuplicateStatement,
            cancellationToken);
        return new Versioned<BankImport>(import, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task<IReadOnlyList<Versioned<StatementTransaction>>> ListTransactionsAsync(string organisationId, string importId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var prefix = RowKeys.For(BankingRows.TransactionKind, importId) + RowKeys.Separator;
        var transactions = new List<Versioned<StatementTransaction>>();
        await foreach (var row in table.QueryAsync<TableEntity>(BankingRows.PrefixFilter(organisationId, prefix), cancellationToken: cancellationToken))
        {
            transactions.Add(OrganisationTable.Read<StatementTransaction>(row));
        }

        return transactions;
    }

    public async Task<Versioned<StatementTransaction>?> GetTransactionAsync(string organisationId, string transactionId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, BankingRows.TransactionKey(transactionId), cancellationToken: cancellationToken);
        return row.HasValue ? OrganisationTable.Read<StatementTransaction>(row.Value!) : null;
    }

    public async Task<ListPage<StatementTransaction>> ListTransactionsAsync(string organisationId, MatchStatus? status, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var filter = RowKeys.KindFilter(organisationId, BankingRows.TransactionKind);
        if (status is { } wanted)
        {
            filter += " and " + TableClient.CreateQueryFilter($"MatchStatus eq {wanted.ToString()}");
        }

        var statuses = new Dictionary<string, BankImportStatus?>(StringComparer.Ordinal);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(Cursor.Decode(cursor), pageSize))
        {
            // Rows of imports still processing or failed are not there for users; a page can come out shorter.
            var items = new List<StatementTransaction>(page.Values.Count);
            foreach (var row in page.Values)
            {
                if (await BankingRows.StatusAsync(table, organisationId, row.GetString("ImportId"), statuses, cancellationToken) == BankImportStatus.Processed)
                {
                    items.Add(EntityBody.Read<StatementTransaction>(row));
                }
            }

            return new ListPage<StatementTransaction>(items, Cursor.Encode(page.ContinuationToken));
        }

        return new ListPage<StatementTransaction>([], null);
    }

    public async Task SaveTransactionsAsync(string organisationId, IReadOnlyList<Versioned<StatementTransaction>> transactions, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var actions = transactions
            .Select(transaction => new TableTransactionAction(
                TableTransactionActionType.UpdateReplace, BankingRows.TransactionRow(organisationId, transaction.Value), new ETag(transaction.ETag)))
            .ToList();
        if (audit is not null)
        {
            actions.Insert(0, OrganisationTable.AuditRow(organisationId, audit));
        }

        foreach (var chunk in actions.Chunk(MaxOperations))
        {
            await OrganisationTable.SubmitAsync(
                table,
                chunk,
                () => ProblemException.PreconditionFailed("bank-transaction", transactions[0].Value.Id),
                BankingErrorCodes.MatchPending,
                cancellationToken);
        }
    }

    private static List<TableTransactionAction> RowsOf(string organisationId, StatementTransaction transaction)
    {
        var rows = new List<TableTransactionAction>(3)
        {
            Upsert(BankingRows.TransactionRow(organisationId, transaction)),
            Upsert(new TableEntity(organisationId, BankingRows.ContentIndexKey(transaction))
            {
                ["ImportId"] = transaction.ImportId,
                ["Key"] = transaction.Key,
                ["Pushed"] = transaction.ExternalId is not null,
            }),
        };
        if (transaction.ExternalId is { } externalId)
        {
            rows.Add(Upsert(new TableEntity(organisationId, BankingRows.PushKey(transaction.AccountId, externalId, transaction.ImportId))
            {
                ["ImportId"] = transaction.ImportId,
            }));
        }

        return rows;
    }

    // Each group replaces the import record under the ETag of the attempt, which renews its lease
    // and makes the group fail as a whole once another attempt has taken the import over.
    private static async Task<string> SubmitFencedAsync(
        TableClient table, string organisationId, BankImport import, string etag, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var all = new List<TableTransactionAction>(actions)
        {
            new(TableTransactionActionType.UpdateReplace, BankingRows.ImportRow(organisationId, import), new ETag(etag)),
        };
        var response = await OrganisationTable.SubmitAsync(
            table,
            all,
            () => ProblemException.PreconditionFailed("bank-statement", import.Id),
            BankingErrorCodes.DuplicateStatement,
            cancellationToken);
        return response.Value[^1].Headers.ETag?.ToString() ?? string.Empty;
    }

    /// <summary>Claims a row for the import. Returns the id of another live or processed import that claimed it first, or null.</summary>
    private static async Task<string?> ClaimAsync(TableClient table, string organisationId, string rowKey, string importId, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, BankImportStatus?>(StringComparer.Ordinal);
        while (true)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(organisationId, rowKey) { ["ImportId"] = importId }, cancellationToken);
                return null;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // Held already: by this import (a retry), by a live or processed one, or by a failed one.
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, rowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue;
            }

            var owner = existing.Value!.GetString("ImportId");
            if (owner == importId)
            {
                return null;
            }

            if (await BankingRows.StatusAsync(table, organisationId, owner, statuses, cancellationToken) is BankImportStatus.Processing or BankImportStatus.Processed)
            {
                return owner;
            }

            try
            {
                await table.UpdateEntityAsync(new TableEntity(organisationId, rowKey) { ["ImportId"] = importId }, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return null;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                statuses.Clear();
            }
        }
    }

    private static async Task DeleteQuietlyAsync(TableClient table, TableTransactionAction[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 412)
        {
            // A row of the group is gone or was taken over meanwhile; delete the rest one by one.
            foreach (var action in chunk)
            {
                try
                {
                    await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, cancellationToken);
                }
                catch (RequestFailedException single) when (single.Status is 404 or 412)
                {
                    // Already deleted, or a claim another import took over.
                }
            }
        }
    }

    private static TableTransactionAction Upsert(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    private static TableTransactionAction Delete(string organisationId, string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(organisationId, rowKey), ETag.All);

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
