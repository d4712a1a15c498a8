using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking;

/// <summary>
/// Everything known about a statement before its first transaction: account, opening balance,
/// sequence numbers and the copy or duplicate mark.
/// </summary>
public sealed record StatementHeader : StatementElement
{
    /// <summary>File format the statement was read from.</summary>
    public required StatementFormat Format { get; init; }

    /// <summary>Format version: <c>2</c> for CODA, the message identifier such as <c>camt.053.001.08</c> for camt.053.</summary>
    public required string FormatVersion { get; init; }

    /// <summary>
    /// 0-based position of the statement in the file. Several CODA statements or camt.053
    /// <c>Stmt</c> blocks can share one file.
    /// </summary>
    public required int StatementIndex { get; init; }

    /// <summary>
    /// Account identifier as the bank wrote it, without padding: an IBAN, a Belgian BBAN or
    /// another bank-specific number.
    /// </summary>
    public required string AccountId { get; init; }

    /// <summary>
    /// The account as a valid IBAN, or null when the file contains none. A valid Belgian BBAN
    /// (CODA account structure 0) is converted to its IBAN.
    /// </summary>
    public Iban? AccountIban { get; init; }

    /// <summary>ISO 4217 currency of the account.</summary>
    public required string Currency { get; init; }

    /// <summary>Name of the account holder, when present.</summary>
    public string? AccountHolderName { get; init; }

    /// <summary>BIC of the bank that keeps the account, when present and valid.</summary>
    public Bic? BankBic { get; init; }

    /// <summary>
    /// Paper or legal statement number: CODA record 1 positions 3–5, camt.053 <c>LglSeqNb</c>.
    /// </summary>
    public long? SequenceNumber { get; init; }

    /// <summary>
    /// Electronic statement number, which restarts at 1 every year and grows by one per file:
    /// CODA record 1 positions 126–128, camt.053 <c>ElctrncSeqNb</c>.
    /// </summary>
    public long? ElectronicSequenceNumber { get; init; }

    /// <summary>camt.053 <c>Stmt/Id</c>; null for CODA.</summary>
    public string? StatementId { get; init; }

    /// <summary>camt.053 <c>GrpHdr/MsgId</c>, or the CODA file reference (header positions 25–34).</summary>
    public string? MessageId { get; init; }

    /// <summary>Creation date of the file or statement.</summary>
    public DateOnly? CreationDate { get; init; }

    /// <summary>
    /// Whether the bank marked the file as a copy or duplicate of one sent before: CODA header
    /// position 17 = <c>D</c>, or camt.053 <c>CpyDplctInd</c> present.
    /// </summary>
    public bool IsDuplicate { get; init; }

    /// <summary>The mark itself: <c>D</c> for CODA, <c>COPY</c>, <c>DUPL</c> or <c>CODU</c> for camt.053.</summary>
    public string? DuplicateIndicator { get; init; }

    /// <summary>
    /// Whether the CODA file is a separate application (header positions 84–88 not <c>00000</c>):
    /// an extract of some transactions, whose balances must not be used for continuity.
    /// </summary>
    public bool IsSeparateApplication { get; init; }

    /// <summary>Opening (old) booked balance, when the statement carries one.</summary>
    public StatementBalance? OpeningBalance { get; init; }

    /// <summary>
    /// Enterprise number of a Belgian account holder as written in the CODA header (10 digits),
    /// not validated.
    /// </summary>
    public string? HolderEnterpriseNumber { get; init; }
}
