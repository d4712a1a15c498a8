namespace Bilansoft.Formats.Banking;

/// <summary>A whole statement held in memory, as returned by <see cref="BankStatementReader.ReadAllAsync"/>.</summary>
/// <param name="Header">Account, opening balance and sequence numbers.</param>
/// <param name="Transactions">Booked transactions in file order.</param>
/// <param name="Summary">Closing balance, totals, keys and warnings.</param>
public sealed record BankStatement(StatementHeader Header, IReadOnlyList<BankTransaction> Transactions, StatementSummary Summary);
