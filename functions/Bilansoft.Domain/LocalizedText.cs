namespace Bilansoft.Domain;

/// <summary>
/// A fixed text in the four languages Bilansoft writes in, such as a legal invoice mention.
/// </summary>
public sealed record LocalizedText(string Dutch, string French, string English, string German)
{
    /// <summary>Returns the text in <paramref name="language"/>.</summary>
    public string In(Language language) => language switch
    {
        Language.French => French,
        Language.English => English,
        Language.German => German,
        _ => Dutch,
    };
}
