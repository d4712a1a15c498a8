using System.Text;
using System.Xml;
using System.Xml.Linq;
using Bilansoft.Formats.Documents;
using Bilansoft.Formats.Documents.Ubl;

namespace Bilansoft.Formats.Tests.Documents.Ubl;

public sealed class UblRuleCheckerTests
{
    private static readonly XNamespace Cac = UblNamespaces.Aggregate;
    private static readonly XNamespace Cbc = UblNamespaces.Basic;

    private static XDocument Standard() => XDocument.Parse(Encoding.UTF8.GetString(PeppolUblWriter.ToBytes(SampleDocuments.StandardMixedRates())));

    [Fact]
    public void Check_InvalidEnterpriseCheckDigits_ReportsR043()
    {
        var xml = Standard();
        xml.Root!.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!.Element(Cbc + "EndpointID")!.Value = "0123456748";

        var result = UblRuleChecker.Check(xml);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("PEPPOL-COMMON-R043", violation.Code);
        Assert.Equal("/Invoice/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID", violation.Path);
    }

    [Theory]
    [InlineData("0123456749", true)]
    [InlineData("0428759497", true)]
    [InlineData("1018265814", true)]
    [InlineData("0123456748", false)]
    [InlineData("123456749", false)]
    [InlineData("01234567AB", false)]
    public void IsEnterpriseNumber_ChecksMod97(string digits, bool valid)
    {
        Assert.Equal(valid, UblRuleChecker.IsEnterpriseNumber(digits));
    }

    [Fact]
    public void Check_LineSumMismatch_ReportsBrCo10()
    {
        var xml = Standard();
        xml.Root!.Element(Cac + "InvoiceLine")!.Element(Cbc + "LineExtensionAmount")!.Value = "1000.00";

        var result = UblRuleChecker.Check(xml);

        Assert.Contains("BR-CO-10", result.RuleIds);
        Assert.Contains("PEPPOL-EN16931-R120", result.RuleIds);
        Assert.Contains("BR-S-08", result.RuleIds);
    }

    [Fact]
    public void Check_SubtotalTaxOffByTwoEuro_ReportsBrCo17AndBrS09()
    {
        var xml = Standard();
        var subtotal = xml.Root!.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!;
        var tax = subtotal.Element(Cbc + "TaxAmount")!;
        tax.Value = (decimal.Parse(tax.Value, System.Globalization.CultureInfo.InvariantCulture) + 2m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        var result = UblRuleChecker.Check(xml);

        Assert.Contains("BR-CO-17", result.RuleIds);
        Assert.Contains("BR-S-09", result.RuleIds);
        Assert.Contains("BR-CO-14", result.RuleIds);
    }

    [Fact]
    public void Check_PayableMismatch_ReportsBrCo16()
    {
        var xml = Standard();
        xml.Root!.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "PayableAmount")!.Value = "1.00";

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-CO-16"], result.RuleIds);
    }

    [Fact]
    public void Check_ExclusiveMismatch_ReportsBrCo13()
    {
        var xml = Standard();
        xml.Root!.Element(Cac + "LegalMonetaryTotal")!.Element(Cbc + "TaxExclusiveAmount")!.Value = "1.00";

        var result = UblRuleChecker.Check(xml);

        Assert.Contains("BR-CO-13", result.RuleIds);
        Assert.Contains("BR-CO-15", result.RuleIds);
    }

