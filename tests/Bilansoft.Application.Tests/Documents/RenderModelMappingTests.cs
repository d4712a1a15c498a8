using Bilansoft.Application.Documents;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;
using Bilansoft.Formats.Documents;
using DomainAddress = Bilansoft.Domain.Sales.PostalAddress;
using DomainCategory = Bilansoft.Domain.Sales.VatCategory;
using FormatCategory = Bilansoft.Formats.Documents.VatCategory;

namespace Bilansoft.Application.Tests.Documents;

public sealed class RenderModelMappingTests
{
    private static readonly DateOnly IssueDate = new(2026, 3, 4);

    private static readonly OrganisationProfile Seller = new()
    {
        Name = "Atelier Noord",
        LegalName = "Atelier Noord BV",
        LegalForm = "BV",
        EnterpriseNumber = EnterpriseNumber.Parse("0123456749"),
        VatNumber = VatNumber.Parse("BE0123456749"),
        RegisterOfLegalEntities = "RPR Gent",
        Iban = Iban.Parse("BE68539007547034"),
        Bic = Bic.Parse("GKCCBEBB"),
        Address = new DomainAddress("Kerkstraat 1", "9000", "Gent", "BE"),
        Email = "facturen@noord.example",
    };

    [Fact]
    public void Map_Invoice_CopiesSellerBuyerAndPayment()
    {
        var record = Issue(Invoice(Customer(), Line(DomainCategory.Standard, 21m)));

        var model = RenderModelMapping.Map(record, Seller, HouseStyle.Default, null);

        Assert.Equal(DocumentKind.Invoice, model.Kind);
        Assert.Equal("2026/0001", model.Number);
        Assert.Equal("Atelier Noord BV", model.Seller.Name);
        Assert.Equal("RPR Gent", model.Seller.RegisterMention);
        Assert.Equal(Language.French, model.Language);
        Assert.Equal(IssueDate.AddDays(30), model.DueDate);
        Assert.Equal(record.Document.StructuredCommunication, model.Payment!.StructuredCommunication);
        Assert.Equal(Seller.Iban, model.Payment.Iban);
        Assert.Equal(1210m, model.Totals.Payable);
        Assert.Equal(210m, model.Totals.TaxTotal);
        Assert.True(RenderModelMapping.HasUbl(model));
    }

    [Theory]
    [InlineData("Atelier Noord BV", "BV", null)] // the legal name already ends with its form
    [InlineData("Atelier Noord", "BV", "BV")]
    [InlineData("Atelier Noord bv", "BV", null)]
    public void Map_PrintsTheLegalFormOnce(string legalName, string legalForm, string? expected)
    {
        var record = Issue(Invoice(Customer(), Line(DomainCategory.Standard, 21m)));

        var model = RenderModelMapping.Map(record, Seller with { LegalName = legalName, LegalForm = legalForm }, HouseStyle.Default, null);

        Assert.Equal(expected, model.Seller.LegalForm);
    }

    [Fact]
    public void Map_ReverseCharge_PutsTheMentionOnTheBreakdown()
    {
        var record = Issue(Invoice(Customer(), Line(DomainCategory.DomesticReverseCharge, 0m)));

        var model = RenderModelMapping.Map(record, Seller, HouseStyle.Default, null);

        var breakdown = Assert.Single(model.VatBreakdown);
        var mention = DomainCategory.DomesticReverseCharge.Mention!.In(Language.French);
        Assert.Equal(FormatCategory.ReverseCharge, breakdown.Category);
        Assert.Equal("VATEX-EU-AE", breakdown.ExemptionReasonCode);
        Assert.Equal(mention, breakdown.LegalMention);
        Assert.Equal(mention, breakdown.ExemptionReasonText);
        Assert.Empty(model.LegalMentions);
    }

    [Fact]
    public void Map_CreditNote_ReferencesItsInvoice()
    {
        var invoice = Issue(Invoice(Customer(), Line(DomainCategory.Standard, 21m))).Document;
        var draft = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, IssueDate).ValueOrThrow();
        var number = NumberingSeries.Create(2, "CN-").ValueOrThrow().Next(null, IssueDate).ValueOrThrow().Number;
        var issued = SalesDocument.IssueCreditNote(draft, invoice, number, IssueDate, new SalesValidationOptions()).ValueOrThrow().CreditNote;

