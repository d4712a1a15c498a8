using System.Globalization;
using System.Text;
using Bilansoft.Application.Localization;
using Bilansoft.Application.Mail;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Documents;

/// <summary>
/// What the customer reads besides the PDF: file names and the e-mail that carries an invoice or
/// credit note, in the customer's language, from the <c>Mails</c> resources.
/// </summary>
public static class DocumentTexts
{
    private static readonly TextCatalog Texts = new("Mails");

    /// <summary>
    /// The file name of a document in <paramref name="language"/>, such as <c>factuur-2026-0001.pdf</c>.
    /// Characters other than letters, digits, dots and hyphens become hyphens, so a number like
    /// <c>2026/0001</c> makes a valid name.
    /// </summary>
    public static string FileName(SalesDocumentKind kind, string number, Language language, DocumentFileKind file)
    {
        var prefix = Texts.Get("document.file." + SalesKinds.Name(kind), language);
        var name = new StringBuilder(prefix.Length + number.Length + 8).Append(prefix).Append('-');
        foreach (var c in number)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }

        return name.Append(file == DocumentFileKind.Pdf ? ".pdf" : ".xml").ToString();
    }

    /// <summary>
    /// Builds the e-mail of an issued invoice or credit note with the PDF and, when the document has
    /// one, the UBL file attached. Replies go to the organisation's own address; the sender is the
    /// configured platform address.
    /// </summary>
    public static MailMessage Mail(
        string organisationId,
        SalesDocument document,
        OrganisationProfile seller,
        MailAddress recipient,
        ReadOnlyMemory<byte> pdf,
        ReadOnlyMemory<byte>? ubl,
        string? correlationId)
    {
        var language = document.Customer.Language;
        var number = document.Number?.Text ?? throw new ArgumentException("A draft cannot be mailed.", nameof(document));
        var kind = SalesKinds.Name(document.Kind);
        var organisation = seller.LegalName ?? seller.Name;
        var arguments = new Dictionary<string, object?>
        {
            ["organisation"] = organisation,
            ["customer"] = document.Customer.Name,
            ["number"] = number,
            ["date"] = Date(document.Content.IssueDate, language),
            ["total"] = Money(document.Totals.TotalWithVat, language),
            ["invoiceNumber"] = document.SourceLinks.FirstOrDefault(link => link.Kind == SalesDocumentKind.Invoice)?.Number ?? string.Empty,
        };
        arguments["payment"] = PaymentParagraph(document, seller, language);
        arguments["attachments"] = Texts.Get(ubl is null ? $"document.attached.{kind}" : $"document.attached-with-ubl.{kind}", language);

        return new MailMessage(
            [recipient],
            Texts.Get($"document.subject.{kind}", language, arguments),
            Texts.Get($"document.body.{kind}", language, arguments))
        {
            ReplyTo = string.IsNullOrWhiteSpace(seller.Email) ? null : new MailAddress(seller.Email, organisation),
            Attachments = ubl is { } xml
                ?
                [
                    new MailAttachment(FileName(document.Kind, number, language, DocumentFileKind.Pdf), "application/pdf", pdf),
                    new MailAttachment(FileName(document.Kind, number, language, DocumentFileKind.Ubl), "application/xml", xml),
                ]
                : [new MailAttachment(FileName(document.Kind, number, language, DocumentFileKind.Pdf), "application/pdf", pdf)],
            Metadata = new MailMetadata(organisationId, SalesIds.Format(document.Id), correlationId),
        };
    }

    /// <summary>An amount in euro the way the PDF prints it: <c>€ 1.234,56</c>, or <c>€1,234.56</c> in English.</summary>
    public static string Money(decimal amount, Language language) => language == Language.English
        ? "€" + amount.ToString("N2", CultureInfo.GetCultureInfo("en-GB"))
        : "€ " + amount.ToString("N2", language.ToCulture());

    /// <summary>A date the way the PDF prints it: <c>04/03/2026</c>, <c>04.03.2026</c> in German, <c>4 March 2026</c> in English.</summary>
    public static string Date(DateOnly date, Language language) => language switch
    {
        Language.English => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        Language.German => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    // An invoice with an account and an amount to pay asks for the transfer with its structured
    // communication. Other documents get no payment paragraph.
    private static string PaymentParagraph(SalesDocument document, OrganisationProfile seller, Language language)
    {
        if (document.Kind != SalesDocumentKind.Invoice || seller.Iban is not { } iban || document.Totals.TotalWithVat <= 0m)
        {
            return string.Empty;
        }

        var arguments = new Dictionary<string, object?>
        {
            ["amount"] = Money(document.Totals.TotalWithVat, language),
            ["iban"] = iban.ToPrinted(),
            ["communication"] = document.StructuredCommunication?.ToPrinted() ?? document.Number?.Text,
            ["dueDate"] = document.Content.DueDate is { } due ? Date(due, language) : string.Empty,
        };
        var key = document.Content.DueDate is null ? "document.payment-without-due-date" : "document.payment";
        return Texts.Get(key, language, arguments) + "\n\n";
    }
}
