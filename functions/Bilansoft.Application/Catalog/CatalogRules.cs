using System.Globalization;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Catalog;

/// <summary>Checks shared by customers, products, snippets and sales documents, recorded in an <see cref="InputRules"/>.</summary>
public static class CatalogRules
{
    /// <summary>Maps a lower-case choice to its value; records <see cref="CatalogErrorCodes.InvalidChoice"/> for anything else.</summary>
    public static T Choice<T>(this InputRules rules, string? value, string path, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (choices.TryGetValue(value.Trim(), out var choice))
        {
            return choice;
        }

        rules.Add(CatalogErrorCodes.InvalidChoice, path, new Dictionary<string, object?>
        {
            ["value"] = value,
            ["allowed"] = string.Join(", ", choices.Keys),
        });
        return fallback;
    }

    /// <summary>Records <see cref="CatalogErrorCodes.OutOfRange"/> when <paramref name="value"/> is outside the inclusive bounds.</summary>
    public static void Range(this InputRules rules, decimal? value, string path, decimal minimum, decimal maximum)
    {
        if (value is { } number && (number < minimum || number > maximum))
        {
            rules.Add(CatalogErrorCodes.OutOfRange, path, new Dictionary<string, object?>
            {
                ["value"] = number,
                ["minimum"] = minimum,
                ["maximum"] = maximum,
            });
        }
    }

    /// <summary>Reads a VAT category id; null when empty, recording <see cref="CatalogErrorCodes.VatCategoryUnknown"/> for an unknown id.</summary>
    public static VatCategory? VatCategory(this InputRules rules, string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Domain.Sales.VatCategory.TryParse(value.Trim(), out var category))
        {
            return category;
        }

        rules.Add(CatalogErrorCodes.VatCategoryUnknown, path, new Dictionary<string, object?>
        {
            ["value"] = value,
            ["allowed"] = string.Join(", ", Domain.Sales.VatCategory.All.Select(c => c.Id)),
        });
        return null;
    }

    /// <summary>
    /// Reads a UN/ECE Recommendation 20 unit code (two or three upper-case letters or digits, such
    /// as <c>C62</c>, <c>HUR</c> or <c>KGM</c>); <paramref name="fallback"/> when empty.
    /// </summary>
    /// <remarks>NOTE: Only the shape is checked; a well-shaped code outside the recommendation passes.</remarks>
    public static string UnitCode(this InputRules rules, string? value, string path, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var code = value.Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterOrDigit))
        {
            rules.Add(CatalogErrorCodes.InvalidUnitCode, path, new Dictionary<string, object?> { ["value"] = value });
            return fallback;
        }

        return code;
    }

    /// <summary>Reads a text in four languages; records <see cref="CatalogErrorCodes.TextMissing"/> when every language is empty.</summary>
    public static TranslatedText Translated(this InputRules rules, TranslatedTextInput? input, string path, int maxLength)
    {
        var text = new TranslatedText(
            rules.Optional(input?.Nl, path + ".nl", maxLength),
            rules.Optional(input?.Fr, path + ".fr", maxLength),
            rules.Optional(input?.En, path + ".en", maxLength),
            rules.Optional(input?.De, path + ".de", maxLength));
        if (text is { Dutch: null, French: null, English: null, German: null })
        {
            rules.Add(CatalogErrorCodes.TextMissing, path);
        }

        return text;
    }

    /// <summary>Formats a decimal for messages and audit details without the culture's separators.</summary>
    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