        var model = RenderModelMapping.Map(Record(issued), Seller, HouseStyle.Default, null);

        Assert.Equal(DocumentKind.CreditNote, model.Kind);
        Assert.Equal(new InvoiceReference("2026/0001", IssueDate), model.PrecedingInvoice);
        Assert.Null(model.Payment);
        Assert.Null(model.DueDate);
    }

    [Fact]
    public void Map_ForeignBuyer_UsesTheVatNumberScheme()
    {
        var customer = Customer() with
        {
            Address = new DomainAddress("Keizersgracht 1", "1015 CJ", "Amsterdam", "NL"),
            EnterpriseNumber = null,
            VatNumber = VatNumber.Parse("NL123456789B01"),
        };
        var record = Issue(Invoice(customer, Line(DomainCategory.IntraCommunityServices, 0m)));

        var model = RenderModelMapping.Map(record, Seller, HouseStyle.Default, null);

        Assert.Equal(new PeppolParticipantId("9944", "NL123456789B01"), model.Buyer.PeppolId);
        Assert.True(RenderModelMapping.HasUbl(model));
    }

    [Fact]
    public void Map_Consumer_HasNoUbl()
    {
        var consumer = Customer() with { Type = CustomerType.Consumer, EnterpriseNumber = null, VatNumber = null };
        var record = Issue(Invoice(consumer, Line(DomainCategory.Standard, 21m)));

        var model = RenderModelMapping.Map(record, Seller, HouseStyle.Default, null);

        Assert.False(RenderModelMapping.HasUbl(model));
    }

    [Fact]
    public void Map_ProfileWithoutAddress_IsRejected()
    {
        var record = Issue(Invoice(Customer(), Line(DomainCategory.Standard, 21m)));

        var problem = Assert.Throws<ProblemException>(() => RenderModelMapping.Map(record, Seller with { Address = null }, HouseStyle.Default, null));

        Assert.Equal(DocumentErrorCodes.OrganisationProfileIncomplete, problem.Code);
        Assert.Equal("address", problem.Arguments["fields"]);
    }

    [Fact]
    public void Map_Draft_IsRejected()
    {
        var draft = Record(Invoice(Customer(), Line(DomainCategory.Standard, 21m)));

        var problem = Assert.Throws<ProblemException>(() => RenderModelMapping.Map(draft, Seller, HouseStyle.Default, null));

        Assert.Equal(DocumentErrorCodes.DocumentNotIssued, problem.Code);
    }

    private static CustomerSnapshot Customer() => new()
    {
        CustomerId = "customer-1",
        Name = "Client SA",
        Address = new DomainAddress("Rue de la Loi 155", "1040", "Etterbeek", "BE"),
        EnterpriseNumber = EnterpriseNumber.Parse("0417497106"),
        VatNumber = VatNumber.Parse("BE0417497106"),
        Language = Language.French,
    };

    private static SalesLine Line(DomainCategory category, decimal rate) => new()
    {
        Description = "Conseil",
        Quantity = 10m,
        UnitCode = "HUR",
        UnitPrice = 100m,
        VatCategory = category,
        VatRate = rate,
    };

    private static SalesDocument Invoice(CustomerSnapshot customer, SalesLine line) =>
        SalesDocument.CreateDraft(SalesDocumentId.New(), SalesDocumentKind.Invoice, new SalesDocumentContent
        {
            Customer = customer,
            IssueDate = IssueDate,
            PaymentTermDays = 30,
            Lines = [line],
        });

    private static SalesDocumentRecord Issue(SalesDocument draft)
    {
        var number = NumberingSeries.Create(0).ValueOrThrow().Next(null, IssueDate).ValueOrThrow().Number;
        return Record(draft.Issue(number, IssueDate, new SalesValidationOptions()).ValueOrThrow());
    }

    private static SalesDocumentRecord Record(SalesDocument document) => new()
    {
        Document = document,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
