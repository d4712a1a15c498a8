using System.Globalization;
using System.Resources;
using System.Text;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Localization;

/// <summary>
/// Localised titles and details of problem documents and messages of rule violations, read from
/// the <c>Problems</c> and <c>Violations</c> resources (Dutch neutral, French, English, German).
/// Details are templates with named placeholders such as <c>{value}</c>.
/// </summary>
public static class ProblemTexts
{
    private static readonly ResourceManager Problems =
        new("Bilansoft.Application.Localization.Problems", typeof(ProblemTexts).Assembly);

    private static readonly ResourceManager Violations =
        new("Bilansoft.Application.Localization.Violations", typeof(ProblemTexts).Assembly);

    /// <summary>The short title of a problem code; the code itself when no text exists.</summary>
    public static string Title(string code, Language language) =>
        Problems.GetString(code + ".title", CultureFor(language)) ?? code;

    /// <summary>The detail sentence of a problem code with its placeholders filled in.</summary>
    public static string Detail(string code, Language language, IReadOnlyDictionary<string, object?> arguments) =>
        Fill(Problems.GetString(code + ".detail", CultureFor(language)) ?? code, language, arguments);

    /// <summary>The message of one broken rule, with its placeholders filled in.</summary>
    public static string Message(RuleViolation violation, Language language)
    {
        var culture = CultureFor(language);
        var template = Violations.GetString(violation.Code, culture);
        if (template is null)
        {
            var generic = Violations.GetString("generic", culture) ?? "{code}";
            return Fill(generic, language, new Dictionary<string, object?> { ["code"] = violation.Code });
        }

        return Fill(template, language, violation.Arguments);
    }

    /// <summary>Whether a problem code has a title in the neutral (Dutch) resources.</summary>
    public static bool HasProblem(string code) =>
        Problems.GetString(code + ".title", CultureInfo.InvariantCulture) is not null;

    /// <summary>Whether a violation code has a message in the neutral (Dutch) resources.</summary>
    public static bool HasViolation(string code) =>
        Violations.GetString(code, CultureInfo.InvariantCulture) is not null;

    /// <summary>
    /// Enumerates the keys of a resource family in one culture, without falling back to the
    /// neutral resources; used to prove every language has every text.
    /// </summary>
    public static IReadOnlyCollection<string> KeysOf(string family, CultureInfo culture)
    {
        var manager = family == "Problems" ? Problems : Violations;
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            return [];
        }

        var keys = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in set)
        {
            keys.Add((string)entry.Key);
        }

        return keys;
    }

    private static CultureInfo CultureFor(Language language) => language switch
    {
        // Dutch texts are the neutral resources, so Dutch reads them without a satellite assembly.
        Language.Dutch => CultureInfo.InvariantCulture,
        _ => CultureInfo.GetCultureInfo(language.ToCode()),
    };

    private static string Fill(string template, Language language, IReadOnlyDictionary<string, object?> arguments)
    {
        if (arguments.Count == 0 || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var culture = language.ToCulture();
        var builder = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            builder.Append(template, position, open - position);
            var name = template[(open + 1)..close];
            builder.Append(arguments.TryGetValue(name, out var value) ? Format(value, language, culture) : template[open..(close + 1)]);
            position = close + 1;
        }

        return builder.ToString();
    }

    private static string Format(object? value, Language language, CultureInfo culture) => value switch
    {
        null => string.Empty,
        IdentifierError error => Violations.GetString("identifier-error." + error, CultureFor(language)) ?? error.ToString(),
        DateOnly date => date.ToString("d", culture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? string.Empty,
    };
}
