using Bilansoft.Application.Banking;
using Bilansoft.Application.Localization;
using Bilansoft.Domain;
using Bilansoft.Domain.Banking;

namespace Bilansoft.Functions.Banking;

/// <summary>Body of <c>POST</c> and <c>PUT /api/orgs/{orgId}/bank-accounts</c>.</summary>
public sealed record BankAccountRequest(string? Iban, string? Name, string? Bic, string? Currency)
{
    public BankAccountInput ToInput() => new(Iban, Name, Bic, Currency);
}

/// <summary>A bank account with where its last imported statement left it.</summary>
public sealed record BankAccountResponse(
    string Id,
    string Iban,
    string? Bic,
    string Name,
    string Currency,
    long? LastSequence,
    decimal? Balance,
    DateOnly? BalanceDate,
    DateTimeOffset CreatedAt)
{
    public static BankAccountResponse From(BankAccount account) => new(
        account.Id,
        account.Iban.ToPrinted(),
        account.Bic?.Value,
        account.Name,
        account.Currency,
        account.LastStatement?.Sequence,
        account.LastStatement?.Balance,
        account.LastStatement?.BalanceDate,
        account.CreatedAt);
}

/// <summary>Answer to an upload or a webhook push: the import and its state.</summary>
public sealed record BankImportAcceptedResponse(string Id, BankImportStatus Status);

/// <summary>An import as <c>GET /api/orgs/{orgId}/bank-statements/{id}</c> returns it.</summary>
public sealed record BankImportResponse(
    string Id,
    BankImportStatus Status,
    ImportReasonResponse? Reason,
    BankImportFormat Format,
    string FileName,
    long Size,
    string UploadedBy,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CompletedAt,
    ImportValidation Validation,
    int TransactionCount,
    int SkippedTransactionCount,
    IReadOnlyList<ImportWarningResponse> Warnings,
    IReadOnlyList<ImportedStatementResponse> Statements,
    IReadOnlyList<BankTransactionResponse>? Transactions)
{
    public static BankImportResponse From(BankImport import, IReadOnlyList<StatementTransaction>? transactions, Language language) => new(
        import.Id,
        import.Status,
        import.Failure is null ? null : ImportReasonResponse.From(import.Failure, language),
        import.Format,
        import.FileName,
        import.Size,
        import.UploadedBy,
        import.ReceivedAt,
        import.CompletedAt,
        import.Validation,
        import.TransactionCount,
        import.SkippedTransactionCount,
        import.Warnings.Select(warning => ImportWarningResponse.From(warning, language)).ToList(),
        import.Statements.Select(ImportedStatementResponse.From).ToList(),
        transactions?.Select(BankTransactionResponse.From).ToList());
}

/// <summary>Why an import failed, with a localised sentence and where in the file.</summary>
public sealed record ImportReasonResponse(
    string Code,
    string Message,
    int? Line,
    int? Position,
    string? Element,
    string? Value,
    int? Statement,
    string? EarlierImportId,
    bool? SameContent)
{
    public static ImportReasonResponse From(BankImportFailure failure, Language language)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["line"] = failure.LineNumber,
            ["position"] = failure.LinePosition,
            ["element"] = failure.ElementPath,
            ["value"] = failure.Value,
            ["earlierImportId"] = failure.EarlierImportId,
        };
        return new ImportReasonResponse(
            failure.Code,
            ProblemTexts.Message(new RuleViolation(failure.Code, "file", arguments), language),
            failure.LineNumber,
            failure.LinePosition,
            failure.ElementPath,
            failure.Value,
            failure.StatementIndex,
            failure.EarlierImportId,
            failure.SameContent);
    }
}

/// <summary>A warning of an import that was stored anyway.</summary>
public sealed record ImportWarningResponse(string Code, string Message, int Statement, int? Line, string? Element, string? Value)
{
    public static ImportWarningResponse From(ImportWarning warning, Language language)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["line"] = warning.LineNumber,
            ["element"] = warning.ElementPath,
            ["value"] = warning.Value,
        };
        return new ImportWarningResponse(
            warning.Code,
            ProblemTexts.Message(new RuleViolation(warning.Code, "file", arguments), language),
            warning.StatementIndex,
            warning.LineNumber,
            warning.ElementPath,
            warning.Value);
    }
}

