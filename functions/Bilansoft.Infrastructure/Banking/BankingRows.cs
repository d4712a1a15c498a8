using System.Globalization;
using Azure.Data.Tables;
using Bilansoft.Application.Banking;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Banking;

/// <summary>
/// Row kinds of banking data in the organisation table and the helpers both banking stores use.
/// </summary>
internal static class BankingRows
{
    /// <summary><c>bankaccount|{accountId}</c>: the account.</summary>
    public const string AccountKind = "bankaccount";

    /// <summary><c>bankaccountiban|{iban}</c>: the account id of an IBAN, one per IBAN.</summary>
    public const string AccountIbanKind = "bankaccountiban";

    /// <summary><c>bankaccountimport|{accountId}|{importId}</c>: the import contains statements of the account.</summary>
    public const string AccountImportKind = "bankaccountimport";

    /// <summary><c>bankimport|{importId}</c>: the import record.</summary>
    public const string ImportKind = "bankimport";

    /// <summary><c>banktx|{importId}|{position}</c>: a transaction.</summary>
    public const string TransactionKind = "banktx";

    /// <summary><c>banktxkey|{accountId}|{yyyyMMdd}|{contentKey}|{transactionId}</c>: finds stored copies of a transaction.</summary>
    public const string TransactionKeyKind = "banktxkey";

    /// <summary><c>bankpushtx|{accountId}|{senderId}|{importId}</c>: a pushed transaction by the sender's id.</summary>
    public const string PushedTransactionKind = "bankpushtx";

    /// <summary><c>bankclaimkey|{sha256 of natural key}</c>: the import that contains a statement.</summary>
    public const string StatementKeyClaimKind = "bankclaimkey";

    /// <summary><c>bankclaimfp|{content fingerprint}</c>: the import that contains a statement's content.</summary>
    public const string StatementFingerprintClaimKind = "bankclaimfp";

    public static TableEntity AccountRow(string organisationId, BankAccount account)
    {
        var entity = OrganisationTable.Row(organisationId, AccountKind, account.Id, account);
        entity["Iban"] = account.Iban.Value;
        return entity;
    }

    public static TableEntity ImportRow(string organisationId, BankImport import)
    {
        var entity = OrganisationTable.Row(organisationId, ImportKind, import.Id, import);
        entity["Status"] = import.Status.ToString();
        return entity;
    }

    public static TableEntity TransactionRow(string organisationId, StatementTransaction transaction)
    {
        var entity = new TableEntity(organisationId, TransactionKey(transaction.Id));
        EntityBody.Write(entity, transaction);
        entity["ImportId"] = transaction.ImportId;
        entity["AccountId"] = transaction.AccountId;
        entity["MatchStatus"] = transaction.Match.Status.ToString();
        entity["AmountCents"] = (long)decimal.Round(transaction.Amount * 100m, 0, MidpointRounding.AwayFromZero);
        entity["IndexKey"] = ContentIndexKey(transaction);
        if (transaction.ExternalId is not null)
        {
            entity["PushKey"] = PushKey(transaction.AccountId, transaction.ExternalId, transaction.ImportId);
        }

        return entity;
    }

    /// <summary>Row key of a transaction: <c>banktx|{importId}|{position}</c>.</summary>
    public static string TransactionKey(string transactionId) =>
        RowKeys.For(TransactionKind, transactionId[..32] + RowKeys.Separator + transactionId[33..]);

    public static string ContentIndexKey(StatementTransaction transaction) =>
        RowKeys.For(TransactionKeyKind, string.Join(RowKeys.Separator, transaction.AccountId, DateKey(transaction.BookingDate), transaction.Key, transaction.Id));

    public static string ContentIndexPrefix(string accountId, DateOnly? bookingDate) =>
        RowKeys.For(TransactionKeyKind, string.Join(RowKeys.Separator, accountId, DateKey(bookingDate))) + RowKeys.Separator;

    public static string PushKey(string accountId, string externalId, string importId) =>
        PushPrefix(accountId, externalId) + importId;

    public static string PushPrefix(string accountId, string externalId) =>
        RowKeys.For(PushedTransactionKind, accountId + RowKeys.Separator + RowKeys.Escape(externalId)) + RowKeys.Separator;

    /// <summary>A filter for every row whose key starts with <paramref name="prefix"/>, which ends in the separator.</summary>
    public static string PrefixFilter(string organisationId, string prefix)
    {
        // Every key of the range continues after the separator '|', and '}' is the next character.
        var end = prefix[..^1] + '}';
        return TableClient.CreateQueryFilter($"PartitionKey eq {organisationId} and RowKey ge {prefix} and RowKey lt {end}");
    }

    /// <summary>
    /// Reads the status of imports, caching each result, so a listing reads each import once.
    /// </summary>
    public static async Task<BankImportStatus?> StatusAsync(
        TableClient table, string organisationId, string importId, Dictionary<string, BankImportStatus?> cache, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(importId, out var known))
        {
            return known;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, RowKeys.For(ImportKind, importId), ["Status"], cancellationToken);
        BankImportStatus? status = row.HasValue && Enum.TryParse<BankImportStatus>(row.Value!.GetString("Status"), out var parsed) ? parsed : null;
        cache[importId] = status;
        return status;
    }

    private static string DateKey(DateOnly? date) =>
        date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "00000000";
}
