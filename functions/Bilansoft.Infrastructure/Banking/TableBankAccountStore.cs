using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Banking;

/// <summary>
/// Bank accounts in the organisation table: <c>bankaccount|{id}</c> with the account as JSON, and
/// <c>bankaccountiban|{iban}</c> pointing to it, which keeps IBANs unique within an organisation.
/// </summary>
public sealed class TableBankAccountStore : IBankAccountStore
{
    private readonly StorageClients _storage;

    public TableBankAccountStore(StorageClients storage) => _storage = storage;

    public async Task<Versioned<BankAccount>?> GetAsync(string organisationId, string accountId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<BankAccount>(await TableAsync(cancellationToken), organisationId, BankingRows.AccountKind, accountId, cancellationToken);

    public async Task<Versioned<BankAccount>?> FindByIbanAsync(string organisationId, Iban iban, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, RowKeys.For(BankingRows.AccountIbanKind, iban.Value), ["AccountId"], cancellationToken);
        return index.HasValue && index.Value!.GetString("AccountId") is { } accountId
            ? await OrganisationTable.GetAsync<BankAccount>(table, organisationId, BankingRows.AccountKind, accountId, cancellationToken)
            : null;
    }

    public async Task<IReadOnlyList<Versioned<BankAccount>>> ListAsync(string organisationId, CancellationToken cancellationToken) =>
        await OrganisationTable.ListAsync<BankAccount>(await TableAsync(cancellationToken), organisationId, BankingRows.AccountKind, cancellationToken);

    public async Task<Versioned<BankAccount>> AddAsync(string organisationId, BankAccount account, AuditEntry audit, CancellationToken cancellationToken)
    {
        var index = new TableEntity(organisationId, RowKeys.For(BankingRows.AccountIbanKind, account.Iban.Value)) { ["AccountId"] = account.Id };
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.Add, BankingRows.AccountRow(organisationId, account)),
                new TableTransactionAction(TableTransactionActionType.Add, index),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.Conflict(BankingErrorCodes.BankAccountExists),
            BankingErrorCodes.BankAccountExists,
            cancellationToken);
        return new Versioned<BankAccount>(account, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task<Versioned<BankAccount>> SaveAsync(string organisationId, BankAccount account, string etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, BankingRows.AccountRow(organisationId, account), new ETag(etag)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.PreconditionFailed("bank-account", account.Id),
            BankingErrorCodes.BankAccountExists,
            cancellationToken);
        return new Versioned<BankAccount>(account, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task DeleteAsync(string organisationId, Versioned<BankAccount> account, AuditEntry audit, CancellationToken cancellationToken) =>
        await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, RowKeys.For(BankingRows.AccountKind, account.Value.Id)), new ETag(account.ETag)),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, RowKeys.For(BankingRows.AccountIbanKind, account.Value.Iban.Value)), ETag.All),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.PreconditionFailed("bank-account", account.Value.Id),
            BankingErrorCodes.BankAccountExists,
            cancellationToken);

    public async Task<bool> HasStatementsAsync(string organisationId, string accountId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var statuses = new Dictionary<string, BankImportStatus?>(StringComparer.Ordinal);
        var prefix = RowKeys.For(BankingRows.AccountImportKind, accountId) + RowKeys.Separator;
        await foreach (var marker in table.QueryAsync<TableEntity>(BankingRows.PrefixFilter(organisationId, prefix), select: ["ImportId"], cancellationToken: cancellationToken))
        {
            var status = await BankingRows.StatusAsync(table, organisationId, marker.GetString("ImportId"), statuses, cancellationToken);
            if (status is BankImportStatus.Processing or BankImportStatus.Processed)
            {
                return true;
            }
        }

        return false;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
