using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking;

/// <summary>An account as read from a statement, with the normalised form used in keys.</summary>
/// <param name="Id">Account as written, without padding.</param>
/// <param name="Iban">The account as a valid IBAN, when it is one or converts to one.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="Zone">The raw CODA account zone, for comparing record 1 with record 8; empty for camt.053.</param>
internal sealed record StatementAccount(string Id, Iban? Iban, string Currency, string Zone)
{
    /// <summary>The IBAN when there is one, else the account without spaces in upper case.</summary>
    public string Key => Iban?.Value ?? StatementHashing.NormaliseAccount(Id);

    /// <summary>
    /// Reads the 37-character account zone of CODA records 1 (positions 6–42) and 8 (5–41) by
    /// account structure: 0 Belgian BBAN (12) + blank + currency; 1 foreign account (34) + currency;
    /// 2 Belgian IBAN (31) + extension (3) + currency; 3 foreign IBAN (34) + currency.
    /// </summary>
    public static StatementAccount FromCoda(char structure, string zone)
    {
        if (structure == '0')
        {
            var bban = zone[..12];
            return new StatementAccount(bban, BelgianAccount.ToIban(bban), zone.Substring(13, 3).Trim(), zone);
        }

        var id = (structure == '2' ? zone[..31] : zone[..34]).Trim();
        var iban = structure is '2' or '3' && Domain.Identifiers.Iban.TryParse(id, out var parsed) ? parsed : (Iban?)null;
        return new StatementAccount(id, iban, zone.Substring(34, 3).Trim(), zone);
    }
}

/// <summary>Belgian account numbers (BBAN) and their IBAN form.</summary>
internal static class BelgianAccount
{
    /// <summary>
    /// Converts a 12-digit Belgian BBAN to its IBAN: <c>BE</c>, ISO 7064 check digits, BBAN.
    /// Returns null when the BBAN is not 12 digits or its national check digits are wrong.
    /// </summary>
    public static Iban? ToIban(string bban)
    {
        if (bban.Length != 12 || !bban.All(char.IsAsciiDigit))
        {
            return null;
        }

        // The check digits make BBAN + "BE00" (B = 11, E = 14) congruent to 1 modulo 97.
        var rearranged = ulong.Parse(bban + "111400", System.Globalization.CultureInfo.InvariantCulture);
        var check = 98 - (int)(rearranged % 97);
        var text = "BE" + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + bban;
        return Iban.TryParse(text, out var iban) ? iban : null;
    }

    /// <summary>
    /// Reads a counterparty account zone (CODA record 2.3 positions 11–47): a 12-digit BBAN
    /// followed by a blank and the currency, or an IBAN or other account of up to 34 characters
    /// followed by the currency.
    /// </summary>
    public static (string? Account, Iban? Iban) ReadCounterparty(string zone)
    {
        if (zone.Length >= 16 && zone[12] == ' ' && zone[..12].All(char.IsAsciiDigit))
        {
            return (zone[..12], ToIban(zone[..12]));
        }

        var account = zone[..Math.Min(34, zone.Length)].Trim();
        if (account.Length == 0)
        {
            return (null, null);
        }

        return (account, Iban.TryParse(account, out var iban) ? iban : null);
    }
}