/// <summary>A statement of an import.</summary>
public sealed record ImportedStatementResponse(
    string Account,
    string AccountId,
    string Currency,
    long? Sequence,
    decimal? OpeningBalance,
    decimal? ClosingBalance,
    DateOnly? OpeningDate,
    DateOnly? ClosingDate,
    int TransactionCount,
    int SkippedTransactionCount)
{
    public static ImportedStatementResponse From(ImportedStatement statement) => new(
        statement.Iban.ToPrinted(),
        statement.AccountId,
        statement.Currency,
        statement.Sequence,
        statement.OpeningBalance,
        statement.ClosingBalance,
        statement.OpeningDate,
        statement.ClosingDate,
        statement.TransactionCount,
        statement.SkippedTransactionCount);
}

/// <summary>A bank transaction with its match state.</summary>
public sealed record BankTransactionResponse(
    string Id,
    string ImportId,
    string AccountId,
    decimal Amount,
    string Currency,
    DateOnly? ValueDate,
    DateOnly? BookingDate,
    string? StructuredCommunication,
    string? Reference,
    string? Communication,
    string? CounterpartyName,
    string? CounterpartyIban,
    string? CounterpartyAccount,
    string? EndToEndId,
    MatchResponse? Match)
{
    public static BankTransactionResponse From(StatementTransaction transaction) => new(
        transaction.Id,
        transaction.ImportId,
        transaction.AccountId,
        transaction.Amount,
        transaction.Currency,
        transaction.ValueDate,
        transaction.BookingDate,
        transaction.StructuredCommunication?.ToPrinted(),
        transaction.StructuredReference,
        transaction.Communication,
        transaction.CounterpartyName,
        transaction.CounterpartyIban?.ToPrinted(),
        transaction.CounterpartyAccount,
        transaction.EndToEndId,
        transaction.Match.Status == MatchStatus.Pending ? null : MatchResponse.From(transaction));
}

/// <summary>What the transaction is booked on, what is proposed, and what is left.</summary>
public sealed record MatchResponse(
    MatchStatus Status,
    IReadOnlyList<AllocationResponse> Allocations,
    IReadOnlyList<SuggestionResponse> Suggestions,
    decimal UnallocatedAmount)
{
    public static MatchResponse From(StatementTransaction transaction) => new(
        transaction.Match.Status,
        transaction.Match.Allocations.Select(allocation => new AllocationResponse(
            allocation.MatchId, allocation.OpenItemId, allocation.Number, allocation.Kind, allocation.Amount, allocation.Automatic, allocation.At, allocation.By)).ToList(),
        transaction.Match.Suggestions.Select(suggestion => new SuggestionResponse(
            suggestion.OpenItemId, suggestion.Number, suggestion.Kind, suggestion.Score, suggestion.Reasons, suggestion.PaymentId == transaction.Id ? null : suggestion.PaymentId)).ToList(),
        Math.Abs(transaction.Amount) - transaction.Match.AllocatedAmount);
}

/// <summary>An amount booked on an invoice.</summary>
public sealed record AllocationResponse(string MatchId, string InvoiceId, string Number, OpenItemKind Kind, decimal Amount, bool Automatic, DateTimeOffset At, string? By);

/// <summary>An invoice proposed for the transaction (or for one payment of a batch, named in <c>payment</c>).</summary>
public sealed record SuggestionResponse(string InvoiceId, string Number, OpenItemKind Kind, int Score, IReadOnlyList<MatchReason> Reasons, string? Payment);

/// <summary>Body of <c>POST /api/orgs/{orgId}/bank-transactions/{id}/matches</c>.</summary>
public sealed record MatchRequest(IReadOnlyList<AllocationRequestBody?>? Allocations);

/// <summary>One invoice and the amount to book on it.</summary>
public sealed record AllocationRequestBody(string? InvoiceId, decimal? Amount);

/// <summary>A page of imports, newest first.</summary>
public sealed record BankImportPageResponse(IReadOnlyList<BankImportResponse> Items, string? NextCursor);

/// <summary>A page of transactions, newest import first.</summary>
public sealed record BankTransactionPageResponse(IReadOnlyList<BankTransactionResponse> Items, string? NextCursor);

/// <summary>Answer to a webhook push that was delivered before.</summary>
public sealed record WebhookReplayResponse(string Status);
