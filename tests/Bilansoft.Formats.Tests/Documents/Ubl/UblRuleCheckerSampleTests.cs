using Bilansoft.Formats.Documents.Ubl;

namespace Bilansoft.Formats.Tests.Documents.Ubl;

public sealed class UblRuleCheckerSampleTests
{
    [Theory]
    [InlineData("peppol-base-example.xml")]
    [InlineData("peppol-base-creditnote-correction.xml")]
    [InlineData("peppol-base-negative-inv-correction.xml")]
    [InlineData("peppol-Allowance-example.xml")]
    [InlineData("peppol-Vat-category-S.xml")]
    [InlineData("peppol-vat-category-E.xml")]
    [InlineData("peppol-vat-category-O.xml")]
    [InlineData("peppol-vat-category-Z.xml")]
    [InlineData("be-letspeppol-eib-invoice-0208.xml")]
    public void Check_OfficialPassSample_FindsNothing(string file)
    {
        using var xml = SampleFiles.Open(file);

        var result = UblRuleChecker.Check(xml);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Violations));
    }

    [Fact]
    public void Check_WrongVatTotal_FindsTotalRulesOnly()
    {
        using var xml = SampleFiles.Open("DERIVED-broken-peppol-base-example-wrong-vat-total.xml");

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-CO-14", "BR-CO-15"], result.RuleIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Violations.Count);
    }

    [Fact]
    public void Check_NoBuyerReference_FindsR003Only()
    {
        using var xml = SampleFiles.Open("DERIVED-broken-peppol-base-example-no-buyer-reference.xml");

        var result = UblRuleChecker.Check(xml);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("PEPPOL-EN16931-R003", violation.Code);
    }

    [Theory]
    [InlineData("be-beg-testcase01-minimal-invoice.xml")]
    [InlineData("be-beg-testcase02-charging-consumer-empties.xml")]
    [InlineData("be-beg-testcase04-creditnote-consumer-empties.xml")]
    public void Check_WithdrawnScheme9956_FindsEndpointCodeListRules(string file)
    {
        using var xml = SampleFiles.Open(file);

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-CL-25", "PEPPOL-EN16931-CL008"], result.RuleIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Violations.Count(violation => violation.Code == "BR-CL-25"));
        Assert.Equal(2, result.Violations.Count(violation => violation.Code == "PEPPOL-EN16931-CL008"));
        Assert.All(result.Violations, violation => Assert.EndsWith("cbc:EndpointID", violation.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CenCreditNote_FindsOnlyCustomizationRule()
    {
        using var xml = SampleFiles.Open("cen-ubl-tc434-creditnote1.xml");

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["PEPPOL-EN16931-R004"], result.RuleIds);
    }

    [Fact]
    public void Check_CenInvoice_FindsOnlyPeppolRules()
    {
        // The official Peppol validation fails this EN 16931 example on R001, R003, R004, R007,
        // R010, R020, R120 and the Dutch NL-R-003, which is outside the implemented rules.
        using var xml = SampleFiles.Open("cen-ubl-tc434-example1.xml");

        var result = UblRuleChecker.Check(xml);

        string[] expected = ["PEPPOL-EN16931-R001", "PEPPOL-EN16931-R003", "PEPPOL-EN16931-R004", "PEPPOL-EN16931-R007", "PEPPOL-EN16931-R010", "PEPPOL-EN16931-R020", "PEPPOL-EN16931-R120"];
        Assert.Equal(expected, result.RuleIds.Order(StringComparer.Ordinal));
    }
}
