namespace Bilansoft.Formats.Banking;

/// <summary>
/// What a statement adds up to, known once all its transactions have been read: closing balance,
/// totals of the booked transactions, de-duplication keys and the integrity issues found.
/// </summary>
public sealed record StatementSummary : StatementElement
{
    /// <summary>0-based position of the statement in the file, as in its header.</summary>
    public required int StatementIndex { get; init; }

    /// <summary>Closing (new) booked balance, when the statement carries one.</summary>
    public StatementBalance? ClosingBalance { get; init; }

    /// <summary>Number of booked transactions (details of a globalised total not counted).</summary>
    public required int TransactionCount { get; init; }

    /// <summary>Sum of the booked credits, positive.</summary>
    public required decimal CreditTotal { get; init; }

    /// <summary>Sum of the booked debits, positive.</summary>
    public required decimal DebitTotal { get; init; }

    /// <summary>
    /// Number of camt.053 entries left out because their status is not <c>BOOK</c> (pending or
    /// information only). Always 0 for CODA.
    /// </summary>
    public int SkippedEntryCount { get; init; }

    /// <summary>
    /// Year that completes the sequence number in the natural key: the year of the closing
    /// balance date, else of the statement end or creation date.
    /// </summary>
    public int? SequenceYear { get; init; }

    /// <summary>Natural key of the statement, stable when the bank sends the same statement again.</summary>
    public required StatementKey Key { get; init; }

    /// <summary>
    /// SHA-256 in lower-case hex of the normalised content (account, balances and every
    /// transaction), independent of line ends, padding, file references and duplicate marks.
    /// </summary>
    public required string ContentFingerprint { get; init; }

    /// <summary>
    /// Free messages of the statement: CODA record 4 texts, camt.053 <c>AddtlStmtInf</c>.
    /// </summary>
    public IReadOnlyList<string> FreeMessages { get; init; } = [];

    /// <summary>
    /// Integrity issues accepted in <see cref="StatementValidation.Lenient"/> mode, and tolerated
    /// quirks (such as a cut-off CODA trailer) in either mode.
    /// </summary>
    public IReadOnlyList<StatementIssue> Warnings { get; init; } = [];
}
