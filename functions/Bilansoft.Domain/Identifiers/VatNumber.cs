using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// VAT identification number of an EU member state (or Northern Ireland, <c>XI</c>): a two-letter
/// prefix followed by the national number. Stored compact and upper case (<c>BE0123456749</c>).
/// Belgian numbers are checked with the enterprise-number check digits; other countries are
/// checked for their official shape only.
/// </summary>
/// <remarks>
/// NOTE: A valid shape does not mean the number is registered; that needs a VIES lookup, which this
/// type does not do.
/// </remarks>
public readonly record struct VatNumber
{
    // National number shapes as published for the VIES service, per prefix.
    private static readonly FrozenDictionary<string, Regex> ShapeByPrefix = new Dictionary<string, Regex>
    {
        ["AT"] = Shape("U[0-9]{8}"),
        ["BE"] = Shape("[01][0-9]{9}"),
        ["BG"] = Shape("[0-9]{9,10}"),
        ["CY"] = Shape("[0-9]{8}[A-Z]"),
        ["CZ"] = Shape("[0-9]{8,10}"),
        ["DE"] = Shape("[0-9]{9}"),
        ["DK"] = Shape("[0-9]{8}"),
        ["EE"] = Shape("[0-9]{9}"),
        ["EL"] = Shape("[0-9]{9}"),
        ["ES"] = Shape("[A-Z0-9][0-9]{7}[A-Z0-9]"),
        ["FI"] = Shape("[0-9]{8}"),
        ["FR"] = Shape("[A-HJ-NP-Z0-9]{2}[0-9]{9}"),
        ["HR"] = Shape("[0-9]{11}"),
        ["HU"] = Shape("[0-9]{8}"),
        ["IE"] = Shape("[0-9]{7}[A-Z]{1,2}|[0-9][A-Z+*][0-9]{5}[A-Z]"),
        ["IT"] = Shape("[0-9]{11}"),
        ["LT"] = Shape("[0-9]{9}|[0-9]{12}"),
        ["LU"] = Shape("[0-9]{8}"),
        ["LV"] = Shape("[0-9]{11}"),
        ["MT"] = Shape("[0-9]{8}"),
        ["NL"] = Shape("[0-9]{9}B[0-9]{2}"),
        ["PL"] = Shape("[0-9]{10}"),
        ["PT"] = Shape("[0-9]{9}"),
        ["RO"] = Shape("[0-9]{2,10}"),
        ["SE"] = Shape("[0-9]{10}01"),
        ["SI"] = Shape("[0-9]{8}"),
        ["SK"] = Shape("[0-9]{10}"),
        ["XI"] = Shape("[0-9]{9}|[0-9]{12}|GD[0-9]{3}|HA[0-9]{3}"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly string? _value;

    private VatNumber(string value) => _value = value;

    /// <summary>The compact form with its prefix, for example <c>BE0123456749</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The two-letter VAT prefix (<c>EL</c> for Greece, <c>XI</c> for Northern Ireland).</summary>
    public string Prefix => Value.Length >= 2 ? Value[..2] : string.Empty;

    /// <summary>The national part after the prefix.</summary>
    public string NationalNumber => Value.Length > 2 ? Value[2..] : string.Empty;

    /// <summary>Whether this is a Belgian VAT number.</summary>
    public bool IsBelgian => Prefix == "BE";

    /// <summary>
    /// The ISO 3166-1 country code of the issuing state; differs from the prefix only for Greece
    /// (<c>EL</c> → <c>GR</c>) and Northern Ireland (<c>XI</c> → <c>GB</c>).
    /// </summary>
    public string CountryCode => Prefix switch
    {
        "EL" => "GR",
        "XI" => "GB",
        var prefix => prefix,
    };

    /// <summary>
    /// Parses a VAT number with or without spaces, dots and dashes, in any case. A Greek number
    /// written with the ISO code <c>GR</c> is stored with its VAT prefix <c>EL</c>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out VatNumber value, out IdentifierError error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Missing;
            return false;
        }

        var compact = Mod97.Compact(text, ".-/");
        if (compact.Length < 3 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        var prefix = compact[..2] == "GR" ? "EL" : compact[..2];
        var national = compact[2..];
        if (!ShapeByPrefix.TryGetValue(prefix, out var shape))
        {
            error = IdentifierError.UnsupportedCountry;
            return false;
        }

        if (!shape.IsMatch(national))
        {
            error = prefix == "BE" && Mod97.IsDigits(national) && national.Length != 10
                ? IdentifierError.InvalidLength
                : IdentifierError.InvalidFormat;
            return false;
        }

        if (prefix == "BE" && !EnterpriseNumber.HasValidCheck(national))
        {
            error = IdentifierError.InvalidChecksum;
            return false;
        }

        value = new VatNumber(prefix + national);
        error = IdentifierError.None;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out VatNumber, out IdentifierError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out VatNumber value) => TryParse(text, out value, out _);

    /// <summary>Parses a VAT number or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid VAT number.</exception>
    public static VatNumber Parse(string text) =>
        TryParse(text, out var value, out var error)
            ? value
            : throw new FormatException($"'{text}' is not a valid EU VAT number ({error}).");

    /// <summary>
    /// The enterprise number inside a Belgian VAT number; null for other countries.
    /// </summary>
    public EnterpriseNumber? ToEnterpriseNumber() =>
        IsBelgian ? EnterpriseNumber.Parse(NationalNumber) : null;

    /// <summary>
    /// The printed form: Belgian numbers as <c>BE 0123.456.749</c>, others as prefix and number.
    /// </summary>
    public string ToPrinted() =>
        IsBelgian ? $"BE {EnterpriseNumber.Parse(NationalNumber).ToPrinted()}" : Value;

    /// <summary>Returns the compact form.</summary>
    public override string ToString() => Value;

    private static Regex Shape(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
