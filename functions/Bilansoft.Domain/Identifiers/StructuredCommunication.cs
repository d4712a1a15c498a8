using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// Belgian structured communication (gestructureerde mededeling / communication structurée,
/// OGM/VCS): 12 digits of which the last two are the check digits of the first ten
/// (value modulo 97, where 0 becomes 97). Printed as <c>+++ddd/dddd/ddddd+++</c>; stored and sent
/// electronically as the 12 digits only.
/// </summary>
public readonly partial record struct StructuredCommunication
{
    private readonly string? _digits;

    private StructuredCommunication(string digits) => _digits = digits;

    /// <summary>The 12 digits, without separators.</summary>
    public string Digits => _digits ?? string.Empty;

    /// <summary>
    /// Builds a structured communication from a base number of at most 10 digits, adding the check
    /// digits. The base is left-padded with zeros.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The base is negative, larger than 10 digits, or zero.</exception>
    public static StructuredCommunication FromBase(long baseNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseNumber, 9_999_999_999L);

        var body = baseNumber.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        var check = Mod97.BelgianCheck(body);
        return new StructuredCommunication(body + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Parses a structured communication written in any common way: with <c>+++</c> or <c>***</c>
    /// delimiters, slashes, spaces, or as the 12 digits only.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StructuredCommunication value, out IdentifierError error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Missing;
            return false;
        }

        var digits = Mod97.Compact(text, "+*/.-");
        if (!Mod97.IsDigits(digits))
        {
            error = IdentifierError.InvalidFormat;
            return false;
        }

        if (digits.Length != 12)
        {
            error = IdentifierError.InvalidLength;
            return false;
        }

        // python-stdnum and the banks reject the all-zero value even though its arithmetic works out.
        var body = digits.AsSpan(0, 10);
        var check = int.Parse(digits.AsSpan(10, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (body.IndexOfAnyExcept('0') < 0 || Mod97.BelgianCheck(body) != check)
        {
            error = IdentifierError.InvalidChecksum;
            return false;
        }

        value = new StructuredCommunication(digits);
        error = IdentifierError.None;
        return true;
    }

    /// <inheritdoc cref="TryParse(string?, out StructuredCommunication, out IdentifierError)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out StructuredCommunication value) =>
        TryParse(text, out value, out _);

    /// <summary>Parses a structured communication or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid structured communication.</exception>
    public static StructuredCommunication Parse(string text) =>
        TryParse(text, out var value, out var error)
            ? value
            : throw new FormatException($"'{text}' is not a valid Belgian structured communication ({error}).");

    /// <summary>
    /// Finds the first valid structured communication inside free text, such as a bank statement's
    /// unstructured remittance information. Accepts the printed form, runs of 12 digits and the
    /// 3/4/5 grouping with spaces or slashes; returns false when none has valid check digits.
    /// </summary>
    public static bool TryFind(string? text, out StructuredCommunication value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in CandidatePattern().Matches(text))
        {
            if (TryParse(match.Value, out value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds every valid structured communication inside free text, in the order they appear and
    /// without repeats, in the notations <see cref="TryFind"/> accepts. A payment that settles
    /// several invoices can quote each of their communications.
    /// </summary>
    public static IReadOnlyList<StructuredCommunication> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<StructuredCommunication>();
        foreach (Match match in CandidatePattern().Matches(text))
        {
            if (TryParse(match.Value, out var value) && !found.Contains(value))
            {
                found.Add(value);
            }
        }

        return found;
    }

    /// <summary>The printed form <c>+++ddd/dddd/ddddd+++</c>.</summary>
    public string ToPrinted() =>
        _digits is null ? string.Empty : $"+++{_digits[..3]}/{_digits[3..7]}/{_digits[7..]}+++";

    /// <summary>Returns the printed form.</summary>
    public override string ToString() => ToPrinted();

    // Either three delimiters around 3/4/5 digits, or 3-4-5 digit groups separated by a slash or
    // space, or a plain run of 12 digits that is not part of a longer number.
    [GeneratedRegex(@"[+*]{3}\s*\d{3}\s*/?\s*\d{4}\s*/?\s*\d{5}\s*[+*]{3}|(?<!\d)\d{3}[/ ]\d{4}[/ ]\d{5}(?!\d)|(?<!\d)\d{12}(?!\d)")]
    private static partial Regex CandidatePattern();
}
