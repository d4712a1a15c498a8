namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// Modulo-97 arithmetic shared by the Belgian identifiers and ISO 7064 MOD 97-10 (IBAN, RF).
/// </summary>
internal static class Mod97
{
    /// <summary>
    /// Computes the Belgian check number of a digit string: its value modulo 97, where a remainder
    /// of 0 becomes 97. Structured communications and Belgian account numbers use it.
    /// </summary>
    public static int BelgianCheck(ReadOnlySpan<char> digits)
    {
        var remainder = Remainder(digits);
        return remainder == 0 ? 97 : remainder;
    }

    /// <summary>
    /// Computes the remainder modulo 97 of an arbitrarily long string of letters and digits, where
    /// letters count as two-digit numbers (A = 10 … Z = 35) as ISO 7064 MOD 97-10 prescribes.
    /// </summary>
    public static int Remainder(ReadOnlySpan<char> text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                var value = char.ToUpperInvariant(c) - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
        }

        return remainder;
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    /// <summary>
    /// Copies the letters and digits of <paramref name="text"/> into upper case, dropping spaces,
    /// dots, dashes and slashes that people type inside identifiers.
    /// </summary>
    public static string Compact(string text, ReadOnlySpan<char> separators)
    {
        var buffer = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || separators.Contains(c))
            {
                continue;
            }

            buffer.Append(char.ToUpperInvariant(c));
        }

        return buffer.ToString();
    }
}
