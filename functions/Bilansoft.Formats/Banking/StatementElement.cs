namespace Bilansoft.Formats.Banking;

/// <summary>
/// One item read from a statement file. A reader yields, per statement, one
/// <see cref="StatementHeader"/>, then each booked <see cref="BankTransaction"/>, then one
/// <see cref="StatementSummary"/>, so a caller can store transactions as they arrive.
/// </summary>
public abstract record StatementElement
{
    /// <summary>
    /// 1-based line in the file where the element starts: the CODA record, or the XML start tag.
    /// </summary>
    public int LineNumber { get; init; }
}
