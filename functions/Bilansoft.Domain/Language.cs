namespace Bilansoft.Domain;

/// <summary>
/// Languages in which Bilansoft writes what users and their customers read. Dutch is the default.
/// </summary>
public enum Language
{
    /// <summary>Dutch (nl-BE), the default.</summary>
    Dutch = 0,

    /// <summary>French (fr-BE).</summary>
    French,

    /// <summary>English (en).</summary>
    English,

    /// <summary>German (de-BE).</summary>
    German,
}

/// <summary>Conversions between <see cref="Language"/> and ISO 639-1 codes.</summary>
public static class LanguageCodes
{
    /// <summary>The ISO 639-1 code: <c>nl</c>, <c>fr</c>, <c>en</c> or <c>de</c>.</summary>
    public static string ToCode(this Language language) => language switch
    {
        Language.French => "fr",
        Language.English => "en",
        Language.German => "de",
        _ => "nl",
    };

    /// <summary>
    /// The culture used to format dates and numbers for the language in Belgium. English uses
    /// en-GB, because en-BE writes numbers with a decimal comma, which English readers do not expect.
    /// </summary>
    public static System.Globalization.CultureInfo ToCulture(this Language language) =>
        System.Globalization.CultureInfo.GetCultureInfo(language switch
        {
            Language.French => "fr-BE",
            Language.English => "en-GB",
            Language.German => "de-BE",
            _ => "nl-BE",
        });

    /// <summary>
    /// Reads a language code or tag (<c>fr</c>, <c>fr-BE</c>, <c>FR</c>); returns false for anything else.
    /// </summary>
    public static bool TryParse(string? code, out Language language)
    {
        language = Language.Dutch;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var primary = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        switch (primary)
        {
            case "nl":
                language = Language.Dutch;
                return true;
            case "fr":
                language = Language.French;
                return true;
            case "en":
                language = Language.English;
                return true;
            case "de":
                language = Language.German;
                return true;
            default:
                return false;
        }
    }
}
