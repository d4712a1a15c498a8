using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// Belgian enterprise number (ondernemingsnummer / numéro d'entreprise) from the Crossroads Bank
/// for Enterprises (KBO/BCE): 10 digits starting with 0 or 1, where the last two digits equal
/// 97 minus the first eight modulo 97. Printed as <c>0123.456.749</c>.
/// </summary>
public readonly record struct EnterpriseNumber
{
    private readonly string? _digits;

    private EnterpriseNumber(string digits) => _digits = digits;

    /// <summary>The 10 digits without separators.</summary>
    public string Digits => _digits ?? string.Empty;

    /// <summary>
    /// Parses an enterprise number with or without dots, spaces or a <c>BE</c> prefix. A legacy
    /// 9-digit number gets a leading 0.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EnterpriseNumber value, out IdentifierError error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Missing;
            return false;
        }

        var compact = Mod97.Compact(text, ".-/");
        if (compact.StartsWith("BE", StringComparison.Ordinal))
        {
            compact = compact[2..];
        }

        if (!Mod97.IsDigits(compact))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        if (compact.Length == 9)
        {
            compact = "0" + compact;
        }

        if (compact.Length != 10)
        {
            error = IdentifierError.InvalidLength;
            return false;
        }

        if (compact[0] is not ('0' or '1'))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        if (!HasValidCheck(compact))
        {
            error = IdentifierError.InvalidChecksum;
            return false;
        }

        value = new EnterpriseNumber(compact);
        error = IdentifierError.None;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out EnterpriseNumber, out IdentifierError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out EnterpriseNumber value) =>
        TryParse(text, out value, out _);

    /// <summary>Parses an enterprise number or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid enterprise number.</exception>
    public static EnterpriseNumber Parse(string text) =>
        TryParse(text, out var value, out var error)
            ? value
            : throw new FormatException($"'{text}' is not a valid Belgian enterprise number ({error}).");

    /// <summary>The Belgian VAT number that belongs to this enterprise (<c>BE</c> + the 10 digits).</summary>
    public VatNumber ToVatNumber() => VatNumber.Parse("BE" + Digits);

    /// <summary>The printed form <c>0123.456.749</c>.</summary>
    public string ToPrinted() => _digits is null ? string.Empty : $"{_digits[..4]}.{_digits[4..7]}.{_digits[7..]}";

    /// <summary>Returns the printed form.</summary>
    public override string ToString() => ToPrinted();

    internal static bool HasValidCheck(ReadOnlySpan<char> tenDigits)
    {
        var body = int.Parse(tenDigits[..8], provider: CultureInfo.InvariantCulture);
        var check = int.Parse(tenDigits[8..], provider: CultureInfo.InvariantCulture);
        return 97 - (body % 97) == check;
    }
}
