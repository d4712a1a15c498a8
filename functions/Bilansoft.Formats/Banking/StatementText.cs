using System.Text;

namespace Bilansoft.Formats.Banking;

/// <summary>Text clean-up shared by the CODA and camt.053 readers.</summary>
internal static class StatementText
{
    /// <summary>
    /// Trims the text and collapses each run of white space into one space; returns null for text
    /// that is empty or only white space.
    /// </summary>
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var previousWasSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!previousWasSpace)
                {
                    builder.Append(' ');
                }

                previousWasSpace = true;
            }
            else
            {
                builder.Append(c);
                previousWasSpace = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Joins the parts that are not null with one space; returns null when all are null.</summary>
    public static string? Join(params string?[] parts)
    {
        var present = parts.Where(part => !string.IsNullOrEmpty(part)).ToArray();
        return present.Length == 0 ? null : string.Join(' ', present);
    }
}
