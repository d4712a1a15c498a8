using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Banking;

/// <summary>Reads imports and their transactions for the API.</summary>
public sealed class BankStatementQueryService
{
    private readonly IBankImportStore _imports;

    public BankStatementQueryService(IBankImportStore imports) => _imports = imports;

    /// <summary>Returns the import and, once it is processed, its transactions in file order.</summary>
    public async Task<(Versioned<BankImport> Import, IReadOnlyList<StatementTransaction> Transactions)> GetImportAsync(
        OrganisationAccess access, string importId, CancellationToken cancellationToken)
    {
        var import = (Identifiers.IsValid(importId) ? await _imports.GetAsync(access.OrganisationId, importId, cancellationToken) : null)
            ?? throw ProblemException.NotFound("bank-statement", importId);
        if (import.Value.Status != BankImportStatus.Processed)
        {
            return (import, []);
        }

        var transactions = await _imports.ListTransactionsAsync(access.OrganisationId, importId, cancellationToken);
        return (import, transactions.Select(transaction => transaction.Value).ToList());
    }

    public Task<ListPage<BankImport>> ListImportsAsync(OrganisationAccess access, string? cursor, int? pageSize, CancellationToken cancellationToken) =>
        _imports.ListAsync(access.OrganisationId, cursor, PageSize.Normalize(pageSize), cancellationToken);

    /// <summary>Lists visible transactions, newest import first, optionally in one match status.</summary>
    public Task<ListPage<StatementTransaction>> ListTransactionsAsync(OrganisationAccess access, string? status, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        MatchStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<MatchStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || status.Any(char.IsDigit))
            {
                throw ProblemException.Invalid(BankingErrorCodes.InvalidMatchStatus, "status", new Dictionary<string, object?> { ["value"] = status });
            }

            filter = parsed;
        }

        return _imports.ListTransactionsAsync(access.OrganisationId, filter, cursor, PageSize.Normalize(pageSize), cancellationToken);
    }

    /// <summary>Returns a transaction of a processed import.</summary>
    public async Task<Versioned<StatementTransaction>> GetTransactionAsync(OrganisationAccess access, string transactionId, CancellationToken cancellationToken)
    {
        if (!StatementTransaction.TryParseId(transactionId, out var importId, out _))
        {
            throw ProblemException.NotFound("bank-transaction", transactionId);
        }

        var import = await _imports.GetAsync(access.OrganisationId, importId, cancellationToken);
        var transaction = import?.Value.Status == BankImportStatus.Processed
            ? await _imports.GetTransactionAsync(access.OrganisationId, transactionId, cancellationToken)
            : null;
        return transaction ?? throw ProblemException.NotFound("bank-transaction", transactionId);
    }
}
