using Bilansoft.Domain;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>Chooses the language of messages from the request's Accept-Language header.</summary>
public static class RequestLanguage
{
    /// <summary>
    /// The supported language with the highest quality in Accept-Language; Dutch when the header is
    /// missing or names no supported language.
    /// </summary>
    public static Language Of(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        if (accepted is null || accepted.Count == 0)
        {
            return Language.Dutch;
        }

        foreach (var entry in accepted.OrderByDescending(value => value.Quality ?? 1.0))
        {
            if (entry.Quality is 0)
            {
                continue;
            }

            if (LanguageCodes.TryParse(entry.Value.Value, out var language))
            {
                return language;
            }
        }

        return Language.Dutch;
    }
}
