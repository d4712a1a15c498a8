using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Banking;

/// <summary>
/// A bank account of the organisation. Statements are imported only for known accounts, and the
/// last imported statement sets its sequence, balance and balance date.
/// </summary>
/// <param name="Id">Account id, 32 lowercase hex characters.</param>
/// <param name="Iban">The account number; one account per IBAN in an organisation, never changed.</param>
/// <param name="Bic">BIC of the bank, when known.</param>
/// <param name="Name">Name the users gave the account.</param>
/// <param name="Currency">ISO 4217 currency of the account; statements in another currency are rejected.</param>
/// <param name="CreatedAt">When the account was added (UTC).</param>
public sealed record BankAccount(string Id, Iban Iban, Bic? Bic, string Name, string Currency, DateTimeOffset CreatedAt)
{
    /// <summary>Position after the newest statement imported so far, or null before the first one.</summary>
    public StatementPosition? LastStatement { get; init; }
}

/// <summary>Where an account stands after a statement.</summary>
/// <param name="Sequence">Electronic sequence number of the statement (restarts every year), else its paper number.</param>
/// <param name="Balance">Closing balance, signed, in the account currency.</param>
/// <param name="BalanceDate">Date of the closing balance.</param>
/// <param name="ImportId">The import that brought the statement.</param>
public sealed record StatementPosition(long? Sequence, decimal Balance, DateOnly? BalanceDate, string ImportId)
{
    /// <summary>Whether <paramref name="other"/> describes a later statement than this one.</summary>
    public bool IsOlderThan(StatementPosition other)
    {
        if (BalanceDate is { } date && other.BalanceDate is { } otherDate && date != otherDate)
        {
            return otherDate > date;
        }

        return (other.Sequence ?? long.MinValue) >= (Sequence ?? long.MinValue);
    }
}
