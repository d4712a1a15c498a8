using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Banking;

/// <summary>State of an import, as the API reports it.</summary>
public enum BankImportStatus
{
    /// <summary>The file is stored and waits for the parse step.</summary>
    Received,

    /// <summary>The parse step is reading the file; its transactions are not visible yet.</summary>
    Processing,

    /// <summary>Every statement was stored; its transactions are visible and go to the match step.</summary>
    Processed,

    /// <summary>Nothing of the file was stored; <see cref="BankImport.Failure"/> gives the reason.</summary>
    Failed,
}

/// <summary>Where the statements of an import came from.</summary>
public enum BankImportFormat
{
    /// <summary>Not known yet, or not a statement format.</summary>
    Unknown,

    /// <summary>Febelfin CODA 2.x.</summary>
    Coda,

    /// <summary>ISO 20022 camt.053.</summary>
    Camt053,

    /// <summary>Transactions pushed by a bank or aggregator through the bank webhook.</summary>
    Webhook,
}

/// <summary>How the parse step treats failed balance and trailer checks.</summary>
public enum ImportValidation
{
    /// <summary>A failed check fails the import (the default).</summary>
    Strict,

    /// <summary>A failed check is kept as a warning and the statement is stored, for files a user reviews anyway.</summary>
    Lenient,
}

/// <summary>
/// One uploaded statement file or webhook push and what became of it. The record is the switch
/// that makes its transactions visible: they count only once <see cref="Status"/> is
/// <see cref="BankImportStatus.Processed"/>.
/// </summary>
public sealed record BankImport
{
    /// <summary>Import id: 32 lowercase hex characters that sort newest first.</summary>
    public required string Id { get; init; }

    public required BankImportStatus Status { get; init; }

    public BankImportFormat Format { get; init; }

    /// <summary>File name as uploaded, or <c>webhook</c> for pushes.</summary>
    public required string FileName { get; init; }

    /// <summary>Size of the stored file in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>User id of the uploader, or <c>webhook:bank</c>.</summary>
    public required string UploadedBy { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public ImportValidation Validation { get; init; }

    /// <summary>Number of parse attempts so far; a retry after a crash raises it.</summary>
    public int Attempt { get; init; }

    /// <summary>Until when the current attempt owns the import; another attempt waits for it to pass.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>When the import was processed or failed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Why the import failed; null otherwise.</summary>
    public BankImportFailure? Failure { get; init; }

    /// <summary>The statements read, in file order.</summary>
    public IReadOnlyList<ImportedStatement> Statements { get; init; } = [];

    /// <summary>Transactions stored.</summary>
    public int TransactionCount { get; init; }

    /// <summary>Transactions left out because earlier imports already hold them.</summary>
    public int SkippedTransactionCount { get; init; }

    /// <summary>Integrity issues accepted in lenient mode, and quirks tolerated in both modes.</summary>
    public IReadOnlyList<ImportWarning> Warnings { get; init; } = [];
}

/// <summary>
/// Why an import failed: a stable code (a <c>StatementErrorCodes</c> code of the readers or a
/// <see cref="BankingErrorCodes"/> code), where in the file, and the offending value.
/// </summary>
public sealed record BankImportFailure(string Code)
{
    public int? LineNumber { get; init; }

    public int? LinePosition { get; init; }

    /// <summary>camt.053 element path, when known.</summary>
    public string? ElementPath { get; init; }

    public string? Value { get; init; }

    /// <summary>For a duplicate: the import that already contains the statement.</summary>
    public string? EarlierImportId { get; init; }

    /// <summary>For a duplicate: whether the earlier statement has the same content too.</summary>
    public bool? SameContent { get; init; }

    /// <summary>0-based statement in the file, when the failure belongs to one.</summary>
    public int? StatementIndex { get; init; }
}

/// <summary>A statement of an import.</summary>
/// <param name="Index">0-based position in the file.</param>
/// <param name="AccountId">The bank account.</param>
/// <param name="Iban">The account's IBAN.</param>
/// <param name="Currency">ISO 4217 currency.</param>
/// <param name="Sequence">Electronic sequence number, else the paper number, when the file has one.</param>
/// <param name="OpeningBalance">Opening balance, signed.</param>
/// <param name="ClosingBalance">Closing balance, signed.</param>
/// <param name="OpeningDate">Date of the opening balance.</param>
/// <param name="ClosingDate">Date of the closing balance.</param>
/// <param name="TransactionCount">Transactions stored from this statement.</param>
/// <param name="SkippedTransactionCount">Transactions left out because earlier imports hold them.</param>
/// <param name="IsSeparateApplication">A CODA extract, whose balances say nothing about the account.</param>
public sealed record ImportedStatement(
    int Index,
    string AccountId,
    Iban Iban,
    string Currency,
    long? Sequence,
    decimal? OpeningBalance,
    decimal? ClosingBalance,
    DateOnly? OpeningDate,
    DateOnly? ClosingDate,
    int TransactionCount,
    int SkippedTransactionCount,
    bool IsSeparateApplication);

/// <summary>An integrity issue accepted in lenient mode, or a tolerated quirk.</summary>
public sealed record ImportWarning(string Code, int StatementIndex, int? LineNumber, string? ElementPath, string? Value);
