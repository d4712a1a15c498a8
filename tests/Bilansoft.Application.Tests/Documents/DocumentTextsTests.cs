using Bilansoft.Application.Documents;
using Bilansoft.Application.Mail;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Tests.Documents;

public sealed class DocumentTextsTests
{
    [Theory]
    [InlineData(Language.Dutch, SalesDocumentKind.Invoice, DocumentFileKind.Pdf, "factuur-2026-0001.pdf")]
    [InlineData(Language.French, SalesDocumentKind.CreditNote, DocumentFileKind.Ubl, "note-de-credit-2026-0001.xml")]
    [InlineData(Language.German, SalesDocumentKind.Quote, DocumentFileKind.Pdf, "angebot-2026-0001.pdf")]
    [InlineData(Language.English, SalesDocumentKind.DeliveryNote, DocumentFileKind.Pdf, "delivery-note-2026-0001.pdf")]
    public void FileName_IsInTheCustomersLanguage(Language language, SalesDocumentKind kind, DocumentFileKind file, string expected)
    {
        Assert.Equal(expected, DocumentTexts.FileName(kind, "2026/0001", language, file));
    }

    [Theory]
    [InlineData(Language.Dutch, "Factuur 2026/0001 van Atelier Noord BV", "Gelieve € 1.210,00 uiterlijk op 03/04/2026")]
    [InlineData(Language.French, "Facture 2026/0001 de Atelier Noord BV", "Merci de payer € 1 210,00 au plus tard le 03/04/2026")]
    [InlineData(Language.English, "Invoice 2026/0001 from Atelier Noord BV", "Please pay €1,210.00 by 3 April 2026")]
    [InlineData(Language.German, "Rechnung 2026/0001 von Atelier Noord BV", "Bitte überweisen Sie € 1.210,00 bis zum 03.04.2026")]
    public void Mail_IsInTheCustomersLanguage(Language language, string subject, string payment)
    {
        var invoice = Invoice(language);

        var mail = DocumentTexts.Mail("org-1", invoice, Seller(), new MailAddress("boekhouding@klant.example"), new byte[] { 1 }, new byte[] { 2 }, "correlation-1");

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(payment, PlainSpaces(mail.TextBody), StringComparison.Ordinal);
        Assert.Contains(invoice.StructuredCommunication!.Value.ToPrinted(), mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, mail.Attachments.Count);
        Assert.Equal("facturen@noord.example", mail.ReplyTo!.Address);
        Assert.Equal("org-1", mail.Metadata.OrganisationId);
    }

    [Fact]
    public void Mail_WithoutUbl_AttachesThePdfOnly()
    {
        var mail = DocumentTexts.Mail("org-1", Invoice(Language.English), Seller(), new MailAddress("boekhouding@klant.example"), new byte[] { 1 }, null, null);

        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("invoice-2026-0001.pdf", attachment.FileName);
        Assert.Contains("The invoice is attached as a PDF.", mail.TextBody, StringComparison.Ordinal);
    }

    // French and other cultures group thousands with a (narrow) no-break space.
    private static string PlainSpaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private static OrganisationProfile Seller() => new()
    {
        Name = "Atelier Noord",
        LegalName = "Atelier Noord BV",
        Iban = Iban.Parse("BE68539007547034"),
        Address = new PostalAddress("Kerkstraat 1", "9000", "Gent", "BE"),
        Email = "facturen@noord.example",
    };

    private static SalesDocument Invoice(Language language)
    {
        var issueDate = new DateOnly(2026, 3, 4);
        var draft = SalesDocument.CreateDraft(SalesDocumentId.New(), SalesDocumentKind.Invoice, new SalesDocumentContent
        {
            Customer = new CustomerSnapshot { CustomerId = "c-1", Name = "Klant NV", Address = new PostalAddress("Meir 1", "2000", "Antwerpen", "BE"), Language = language },
            IssueDate = issueDate,
            PaymentTermDays = 30,
            Lines = [new SalesLine { Description = "Advies", Quantity = 10m, UnitPrice = 100m, VatCategory = VatCategory.Standard, VatRate = 21m }],
        });
        var number = NumberingSeries.Create(0).ValueOrThrow().Next(null, issueDate).ValueOrThrow().Number;
        return draft.Issue(number, issueDate, new SalesValidationOptions()).ValueOrThrow();
    }
}
