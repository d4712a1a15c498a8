using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// International Bank Account Number (ISO 13616): country code, two check digits (ISO 7064
/// MOD 97-10) and a national account number (BBAN) whose length depends on the country. Belgian
/// IBANs also carry the national check of the BBAN (first ten digits modulo 97, where 0 becomes 97).
/// </summary>
public readonly record struct Iban
{
    // Lengths from the SWIFT IBAN registry for the countries whose accounts Belgian businesses meet.
    private static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16,
        ["BG"] = 22, ["BH"] = 22, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28,
        ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24,
        ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18,
        ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23,
        ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32,
        ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22,
        ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly string? _value;

    private Iban(string value) => _value = value;

    /// <summary>The electronic form: upper case, no spaces (for example <c>BE68539007547034</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 country code in the first two positions.</summary>
    public string CountryCode => Value.Length >= 2 ? Value[..2] : string.Empty;

    /// <summary>Whether the account is held in Belgium.</summary>
    public bool IsBelgian => CountryCode == "BE";

    /// <summary>
    /// Parses an IBAN typed with or without spaces, in any case, checking the country length, the
    /// ISO 7064 check digits and, for Belgium, the national check digits.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Iban value, out IdentifierError error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Missing;
            return false;
        }

        var compact = Mod97.Compact(text, "-.");
        if (compact.StartsWith("IBAN", StringComparison.Ordinal))
        {
            compact = compact[4..];
        }

        if (compact.Length < 5 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) ||
            !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !IsAsciiLettersOrDigits(compact))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        if (!LengthByCountry.TryGetValue(compact[..2], out var expectedLength))
        {
            error = IdentifierError.UnsupportedCountry;
            return false;
        }

        if (compact.Length != expectedLength)
        {
            error = IdentifierError.InvalidLength;
            return false;
        }

        var rearranged = string.Concat(compact.AsSpan(4), compact.AsSpan(0, 4));
        if (Mod97.Remainder(rearranged) != 1 || !HasValidNationalCheck(compact))
        {
            error = IdentifierError.InvalidChecksum;
            return false;
        }

        value = new Iban(compact);
        error = IdentifierError.None;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out Iban, out IdentifierError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out Iban value) => TryParse(text, out value, out _);

    /// <summary>Parses an IBAN or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid IBAN.</exception>
    public static Iban Parse(string text) =>
        TryParse(text, out var value, out var error)
            ? value
            : throw new FormatException($"'{text}' is not a valid IBAN ({error}).");

    /// <summary>The printed form in groups of four characters (<c>BE68 5390 0754 7034</c>).</summary>
    public string ToPrinted()
    {
        var builder = new StringBuilder(Value.Length + (Value.Length / 4));
        for (var i = 0; i < Value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(Value[i]);
        }

        return builder.ToString();
    }

    /// <summary>Returns the electronic form.</summary>
    public override string ToString() => Value;

    private static bool HasValidNationalCheck(string compact)
    {
        if (!compact.StartsWith("BE", StringComparison.Ordinal))
        {
            return true;
        }

        var bban = compact.AsSpan(4);
        if (!Mod97.IsDigits(bban))
        {
            return false;
        }

        var check = int.Parse(bban[10..], provider: System.Globalization.CultureInfo.InvariantCulture);
        return Mod97.BelgianCheck(bban[..10]) == check;
    }

    private static bool IsAsciiLettersOrDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
