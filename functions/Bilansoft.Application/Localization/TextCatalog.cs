using System.Globalization;
using System.Resources;
using System.Text;
using Bilansoft.Domain;

namespace Bilansoft.Application.Localization;

/// <summary>
/// One family of localised texts in resources (Dutch neutral, French, English and German), with
/// named placeholders such as <c>{value}</c> filled in the language's Belgian formats.
/// </summary>
public sealed class TextCatalog
{
    private readonly ResourceManager _resources;

    public TextCatalog(string family)
    {
        Family = family;
        _resources = new ResourceManager("Bilansoft.Application.Localization." + family, typeof(TextCatalog).Assembly);
    }

    public string Family { get; }

    /// <summary>The text of <paramref name="key"/>, or null when no language has it.</summary>
    public string? Find(string key, Language language) => _resources.GetString(key, CultureFor(language));

    /// <summary>The text of <paramref name="key"/> with its placeholders filled in.</summary>
    /// <exception cref="KeyNotFoundException">No text exists for the key.</exception>
    public string Get(string key, Language language, IReadOnlyDictionary<string, object?>? arguments = null) =>
        Fill(Find(key, language) ?? throw new KeyNotFoundException($"No text '{key}' in {Family}."), language, arguments);

    /// <summary>Whether the neutral (Dutch) resources have the key.</summary>
    public bool Has(string key) => _resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>The keys of one culture, without falling back to the neutral resources.</summary>
    public IReadOnlyCollection<string> KeysOf(CultureInfo culture)
    {
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
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

    /// <summary>Fills <c>{name}</c> placeholders; unknown names stay as they are.</summary>
    public static string Fill(string template, Language language, IReadOnlyDictionary<string, object?>? arguments)
    {
        if (arguments is null || arguments.Count == 0 || !template.Contains('{', StringComparison.Ordinal))
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

    private static CultureInfo CultureFor(Language language) => language switch
    {
        // Dutch texts are the neutral resources, so Dutch reads them without a satellite assembly.
        Language.Dutch => CultureInfo.InvariantCulture,
        _ => CultureInfo.GetCultureInfo(language.ToCode()),
    };

    // An enum argument is written with its localised name from the Violations resources, found
    // under "{kebab-case type name}.{value}", such as "identifier-error.InvalidChecksum".
    private static string Format(object? value, Language language, CultureInfo culture) => value switch
    {
        null => string.Empty,
        Enum enumValue => ProblemTexts.EnumName(enumValue, language),
        DateOnly date => date.ToString("d", culture),
        DateTimeOffset moment => moment.ToString("d", culture),
        decimal number => number.ToString("N" + Math.Min((int)number.Scale, 4), culture),
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? string.Empty,
    };
}
