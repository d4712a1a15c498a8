using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Bilansoft.Domain.Banking;

/// <summary>Normalisation of names, numbers and texts so that spelling differences do not stop a match.</summary>
internal static class MatchText
{
    // Belgian, Dutch, French and German legal forms that banks add to or drop from names.
    private static readonly FrozenSet<string> LegalForms = new[]
    {
        "BV", "BVBA", "NV", "CV", "CVBA", "VZW", "VOF", "COMMV", "SRL", "SPRL", "SA", "SC", "SCRL", "SCS", "ASBL",
        "SNC", "SAS", "SASU", "SARL", "GMBH", "AG", "KG", "LTD", "BVBAS", "EBVBA", "LLC", "INC",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Returns the letters and digits of the text in upper case, without accents.</summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits a name into its significant words: upper case, without accents, punctuation or
    /// legal forms, at least two characters long.
    /// </summary>
    public static string[] NameWords(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        return Words(name)
            .Where(word => word.Length >= 2 && !LegalForms.Contains(word))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// Returns the candidate invoice numbers in a payment text, compacted: each word, each part of
    /// a word between punctuation, and each pair of neighbouring parts joined (for numbers written
    /// as <c>2026 / 0007</c> or <c>inv.2026-0007</c>).
    /// </summary>
    public static IEnumerable<string> NumberCandidates(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        string? previous = null;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var compact = Compact(word);
            if (compact.Length == 0)
            {
                continue;
            }

            yield return compact;
            foreach (var part in Words(word))
            {
                if (part != compact)
                {
                    yield return part;
                }

                if (previous is not null)
                {
                    yield return previous + part;
                }

                previous = part;
            }
        }
    }

    /// <summary>Returns the cents of an amount as a whole number, for indexing amounts exactly.</summary>
    public static long Cents(decimal amount) => (long)decimal.Round(Math.Abs(amount) * 100m, 0, MidpointRounding.AwayFromZero);

    private static IEnumerable<string> Words(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }
}
