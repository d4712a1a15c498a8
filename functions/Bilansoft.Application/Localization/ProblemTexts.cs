using System.Globalization;
using System.Text;
using Bilansoft.Domain;

namespace Bilansoft.Application.Localization;

/// <summary>
/// Localised titles and details of problem documents and messages of rule violations, read from
/// the <c>Problems</c> and <c>Violations</c> resources (Dutch neutral, French, English, German).
/// Details are templates with named placeholders such as <c>{value}</c>.
/// </summary>
public static class ProblemTexts
{
    private static readonly TextCatalog Problems = new("Problems");
    private static readonly TextCatalog Violations = new("Violations");

    /// <summary>The short title of a problem code; the code itself when no text exists.</summary>
    public static string Title(string code, Language language) => Problems.Find(code + ".title", language) ?? code;

    /// <summary>The detail sentence of a problem code with its placeholders filled in.</summary>
    public static string Detail(string code, Language language, IReadOnlyDictionary<string, object?> arguments) =>
        TextCatalog.Fill(Problems.Find(code + ".detail", language) ?? code, language, LocaliseResource(arguments, language));

    /// <summary>The message of one broken rule, with its placeholders filled in.</summary>
    public static string Message(RuleViolation violation, Language language)
    {
        var template = Violations.Find(violation.Code, language);
        return template is null
            ? Violations.Get("generic", language, new Dictionary<string, object?> { ["code"] = violation.Code })
            : TextCatalog.Fill(template, language, violation.Arguments);
    }

    /// <summary>The localised name of a resource kind such as <c>invoice</c>, or the kind itself when none exists.</summary>
    public static string ResourceName(string resource, Language language) =>
        Violations.Find("resource." + resource, language) ?? resource;

    /// <summary>Whether a problem code has a title in the neutral (Dutch) resources.</summary>
    public static bool HasProblem(string code) => Problems.Has(code + ".title");

    /// <summary>Whether a violation code has a message in the neutral (Dutch) resources.</summary>
    public static bool HasViolation(string code) => Violations.Has(code);

    /// <summary>The localised name of an enum value, or the value itself when none exists.</summary>
    public static string EnumName(Enum value, Language language) =>
        Violations.Find($"{Kebab(value.GetType().Name)}.{value}", language) ?? value.ToString();

    /// <summary>
    /// Enumerates the keys of a resource family in one culture, without falling back to the
    /// neutral resources; used to prove every language has every text.
    /// </summary>
    public static IReadOnlyCollection<string> KeysOf(string family, CultureInfo culture) =>
        new TextCatalog(family).KeysOf(culture);

    // The "resource" argument names a kind of thing (invoice, customer) that reads in the message's language.
    private static IReadOnlyDictionary<string, object?> LocaliseResource(IReadOnlyDictionary<string, object?> arguments, Language language)
    {
        if (!arguments.TryGetValue("resource", out var resource) || resource is not string kind)
        {
            return arguments;
        }

        return new Dictionary<string, object?>(arguments) { ["resource"] = ResourceName(kind, language) };
    }

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
