using Bilansoft.Domain;

namespace Bilansoft.Application.Catalog;

/// <summary>
/// A text the seller wrote in one or more of the four languages, such as a product name or a text
/// snippet. At least one language is filled in; the others fall back to it.
/// </summary>
public sealed record TranslatedText(string? Dutch, string? French, string? English, string? German)
{
    /// <summary>
    /// Returns the text in <paramref name="language"/>, or else the first one filled in, in the
    /// order Dutch, French, English, German.
    /// </summary>
    public string In(Language language)
    {
        var exact = language switch
        {
            Language.French => French,
            Language.English => English,
            Language.German => German,
            _ => Dutch,
        };
        return exact ?? Dutch ?? French ?? English ?? German ?? string.Empty;
    }
}

/// <summary>A text in up to four languages as a client sends it: <c>{ "nl": …, "fr": …, "en": …, "de": … }</c>.</summary>
public sealed record TranslatedTextInput(string? Nl, string? Fr, string? En, string? De);
