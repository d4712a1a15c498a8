using System.Reflection;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Localization;
using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Tests.Sales;

public class SalesTextsTests
{
    // Codes that reach clients as the problem itself (409), not only as a violation inside a 400.
    private static readonly string[] ProblemCodes =
    [
        SalesRuleCodes.DocumentImmutable,
        SalesRuleCodes.TransitionNotAllowed,
        SalesRuleCodes.PaymentDuplicate,
        SalesRuleCodes.CreditNoteInvoiceNotCreditable,
        SalesErrorCodes.DocumentImported,
        SalesErrorCodes.ConcurrentChange,
        CatalogErrorCodes.ProductCodeExists,
    ];

    public static TheoryData<string> RuleCodes() => [.. SalesRuleCodes.All];

    public static TheoryData<string> ApplicationViolationCodes() =>
        [.. Constants(typeof(SalesErrorCodes)).Concat(Constants(typeof(CatalogErrorCodes))).Except(ProblemCodes)];

    public static TheoryData<string> ConflictCodes() => [.. ProblemCodes];

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void EveryDomainRule_HasAMessage(string code)
    {
        Assert.True(ProblemTexts.HasViolation(code), $"No message for sales rule '{code}'.");
    }

    [Theory]
    [MemberData(nameof(ApplicationViolationCodes))]
    public void EveryApplicationRule_HasAMessage(string code)
    {
        Assert.True(ProblemTexts.HasViolation(code), $"No message for rule '{code}'.");
    }

    [Theory]
    [MemberData(nameof(ConflictCodes))]
    public void EveryConflict_HasATitleAndDetail(string code)
    {
        Assert.True(ProblemTexts.HasProblem(code), $"No title for problem '{code}'.");
        Assert.NotEqual(code, ProblemTexts.Detail(code, Language.German, new Dictionary<string, object?>()));
    }

    [Fact]
    public void DocumentEnums_HaveNamesInEveryLanguage()
    {
        var values = Enum.GetValues<SalesDocumentKind>().Cast<Enum>()
            .Concat(Enum.GetValues<SalesDocumentStatus>().Cast<Enum>())
            .Concat(Enum.GetValues<SalesDocumentAction>().Cast<Enum>());

        foreach (var value in values)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                Assert.NotEqual(value.ToString(), ProblemTexts.EnumName(value, language));
            }
        }
    }

    [Fact]
    public void TransitionMessage_IsLocalised()
    {
        var violation = new RuleViolation(SalesRuleCodes.TransitionNotAllowed, string.Empty, new Dictionary<string, object?>
        {
            ["kind"] = SalesDocumentKind.Invoice,
            ["status"] = SalesDocumentStatus.Issued,
            ["action"] = SalesDocumentAction.Issue,
        });

        Assert.Equal("Een factuur met status uitgereikt laat de actie 'uitreiken' niet toe.", ProblemTexts.Message(violation, Language.Dutch));
        Assert.Equal("The action 'issue' is not allowed on a document of kind invoice in status issued.", ProblemTexts.Message(violation, Language.English));
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!);
}
