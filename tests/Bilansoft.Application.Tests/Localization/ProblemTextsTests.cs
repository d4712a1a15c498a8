using System.Globalization;
using System.Reflection;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Localization;
using Bilansoft.Domain;

namespace Bilansoft.Application.Tests.Localization;

public class ProblemTextsTests
{
    public static TheoryData<string> Families => new() { "Problems", "Violations" };

    [Theory]
    [MemberData(nameof(Families))]
    public void EveryLanguage_HasEveryText(string family)
    {
        var dutch = ProblemTexts.KeysOf(family, CultureInfo.InvariantCulture).Order().ToList();

        Assert.NotEmpty(dutch);
        foreach (var culture in new[] { "fr", "en", "de" })
        {
            var keys = ProblemTexts.KeysOf(family, CultureInfo.GetCultureInfo(culture)).Order().ToList();
            Assert.True(dutch.SequenceEqual(keys), $"{family} in '{culture}' differs from Dutch: missing {string.Join(", ", dutch.Except(keys))}; extra {string.Join(", ", keys.Except(dutch))}.");
        }
    }

    [Fact]
    public void EveryErrorCode_HasATitleAndDetail()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        Assert.All(codes, code => Assert.True(ProblemTexts.HasProblem(code), $"No title for problem code '{code}'."));
    }

    [Theory]
    [InlineData(Language.Dutch, "Niet gevonden")]
    [InlineData(Language.French, "Introuvable")]
    [InlineData(Language.English, "Not found")]
    [InlineData(Language.German, "Nicht gefunden")]
    public void Title_IsInTheRequestedLanguage(Language language, string expected)
    {
        Assert.Equal(expected, ProblemTexts.Title(ErrorCodes.NotFound, language));
    }

    [Fact]
    public void Detail_FillsNamedPlaceholders()
    {
        var detail = ProblemTexts.Detail(ErrorCodes.NotFound, Language.English, new Dictionary<string, object?> { ["resource"] = "invoice", ["id"] = "inv-7" });

        Assert.Equal("There is no invoice with id 'inv-7' that you can see. Check the id and the organisation.", detail);
    }

    [Fact]
    public void Detail_NamesTheResourceInTheLanguage()
    {
        var detail = ProblemTexts.Detail(ErrorCodes.NotFound, Language.Dutch, new Dictionary<string, object?> { ["resource"] = "invoice", ["id"] = "inv-7" });

        Assert.StartsWith("Er bestaat geen factuur met id 'inv-7'", detail);
    }

    [Fact]
    public void Message_LocalisesIdentifierErrors()
    {
        var violation = new RuleViolation("invalid-iban", "iban", new Dictionary<string, object?>
        {
            ["value"] = "BE00",
            ["reason"] = Domain.Identifiers.IdentifierError.InvalidLength,
        });

        Assert.Equal("'BE00' n'est pas un IBAN valide : nombre de caractères incorrect.", ProblemTexts.Message(violation, Language.French));
    }

    [Fact]
    public void Message_FallsBackToGenericTextForUnknownCodes()
    {
        var message = ProblemTexts.Message(new RuleViolation("some-new-rule", "x"), Language.German);

        Assert.Equal("Das Feld ist ungültig (some-new-rule).", message);
    }
}
