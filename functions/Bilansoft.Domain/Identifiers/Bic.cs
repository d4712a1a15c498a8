using System.Diagnostics.CodeAnalysis;

namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// Business Identifier Code (ISO 9362, SWIFT/BIC): 4-letter institution code, 2-letter country
/// code, 2-character location code and an optional 3-character branch code, so 8 or 11 characters.
/// </summary>
public readonly record struct Bic
{
    private readonly string? _value;

    private Bic(string value) => _value = value;

    /// <summary>The code in upper case without spaces.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The ISO 3166-1 alpha-2 country code in positions 5 and 6.</summary>
    public string CountryCode => Value.Length >= 6 ? Value[4..6] : string.Empty;

    /// <summary>Parses a BIC of 8 or 11 characters, ignoring spaces and case.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Bic value, out IdentifierError error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Missing;
            return false;
        }

        var compact = Mod97.Compact(text, string.Empty);
        if (compact.Length is not (8 or 11))
        {
            error = IdentifierError.InvalidLength;
            return false;
        }

        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[i];
            var valid = i < 6 ? char.IsAsciiLetterUpper(c) : char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
            if (!valid)
            {
                error = IdentifierError.InvalidFormat;
                return false;
            }
        }

        value = new Bic(compact);
        error = IdentifierError.None;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out Bic, out IdentifierError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out Bic value) => TryParse(text, out value, out _);

    /// <summary>Parses a BIC or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid BIC.</exception>
    public static Bic Parse(string text) =>
        TryParse(text, out var value, out var error)
            ? value
            : throw new FormatException($"'{text}' is not a valid BIC ({error}).");

    /// <summary>Returns the code.</summary>
    public override string ToString() => Value;
}
