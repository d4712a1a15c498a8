using System.Globalization;
using System.Xml.Linq;
using Bilansoft.Formats.Documents;
using Bilansoft.Formats.Documents.Ubl;

namespace Bilansoft.Formats.Tests.Documents.Ubl;

public sealed class PeppolUblWriterTests
{
    private static readonly XNamespace Cac = UblNamespaces.Aggregate;
    private static readonly XNamespace Cbc = UblNamespaces.Basic;

    public static TheoryData<string> DocumentNames => ["standard", "reverse-charge", "intra-community", "export", "exempt", "small-enterprise", "credit-note"];

    private static DocumentRenderModel Document(string name) => name switch
    {
        "standard" => SampleDocuments.StandardMixedRates(),
        "reverse-charge" => SampleDocuments.ReverseCharge(),
        "intra-community" => SampleDocuments.IntraCommunityGoods(),
        "export" => SampleDocuments.Export(),
        "exempt" => SampleDocuments.Exempt(),
        "small-enterprise" => SampleDocuments.SmallEnterprise(),
        "credit-note" => SampleDocuments.CreditNote(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown sample document."),
    };

    private static XDocument Write(DocumentRenderModel document, UblAttachment? attachment = null) =>
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(PeppolUblWriter.ToBytes(document, attachment)));

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Write_SampleDocument_PassesRuleChecker(string name)
    {
        var xml = Write(Document(name), new UblAttachment("document.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 }));

        var result = UblRuleChecker.Check(xml);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Violations));
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Write_SampleDocument_TotalsEqualModel(string name)
    {
        var document = Document(name);

        var totals = Write(document).Root!.Element(Cac + "LegalMonetaryTotal")!;

        Assert.Equal(document.Totals.LineNetTotal, Amount(totals, "LineExtensionAmount"));
        Assert.Equal(document.Totals.TaxExclusive, Amount(totals, "TaxExclusiveAmount"));
        Assert.Equal(document.Totals.TaxInclusive, Amount(totals, "TaxInclusiveAmount"));
        Assert.Equal(document.Totals.Payable, Amount(totals, "PayableAmount"));
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Write_SampleDocument_VatBreakdownEqualsModel(string name)
    {
        var document = Document(name);

        var taxTotal = Write(document).Root!.Element(Cac + "TaxTotal")!;

        Assert.Equal(document.Totals.TaxTotal, Amount(taxTotal, "TaxAmount"));
        var subtotals = taxTotal.Elements(Cac + "TaxSubtotal").ToList();
        Assert.Equal(document.VatBreakdown.Count, subtotals.Count);
        for (var index = 0; index < subtotals.Count; index++)
        {
            Assert.Equal(document.VatBreakdown[index].TaxableAmount, Amount(subtotals[index], "TaxableAmount"));
            Assert.Equal(document.VatBreakdown[index].TaxAmount, Amount(subtotals[index], "TaxAmount"));
            Assert.Equal(document.VatBreakdown[index].Category.ToCode(), subtotals[index].Element(Cac + "TaxCategory")!.Element(Cbc + "ID")!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Write_SampleDocument_HasEveryMandatoryElement(string name)
    {
        var document = Document(name);
        var isCreditNote = document.Kind == DocumentKind.CreditNote;

        var root = Write(document).Root!;

        string[] header = ["CustomizationID", "ProfileID", "ID", "IssueDate", isCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", "DocumentCurrencyCode"];
        foreach (var element in header)
        {
            Assert.False(string.IsNullOrWhiteSpace(root.Element(Cbc + element)?.Value), $"cbc:{element} is missing.");
        }

        Assert.True(root.Element(Cbc + "BuyerReference") is not null || root.Element(Cac + "OrderReference") is not null, "Buyer or order reference is missing.");
        foreach (var partyName in new[] { "AccountingSupplierParty", "AccountingCustomerParty" })
        {
            var party = root.Element(Cac + partyName)!.Element(Cac + "Party")!;
            Assert.NotNull(party.Element(Cbc + "EndpointID")?.Attribute("schemeID"));
            Assert.False(string.IsNullOrWhiteSpace(party.Element(Cac + "PostalAddress")?.Element(Cac + "Country")?.Element(Cbc + "IdentificationCode")?.Value), $"{partyName} country is missing.");
            Assert.False(string.IsNullOrWhiteSpace(party.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "RegistrationName")?.Value), $"{partyName} name is missing.");
        }

        var taxTotal = root.Element(Cac + "TaxTotal")!;
        Assert.NotNull(taxTotal.Element(Cbc + "TaxAmount"));
        Assert.NotEmpty(taxTotal.Elements(Cac + "TaxSubtotal"));

        var totals = root.Element(Cac + "LegalMonetaryTotal")!;
        foreach (var amount in new[] { "LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount" })
        {
            Assert.NotNull(totals.Element(Cbc + amount));
        }

        var lines = root.Elements(Cac + (isCreditNote ? "CreditNoteLine" : "InvoiceLine")).ToList();
        Assert.Equal(document.Lines.Count, lines.Count);
        foreach (var line in lines)
        {
            Assert.NotNull(line.Element(Cbc + "ID"));
            Assert.NotNull(line.Element(Cbc + (isCreditNote ? "CreditedQuantity" : "InvoicedQuantity"))?.Attribute("unitCode"));
            Assert.NotNull(line.Element(Cbc + "LineExtensionAmount"));
            Assert.False(string.IsNullOrWhiteSpace(line.Element(Cac + "Item")?.Element(Cbc + "Name")?.Value));
            Assert.NotNull(line.Element(Cac + "Item")?.Element(Cac + "ClassifiedTaxCategory")?.Element(Cbc + "ID"));
            Assert.NotNull(line.Element(Cac + "Price")?.Element(Cbc + "PriceAmount"));
        }
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Write_TopLevelOrder_FollowsOfficialSamples(string name)
    {
        var precedence = SamplePrecedence();

        var order = Write(Document(name), new UblAttachment("document.pdf", new byte[] { 1 })).Root!.Elements()
            .Select(element => CommonName(element.Name.LocalName))
            .Distinct()
            .ToList();

        var known = precedence.SelectMany(pair => new[] { pair.Before, pair.After }).ToHashSet();
        foreach (var element in order)
        {
            Assert.Contains(element, known);
        }

        for (var first = 0; first < order.Count; first++)
        {
            for (var second = first + 1; second < order.Count; second++)
            {
                Assert.False(precedence.Contains((order[second], order[first])), $"{order[first]} is written before {order[second]}, but the official samples put it after.");
            }
        }
    }

    /// <summary>
    /// Collects, from every sample file, each pair of top-level elements in the order the sample
    /// writes them. Invoice and credit note samples are pooled because both UBL schemas order their
    /// shared elements the same way. Names that only credit notes use are mapped to their invoice twins.
    /// </summary>
    private static HashSet<(string Before, string After)> SamplePrecedence()
    {
        var pairs = new HashSet<(string Before, string After)>();
        foreach (var file in SampleFiles.All())
        {
            var names = XDocument.Load(SampleFiles.PathOf(file)).Root!.Elements()
                .Select(element => CommonName(element.Name.LocalName))
                .Distinct()
                .ToList();
            for (var first = 0; first < names.Count; first++)
            {
                for (var second = first + 1; second < names.Count; second++)
                {
                    pairs.Add((names[first], names[second]));
                }
            }
        }

        return pairs;
    }

    private static string CommonName(string localName) => localName switch
    {
        "CreditNoteTypeCode" => "InvoiceTypeCode",
        "CreditNoteLine" => "InvoiceLine",
        _ => localName,
    };

    [Fact]
    public void Write_Invoice_UsesPeppolIdentifiers()
    {
        var root = Write(SampleDocuments.StandardMixedRates()).Root!;

        Assert.Equal("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", root.Element(Cbc + "CustomizationID")!.Value);
        Assert.Equal("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", root.Element(Cbc + "ProfileID")!.Value);
        Assert.Equal("380", root.Element(Cbc + "InvoiceTypeCode")!.Value);
    }

    [Fact]
    public void Write_BelgianParties_UseScheme0208()
    {
        var root = Write(SampleDocuments.StandardMixedRates()).Root!;

        var seller = root.Element(Cac + "AccountingSupplierParty")!.Element(Cac + "Party")!;
        var endpoint = seller.Element(Cbc + "EndpointID")!;
        Assert.Equal("0208", (string?)endpoint.Attribute("schemeID"));
        Assert.Equal("0123456749", endpoint.Value);
        Assert.Equal("0208", (string?)seller.Element(Cac + "PartyIdentification")!.Element(Cbc + "ID")!.Attribute("schemeID"));
        Assert.Equal("BE0123456749", seller.Element(Cac + "PartyTaxScheme")!.Element(Cbc + "CompanyID")!.Value);
        Assert.Equal("0123456749", seller.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "CompanyID")!.Value);
        Assert.Equal("BV, RPR Gent", seller.Element(Cac + "PartyLegalEntity")!.Element(Cbc + "CompanyLegalForm")!.Value);
        var buyerEndpoint = root.Element(Cac + "AccountingCustomerParty")!.Element(Cac + "Party")!.Element(Cbc + "EndpointID")!;
        Assert.Equal("0566988259", buyerEndpoint.Value);
    }

    [Fact]
    public void Write_Payment_HasStructuredCommunicationDigits()
    {
        var means = Write(SampleDocuments.StandardMixedRates()).Root!.Element(Cac + "PaymentMeans")!;

        Assert.Equal("30", means.Element(Cbc + "PaymentMeansCode")!.Value);
        Assert.Equal("202600010397", means.Element(Cbc + "PaymentID")!.Value);
        Assert.Equal("BE68539007547034", means.Element(Cac + "PayeeFinancialAccount")!.Element(Cbc + "ID")!.Value);
        Assert.Equal("GKCCBEBB", means.Element(Cac + "PayeeFinancialAccount")!.Element(Cac + "FinancialInstitutionBranch")!.Element(Cbc + "ID")!.Value);
    }

    [Fact]
    public void Write_CreditNote_ReferencesInvoice()
    {
        var root = Write(SampleDocuments.CreditNote()).Root!;

        Assert.Equal(UblNamespaces.CreditNote, root.Name.NamespaceName);
        Assert.Equal("381", root.Element(Cbc + "CreditNoteTypeCode")!.Value);
        var reference = root.Element(Cac + "BillingReference")!.Element(Cac + "InvoiceDocumentReference")!;
        Assert.Equal("2026/0001", reference.Element(Cbc + "ID")!.Value);
        Assert.Equal("2026-02-27", reference.Element(Cbc + "IssueDate")!.Value);
        Assert.Null(root.Element(Cbc + "DueDate"));
        Assert.Equal("2026-04-03", root.Element(Cac + "PaymentMeans")!.Element(Cbc + "PaymentDueDate")!.Value);
        Assert.Single(root.Elements(Cac + "CreditNoteLine"));
    }

    [Fact]
    public void Write_Attachment_EmbedsPdfAsBase64()
    {
        var pdf = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 };

        var root = Write(SampleDocuments.StandardMixedRates(), new UblAttachment("2026-0001.pdf", pdf)).Root!;

        var binary = root.Element(Cac + "AdditionalDocumentReference")!.Element(Cac + "Attachment")!.Element(Cbc + "EmbeddedDocumentBinaryObject")!;
        Assert.Equal("application/pdf", (string?)binary.Attribute("mimeCode"));
        Assert.Equal("2026-0001.pdf", (string?)binary.Attribute("filename"));
        Assert.Equal(pdf, Convert.FromBase64String(binary.Value));
    }

    [Fact]
    public void Write_LineDiscount_IsLineAllowance()
    {
        var line = Write(SampleDocuments.StandardMixedRates()).Root!.Elements(Cac + "InvoiceLine").ElementAt(1);

        var allowance = line.Element(Cac + "AllowanceCharge")!;
        Assert.Equal("false", allowance.Element(Cbc + "ChargeIndicator")!.Value);
        Assert.Equal("10.00", allowance.Element(Cbc + "MultiplierFactorNumeric")!.Value);
        Assert.Equal("14.97", allowance.Element(Cbc + "Amount")!.Value);
        Assert.Equal("149.70", allowance.Element(Cbc + "BaseAmount")!.Value);
        Assert.Equal("49.90", line.Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value);
    }

    [Fact]
    public void Write_FourDecimalPrice_KeepsDecimals()
    {
        var line = Write(SampleDocuments.StandardMixedRates()).Root!.Elements(Cac + "InvoiceLine").ElementAt(2);

        Assert.Equal("1200.1234", line.Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!.Value);
        Assert.Equal("12.5", Write(SampleDocuments.StandardMixedRates()).Root!.Element(Cac + "InvoiceLine")!.Element(Cbc + "InvoicedQuantity")!.Value);
    }

    [Fact]
    public void Write_UnderFrenchCulture_UsesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-BE");
        try
        {
            var totals = Write(SampleDocuments.StandardMixedRates()).Root!.Element(Cac + "LegalMonetaryTotal")!;

            Assert.Equal("2337.35", totals.Element(Cbc + "LineExtensionAmount")!.Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Write_IntraCommunitySupply_WritesDeliveryCountry()
    {
        var delivery = Write(SampleDocuments.IntraCommunityGoods()).Root!.Element(Cac + "Delivery")!;

        Assert.Equal("2026-03-02", delivery.Element(Cbc + "ActualDeliveryDate")!.Value);
        Assert.Equal("NL", delivery.Descendants(Cbc + "IdentificationCode").Single().Value);
    }

    [Fact]
    public void Write_NoReferences_FallsBackToDocumentNumber()
    {
        var document = SampleDocuments.StandardMixedRates() with { BuyerReference = null, OrderReference = null };

        var root = Write(document).Root!;

        Assert.Equal("2026/0001", root.Element(Cbc + "BuyerReference")!.Value);
    }

    [Fact]
    public void Write_SeveralNotes_JoinsIntoOne()
    {
        var document = SampleDocuments.StandardMixedRates() with { Notes = ["Eerste opmerking", "Tweede opmerking"] };

        var notes = Write(document).Root!.Elements(Cbc + "Note").ToList();

        Assert.Single(notes);
        Assert.Equal("Eerste opmerking\nTweede opmerking", notes[0].Value);
    }

    [Fact]
    public void Write_Quote_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => PeppolUblWriter.ToBytes(SampleDocuments.Quote()));
    }

    private static decimal Amount(XElement parent, string name) =>
        decimal.Parse(parent.Element(Cbc + name)!.Value, CultureInfo.InvariantCulture);
}
