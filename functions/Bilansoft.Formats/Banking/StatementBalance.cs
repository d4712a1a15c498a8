namespace Bilansoft.Formats.Banking;

/// <summary>
/// Balance of the account at the end of a day: signed amount (positive in favour of the account
/// holder, negative when the account is overdrawn), currency and date.
/// </summary>
/// <param name="Amount">Signed amount in the account currency.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="Date">Date the balance applies to, or null when the file leaves it out.</param>
/// <param name="Type">
/// camt.053 balance type code (<c>OPBD</c>, <c>CLBD</c>, <c>PRCD</c>, <c>ITBD</c>, <c>OPAV</c>,
/// <c>CLAV</c>); <c>OPBD</c> or <c>CLBD</c> for CODA old and new balances.
/// </param>
public sealed record StatementBalance(decimal Amount, string Currency, DateOnly? Date, string Type)
{
    /// <summary>Whether the balance is a booked balance, so that booked entries must add up to it.</summary>
    public bool IsBooked => Type is "OPBD" or "CLBD" or "PRCD" or "ITBD";
}
