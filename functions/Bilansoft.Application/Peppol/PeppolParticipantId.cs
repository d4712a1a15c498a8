using System.Diagnostics.CodeAnalysis;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Peppol;

/// <summary>
/// Peppol participant identifier in the <c>iso6523-actorid-upis</c> scheme: a four-digit ISO 6523
/// ICD code, a colon and the identifier within that code list, such as <c>0208:0123456749</c>
/// (0208 is the Belgian enterprise number). Peppol compares participant identifiers without
/// regard to case, so the value is stored lower case.
/// </summary>
public readonly record struct PeppolParticipantId
{
    /// <summary>The Peppol identifier scheme that this type covers, which may prefix the text as <c>iso6523-actorid-upis::</c>.</summary>
    public const string Scheme = "iso6523-actorid-upis";

    /// <summary>ICD of the Belgian enterprise number (KBO/BCE).</summary>
    public const string BelgianEnterpriseNumberIcd = "0208";

    // Peppol allows participant identifier values of up to 130 characters, ICD and colon included.
    // NOTE: This limit comes from a summary of the Peppol Policy for use of Identifiers 4.4.0, not from the policy text.
    private const int MaxLength = 130;

    private readonly string? _value;

    private PeppolParticipantId(string value) => _value = value;

    /// <summary>The identifier as <c>{icd}:{identifier}</c>, without the scheme prefix.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The four-digit ISO 6523 ICD code, such as <c>0208</c>.</summary>
    public string Icd => Value.Length >= 4 ? Value[..4] : string.Empty;

    /// <summary>The identifier within the ICD's code list, such as the enterprise number <c>0123456749</c>.</summary>
    public string Identifier => Value.Length > 5 ? Value[5..] : string.Empty;

    /// <summary>
    /// Parses <c>{icd}:{identifier}</c>, optionally prefixed with <c>iso6523-actorid-upis::</c>.
    /// A <c>0208</c> identifier must be a valid enterprise number of 10 digits.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PeppolParticipantId value, out IdentifierError error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Missing;
            return false;
        }

        var compact = text.Trim();
        if (compact.StartsWith(Scheme + "::", StringComparison.OrdinalIgnoreCase))
        {
            compact = compact[(Scheme.Length + 2)..];
        }

        if (compact.Length > MaxLength)
        {
            error = IdentifierError.InvalidLength;
            return false;
        }

        if (compact.Length < 6 || compact[4] != ':' || !compact[..4].All(char.IsAsciiDigit))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        var identifier = compact[5..];
        if (!identifier.All(c => char.IsAscii(c) && !char.IsWhiteSpace(c) && !char.IsControl(c)))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        if (compact[..4] == BelgianEnterpriseNumberIcd && !IsEnterpriseNumber(identifier, out error))
        {
            return false;
        }

        value = new PeppolParticipantId(compact.ToLowerInvariant());
        error = IdentifierError.None;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out PeppolParticipantId, out IdentifierError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out PeppolParticipantId value) =>
        TryParse(text, out value, out _);

    /// <summary>Parses a participant identifier or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid participant identifier.</exception>
    public static PeppolParticipantId Parse(string text) =>
        TryParse(text, out var value, out var error)
            ? value
            : throw new FormatException($"'{text}' is not a valid Peppol participant identifier ({error}); expected {{icd}}:{{identifier}} such as 0208:0123456749.");

    /// <summary>Returns <c>{icd}:{identifier}</c>.</summary>
    public override string ToString() => Value;

    private static bool IsEnterpriseNumber(string identifier, out IdentifierError error)
    {
        // The 0208 code list contains the bare 10 digits, so dotted, BE-prefixed or 9-digit spellings are rejected.
        if (identifier.Length != 10 || !identifier.All(char.IsAsciiDigit))
        {
            error = identifier.All(char.IsAsciiDigit) ? IdentifierError.InvalidLength : IdentifierError.InvalidFormat;
            return false;
        }

        return EnterpriseNumber.TryParse(identifier, out _, out error);
    }
}
