namespace Bilansoft.Formats.Banking;

/// <summary>
/// Natural key of a statement: the same statement sent again (a duplicate, a copy, a re-issued
/// file) has the same key, so storage can keep a unique constraint on it.
/// </summary>
/// <remarks>
/// CODA: <c>coda|account|currency|year|electronic sequence</c>, because the CODA sequence
/// number restarts at 001 every year. A separate application (an extract without its own sequence)
/// uses <c>coda|account|currency|application code|creation date|file reference</c> instead.
/// camt.053: <c>camt053|account|currency|year|ElctrncSeqNb</c>, or
/// <c>camt053|account|currency|id:Stmt/Id</c> when the electronic sequence is absent.
/// </remarks>
/// <param name="Value">The key text.</param>
public readonly record struct StatementKey(string Value)
{
    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}

/// <summary>
/// Content key of one transaction, for finding the same transaction in two files, such as a CODA
/// and a camt.053 file of the same day, or a daily and a monthly statement. It is the first 128
/// bits of a SHA-256, as 32 lower-case hex digits, over account, currency, booking date, value
/// date, signed amount, counterparty account, structured communication or reference, and
/// end-to-end id.
/// </summary>
/// <remarks>
/// The bank reference and the sequence numbers are left out because banks renumber and change
/// them between deliveries. Free text is left out because CODA cuts it into fixed-width parts
/// that do not always reassemble into the camt.053 text. So two identical payments on one day
/// share a key: compare the count of each key (as a multiset), not mere presence.
/// </remarks>
/// <param name="Value">The key as hex digits.</param>
public readonly record struct TransactionKey(string Value)
{
    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
