using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class LegalMentionsTests
{
    [Fact]
    public void For_StandardRateInvoice_IsEmpty()
    {
        var mentions = LegalMentions.For(SalesBuilder.IssuedInvoice());

        Assert.Empty(mentions);
    }

    [Fact]
    public void For_MixedCategories_ListsEachMentionOnceInLineOrder()
    {
        var content = SalesBuilder.Content(
            customer: SalesBuilder.Customer(countryCode: "NL", vatNumber: "NL123456789B01"),
            lines:
            [
                SalesBuilder.ZeroRateLine(VatCategory.IntraCommunityServices),
                SalesBuilder.ZeroRateLine(VatCategory.IntraCommunityGoods),
                SalesBuilder.ZeroRateLine(VatCategory.IntraCommunityServices),
                SalesBuilder.Line(),
            ]);

        var mentions = LegalMentions.For(SalesDocumentKind.Invoice, content);

        Assert.Equal(["vat-category.intra-community-services", "vat-category.intra-community-goods"], mentions.Select(mention => mention.Key));
    }

    [Fact]
    public void For_Exempt_AppendsReason()
    {
        var content = SalesBuilder.Content(vatExemptionReason: "art. 44 § 2, 1° WBTW", lines: [SalesBuilder.ZeroRateLine(VatCategory.Exempt)]);

        var mention = Assert.Single(LegalMentions.For(SalesDocumentKind.Invoice, content));

        Assert.Equal("Vrijgesteld van btw: art. 44 § 2, 1° WBTW", mention.In(Language.Dutch));
        Assert.Equal("Exonéré de TVA: art. 44 § 2, 1° WBTW", mention.In(Language.French));
    }

    [Theory]
    [InlineData(Language.Dutch, "Btw terug te storten aan de Staat")]
    [InlineData(Language.French, "TVA à reverser à l'État")]
    [InlineData(Language.English, "VAT to be repaid to the State")]
    [InlineData(Language.German, "an den Staat zurückzuzahlen")]
    public void For_CreditNoteWithVat_HasRepaymentMentionInFourLanguages(Language language, string expected)
    {
        var invoice = SalesBuilder.IssuedInvoice();
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, SalesBuilder.IssueDate).Value;

        var mention = Assert.Single(LegalMentions.For(creditNote));

        Assert.Equal(LegalMentions.CreditNoteVatRepaymentKey, mention.Key);
        Assert.Contains(expected, mention.In(language), StringComparison.Ordinal);
    }

    [Fact]
    public void For_CreditNoteWithoutVat_HasNoRepaymentMention()
    {
        var content = SalesBuilder.Content(customer: SalesBuilder.Customer(countryCode: "US", vatNumber: null), lines: [SalesBuilder.ZeroRateLine(VatCategory.Export)]);

        var mentions = LegalMentions.For(SalesDocumentKind.CreditNote, content);

        Assert.Equal(["vat-category.export"], mentions.Select(mention => mention.Key));
    }

    [Fact]
    public void For_SmallEnterprise_HasSchemeMention()
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.ZeroRateLine(VatCategory.SmallEnterpriseExemption)]);

        var mention = Assert.Single(LegalMentions.For(SalesDocumentKind.Invoice, content));

        Assert.Contains("franchise des petites entreprises", mention.In(Language.French), StringComparison.Ordinal);
    }

    [Fact]
    public void For_DeliveryNote_IsEmpty()
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.ZeroRateLine(VatCategory.DomesticReverseCharge)]);

        var mentions = LegalMentions.For(SalesDocumentKind.DeliveryNote, content);

        Assert.Empty(mentions);
    }
}