    [Fact]
    public void Check_MissingMandatoryHeader_ReportsBr01ToBr05()
    {
        var xml = Standard();
        foreach (var name in new[] { "CustomizationID", "ID", "IssueDate", "InvoiceTypeCode", "DocumentCurrencyCode" })
        {
            xml.Root!.Element(Cbc + name)!.Remove();
        }

        var result = UblRuleChecker.Check(xml);

        foreach (var rule in new[] { "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "PEPPOL-EN16931-R004" })
        {
            Assert.Contains(rule, result.RuleIds);
        }
    }

    [Fact]
    public void Check_MissingPartiesAndLines_ReportsBr06ToBr16()
    {
        var xml = Standard();
        xml.Root!.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!.Element(Cac + "PartyLegalEntity")!.Remove();
        xml.Root!.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!.Element(Cac + "PostalAddress")!.Remove();
        xml.Root!.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!.Element(Cac + "PartyLegalEntity")!.Remove();
        xml.Root!.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!.Element(Cac + "PostalAddress")!.Element(Cac + "Country")!.Remove();
        xml.Root!.Elements(Cac + "InvoiceLine").Remove();

        var result = UblRuleChecker.Check(xml);

        foreach (var rule in new[] { "BR-06", "BR-07", "BR-08", "BR-11", "BR-16" })
        {
            Assert.Contains(rule, result.RuleIds);
        }
    }

    [Fact]
    public void Check_MissingTotals_ReportsBr12ToBr15()
    {
        var xml = Standard();
        xml.Root!.Element(Cac + "LegalMonetaryTotal")!.RemoveNodes();

        var result = UblRuleChecker.Check(xml);

        foreach (var rule in new[] { "BR-12", "BR-13", "BR-14", "BR-15" })
        {
            Assert.Contains(rule, result.RuleIds);
        }
    }

    [Fact]
    public void Check_MissingEndpoints_ReportsR010AndR020()
    {
        var xml = Standard();
        xml.Root!.Descendants(Cbc + "EndpointID").Remove();

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["PEPPOL-EN16931-R010", "PEPPOL-EN16931-R020"], result.RuleIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_MissingProfile_ReportsR001AndR007()
    {
        var xml = Standard();
        xml.Root!.Element(Cbc + "ProfileID")!.Remove();

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["PEPPOL-EN16931-R001", "PEPPOL-EN16931-R007"], result.RuleIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_UnknownCodes_ReportsCodeListRules()
    {
        var xml = Standard();
        xml.Root!.Element(Cbc + "DocumentCurrencyCode")!.Value = "EUX";
        xml.Root!.Element(Cac + "InvoiceLine")!.Element(Cbc + "InvoicedQuantity")!.SetAttributeValue("unitCode", "QQQ");
        xml.Root!.Element(Cac + "InvoiceLine")!.Descendants(Cac + "ClassifiedTaxCategory").Single().Element(Cbc + "ID")!.Value = "X";
        xml.Root!.Element(Cac + "AccountingCustomerParty")!.Descendants(Cbc + "EndpointID").Single().SetAttributeValue("schemeID", "9956");

        var result = UblRuleChecker.Check(xml);

        foreach (var rule in new[] { "BR-CL-04", "BR-CL-23", "BR-CL-18", "BR-CL-25", "PEPPOL-EN16931-CL008" })
        {
            Assert.Contains(rule, result.RuleIds);
        }
    }

    [Fact]
    public void Check_ReverseChargeWithoutBuyerIds_ReportsBrAe02()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(PeppolUblWriter.ToBytes(SampleDocuments.ReverseCharge())));
        var buyer = xml.Root!.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!;
        buyer.Element(Cac + "PartyTaxScheme")!.Remove();
        buyer.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "CompanyID")!.Remove();

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-AE-02"], result.RuleIds);
    }

    [Fact]
    public void Check_ExemptWithoutReason_ReportsBrE10()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(PeppolUblWriter.ToBytes(SampleDocuments.Exempt())));
        xml.Root!.Descendants(Cbc + "TaxExemptionReasonCode").Remove();

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-E-10"], result.RuleIds);
    }

    [Fact]
    public void Check_StandardWithReason_ReportsBrS10()
    {
        var xml = Standard();
        var category = xml.Root!.Element(Cac + "TaxTotal")!.Element(Cac + "TaxSubtotal")!.Element(Cac + "TaxCategory")!;
        category.Element(Cbc + "Percent")!.AddAfterSelf(new XElement(Cbc + "TaxExemptionReason", "None"));

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-S-10"], result.RuleIds);
    }

    [Fact]
    public void Check_IntraCommunityWithoutDelivery_ReportsBrIc11AndBrIc12()
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(PeppolUblWriter.ToBytes(SampleDocuments.IntraCommunityGoods())));
        xml.Root!.Element(Cac + "Delivery")!.Remove();

        var result = UblRuleChecker.Check(xml);

        Assert.Equal(["BR-IC-11", "BR-IC-12"], result.RuleIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_OutsideScopeWithVatNumbers_ReportsBrO02()
    {
        var document = SampleDocuments.StandardMixedRates() with
        {
            Lines = [new DocumentLine(1, "Schadevergoeding", 1m, "C62", 250m, 250m, VatCategory.OutsideScope, 0m)],
            VatBreakdown = [new VatBreakdown(VatCategory.OutsideScope, 0m, 250m, 0m) { ExemptionReasonCode = "VATEX-EU-O", ExemptionReasonText = "Not subject to VAT" }],
            Totals = new DocumentTotals(250m, 250m, 0m, 250m, 0m, 250m),
        };
        var xml = XDocument.Parse(Encoding.UTF8.GetString(PeppolUblWriter.ToBytes(document)));

        Assert.True(UblRuleChecker.Check(xml).IsValid);

        var seller = xml.Root!.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!;
        seller.Element(Cac + "PostalAddress")!.AddAfterSelf(new XElement(Cac + "PartyTaxScheme", new XElement(Cbc + "CompanyID", "BE0123456749"), new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT"))));
        Assert.Equal(["BR-O-02"], UblRuleChecker.Check(xml).RuleIds);
    }

    [Fact]
    public void Check_EmptyElement_ReportsR008()
    {
        var xml = Standard();
        xml.Root!.Element(Cbc + "BuyerReference")!.Value = " ";

        var result = UblRuleChecker.Check(xml);

        Assert.Contains("PEPPOL-EN16931-R008", result.RuleIds);
    }

    [Fact]
    public void Check_Dtd_IsRejected()
    {
        const string Xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x \"y\">]><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&x;</Invoice>";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Xml));

        Assert.Throws<XmlException>(() => UblRuleChecker.Check(stream));
    }

    [Fact]
    public void Check_OtherRoot_IsRejected()
    {
        var xml = XDocument.Parse("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>");

        Assert.Throws<ArgumentException>(() => UblRuleChecker.Check(xml));
    }

    [Fact]
    public void Rules_EveryDescribedRuleIsListedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "documents.md"));

        foreach (var rule in UblRules.Descriptions.Keys)
        {
            Assert.Contains($"`{rule}`", docs, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found above the test output folder.");
    }
}
