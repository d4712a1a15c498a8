using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bilansoft.Application.Documents;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Bilansoft.Functions.Tests.Documents;

/// <summary>
/// Issued invoices and credit notes on the local host without SendGrid: the render and delivery
/// steps store the PDF and UBL and write the e-mail to the pickup container.
/// </summary>
public sealed partial class DocumentChainTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public DocumentChainTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task IssuedInvoice_IsStoredAndMailed()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync("Atelier Noord BV");
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var id = invoice.GetProperty("id").GetString()!;
        var number = invoice.GetProperty("number").GetString()!;

        var sent = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        using var pdf = await owner.Client.GetAsync($"api/orgs/{organisation}/invoices/{id}/pdf");
        using var ubl = await owner.Client.GetAsync($"api/orgs/{organisation}/invoices/{id}/ubl");
        var recipient = SalesScenario.Channel(sent, "email")!.Value.GetProperty("recipient").GetString()!;
        var mail = await MailPickup.WaitForAsync(_fixture.Host, recipient);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"factuur-{number.Replace('/', '-')}.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.OK, ubl.StatusCode);
        Assert.Equal("application/xml", ubl.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(sent.GetProperty("delivery").GetProperty("renderedAt").GetString());

        var attachments = mail.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(2, attachments.Count);
        var pdfPart = Assert.Single(attachments, part => part.ContentType.MimeType == "application/pdf");
        var ublPart = Assert.Single(attachments, part => part.ContentType.MimeType == "application/xml");
        Assert.Equal(await pdf.Content.ReadAsByteArrayAsync(), Decode(pdfPart));
        Assert.Equal(await ubl.Content.ReadAsByteArrayAsync(), Decode(ublPart));
        Assert.EndsWith(".xml", ublPart.FileName, StringComparison.Ordinal);
        Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
        Assert.Equal("billing@acme.example", mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(id, mail.Headers["X-Bilansoft-Document-Id"]);
        Assert.Equal(organisation, mail.Headers["X-Bilansoft-Organisation-Id"]);
        Assert.Contains(invoice.GetProperty("structuredCommunication").GetString()!, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoicePdf_ShowsMandatoryMentions()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var id = invoice.GetProperty("id").GetString()!;

        var pdf = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/invoices/{id}/pdf");

        var text = DocumentFiles.PdfText(pdf);
        var communication = invoice.GetProperty("structuredCommunication").GetString()!;
        Assert.Contains(invoice.GetProperty("number").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(DocumentTexts.Date(DateOnly.Parse(invoice.GetProperty("issueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Language.Dutch), text, StringComparison.Ordinal);
        Assert.Contains(DocumentTexts.Date(DateOnly.Parse(invoice.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Language.Dutch), text, StringComparison.Ordinal);
        Assert.Matches(StructuredCommunicationPattern(), communication);
        Assert.Contains(communication, text, StringComparison.Ordinal);

        // 10 × 85 = 850 at 21 % (178.50 VAT) and 2 × 24.50 = 49 at 6 % (2.94 VAT).
        Assert.Contains("899,00", text, StringComparison.Ordinal);
        Assert.Contains("181,44", text, StringComparison.Ordinal);
        Assert.Contains("1.080,44", text, StringComparison.Ordinal);
        Assert.Contains("178,50", text, StringComparison.Ordinal);
        Assert.Contains("2,94", text, StringComparison.Ordinal);
        Assert.Contains("21 %", text, StringComparison.Ordinal);
        Assert.Contains("6 %", text, StringComparison.Ordinal);
        Assert.Contains("BE 0123.456.749", text, StringComparison.Ordinal);
        Assert.Contains("BE 0417.497.106", text, StringComparison.Ordinal);
        Assert.Equal(1080.44m, invoice.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task ReverseCharge_CarriesVatMention()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customer = new Dictionary<string, object?>
        {
            ["name"] = "Groothandel De Vries B.V.",
            ["invoiceAddress"] = new { street = "Keizersgracht 1", postalCode = "1015 CJ", city = "Amsterdam", country = "NL" },
            ["enterpriseNumber"] = null,
            ["vatNumber"] = "NL123456789B01",
        };
        object[] lines = [new { description = "Advies btw-structuur", quantity = 4, unit = "HUR", unitPrice = 120, vatCategory = "intra-community-services" }];
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation, customer, lines);
        var id = invoice.GetProperty("id").GetString()!;

        var pdf = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/invoices/{id}/pdf");
        var ubl = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/invoices/{id}/ubl");

        var mention = VatCategory.IntraCommunityServices.Mention!.In(Language.Dutch);
        Assert.Contains(mention, DocumentFiles.PdfText(pdf), StringComparison.Ordinal);
        var xml = DocumentFiles.Xml(ubl);
        Assert.True(DocumentFiles.CheckUbl(ubl).IsValid, string.Join(", ", DocumentFiles.CheckUbl(ubl).RuleIds));
        Assert.Equal("VATEX-EU-AE", xml.Descendants(DocumentFiles.Cbc + "TaxExemptionReasonCode").Single().Value);
        Assert.Equal(mention, xml.Descendants(DocumentFiles.Cbc + "TaxExemptionReason").Single().Value);
        Assert.Equal(480m, DocumentFiles.Amount(xml, "PayableAmount"));
    }

    [Fact]
    public async Task InvoiceUbl_PassesRulesAndMatches()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var id = invoice.GetProperty("id").GetString()!;

        var ubl = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/invoices/{id}/ubl");

        var check = DocumentFiles.CheckUbl(ubl);
        Assert.True(check.IsValid, $"Broken rules: {string.Join(", ", check.RuleIds)}");
        var xml = DocumentFiles.Xml(ubl);
        var totals = invoice.GetProperty("totals");
        Assert.Equal(invoice.GetProperty("number").GetString(), xml.Root!.Element(DocumentFiles.Cbc + "ID")!.Value);
        Assert.Equal(totals.GetProperty("net").GetDecimal(), DocumentFiles.Amount(xml, "TaxExclusiveAmount"));
        Assert.Equal(totals.GetProperty("total").GetDecimal(), DocumentFiles.Amount(xml, "TaxInclusiveAmount"));
        Assert.Equal(totals.GetProperty("total").GetDecimal(), DocumentFiles.Amount(xml, "PayableAmount"));
        Assert.Equal(totals.GetProperty("vat").GetDecimal(), decimal.Parse(xml.Root.Element(DocumentFiles.Cac + "TaxTotal")!.Element(DocumentFiles.Cbc + "TaxAmount")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        var paymentId = xml.Descendants(DocumentFiles.Cbc + "PaymentID").Single().Value;
        Assert.Matches(TwelveDigits(), paymentId);
        Assert.Equal(Digits(invoice.GetProperty("structuredCommunication").GetString()!), paymentId);
        Assert.Equal("application/pdf", xml.Descendants(DocumentFiles.Cbc + "EmbeddedDocumentBinaryObject").Single().Attribute("mimeCode")?.Value);
    }

    [Fact]
    public async Task CreditNote_IsRenderedAndMailed()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var invoiceNumber = invoice.GetProperty("number").GetString()!;

        var creditNote = await SalesScenario.CreditAsync(owner, organisation, invoice.GetProperty("id").GetString()!);

        var id = creditNote.GetProperty("id").GetString()!;
        var sent = await SalesScenario.WaitForChannelAsync(owner, organisation, "credit-notes", id, "email", "sent");
        await MailPickup.WaitForAsync(_fixture.Host, SalesScenario.Channel(sent, "email")!.Value.GetProperty("recipient").GetString()!);
        var creditMail = Assert.Single(await MailPickup.ReadAllAsync(_fixture.Host), m => m.Headers["X-Bilansoft-Document-Id"] == id);
        Assert.StartsWith("Creditnota", creditMail.Subject, StringComparison.Ordinal);
        Assert.Contains(invoiceNumber, creditMail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, creditMail.Attachments.Count());
        var pdf = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/credit-notes/{id}/pdf");
        Assert.Contains(invoiceNumber, DocumentFiles.PdfText(pdf), StringComparison.Ordinal);
        var ubl = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/credit-notes/{id}/ubl");
        Assert.True(DocumentFiles.CheckUbl(ubl).IsValid, string.Join(", ", DocumentFiles.CheckUbl(ubl).RuleIds));
        Assert.Equal("CreditNote", DocumentFiles.Xml(ubl).Root!.Name.LocalName);
    }

    [Fact]
    public async Task RepeatedStepsAfterSending_SendOnce()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var id = invoice.GetProperty("id").GetString()!;
        var sent = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        var recipient = SalesScenario.Channel(sent, "email")!.Value.GetProperty("recipient").GetString()!;
        var deliveries = _fixture.Host.Services.GetRequiredService<DocumentDeliveries>();
        var state = (await deliveries.GetAsync(organisation, id, CancellationToken.None))!;
        var requestId = state.RenderRequestId!;

        // A render step that runs again for the same issue message, as after a crash before the
        // queue saw it complete, and a delivery message for the same request under a new id.
        var issued = MessageEnvelope.Create(requestId, QueueNames.InvoiceIssued, organisation, "test", DateTimeOffset.UtcNow,
            new DocumentIssuedPayload(id, SalesDocumentKind.Invoice, state.Number));
        await _fixture.Host.Services.GetRequiredService<DocumentRenderStep>().HandleAsync(issued, 1, CancellationToken.None);
        var again = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), DocumentMessages.DeliveryRequested, organisation, "test", DateTimeOffset.UtcNow,
            new DeliveryRequestPayload(id, SalesDocumentKind.Invoice, state.Number, requestId));
        var publisher = _fixture.Host.Services.GetRequiredService<IMessagePublisher>();
        await publisher.PublishAsync(QueueNames.DocumentsRendered, again, CancellationToken.None);
        await publisher.PublishAsync(QueueNames.DocumentsRendered, again, CancellationToken.None);
        await Eventually.TrueAsync(
            () => Task.FromResult(_fixture.Logs.Logs.Any(log => log.EventId.Id == 3124 && log.Message.Contains(id, StringComparison.Ordinal))),
            "the repeated delivery message to find nothing queued");

        var mails = (await MailPickup.ReadAllAsync(_fixture.Host)).Where(m => m.To.Mailboxes.Any(box => box.Address == recipient)).ToList();
        Assert.Single(mails);
        var after = (await deliveries.GetAsync(organisation, id, CancellationToken.None))!;
        Assert.Equal(requestId, after.RenderRequestId);
        Assert.Equal(1, after.Channel(DocumentChannel.Email)!.Attempts);
    }

    [Fact]
    public async Task SendByHand_SendsTheInvoiceAgain()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var id = invoice.GetProperty("id").GetString()!;
        var sent = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        var recipient = SalesScenario.Channel(sent, "email")!.Value.GetProperty("recipient").GetString()!;
        await MailPickup.WaitForAsync(_fixture.Host, recipient);

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices/{id}/send", new { channels = new[] { "email" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", queued.GetProperty("channels")[0].GetProperty("status").GetString());
        await Eventually.TrueAsync(
            async () => (await MailPickup.ReadAllAsync(_fixture.Host)).Count(m => m.To.Mailboxes.Any(box => box.Address == recipient)) == 2,
            "a second e-mail after sending by hand");
        var resent = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        Assert.Equal(owner.UserId, SalesScenario.Channel(resent, "email")!.Value.GetProperty("requestedBy").GetString());
    }

    [Fact]
    public async Task SendByHand_ADraft_Returns409()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customerId = await SalesScenario.CreateCustomerAsync(owner, organisation);
        var draftId = await SalesScenario.CreateInvoiceAsync(owner, organisation, customerId);

        using var send = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices/{draftId}/send", new { });
        using var pdf = await owner.Client.GetAsync($"api/orgs/{organisation}/invoices/{draftId}/pdf");

        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        Assert.Equal("document-not-issued", (await send.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, pdf.StatusCode);
    }

    [Fact]
    public async Task SendByHand_UnknownChannel_Returns400()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices/{invoice.GetProperty("id").GetString()}/send", new { channels = new[] { "fax" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var violation = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("channels[0]", violation.GetProperty("path").GetString());
    }

    [Fact]
    public async Task QuoteAndDeliveryNote_AreRenderedOnRequest()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customerId = await SalesScenario.CreateCustomerAsync(owner, organisation);
        object[] lines = [new { description = "Keukenrenovatie", quantity = 1, unitPrice = 4200, vatCategory = "standard", vatRate = 6 }];
        using var quoteResponse = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/quotes", new { customerId, lines });
        using var noteResponse = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/delivery-notes", new { customerId, lines });
        await SalesScenario.EnsureAsync(quoteResponse, HttpStatusCode.Created);
        await SalesScenario.EnsureAsync(noteResponse, HttpStatusCode.Created);
        var quoteId = (await quoteResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var noteId = (await noteResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var draftPdf = await owner.Client.GetAsync($"api/orgs/{organisation}/quotes/{quoteId}/pdf");
        var quote = await SalesScenario.PostAsync(owner, $"api/orgs/{organisation}/quotes/{quoteId}/send");
        var note = await SalesScenario.IssueAsync(owner, organisation, "delivery-notes", noteId);

        using var quotePdf = await owner.Client.GetAsync($"api/orgs/{organisation}/quotes/{quoteId}/pdf");
        using var notePdf = await owner.Client.GetAsync($"api/orgs/{organisation}/delivery-notes/{noteId}/pdf");

        Assert.Equal(HttpStatusCode.Conflict, draftPdf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, quotePdf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notePdf.StatusCode);
        var quoteText = DocumentFiles.PdfText(await quotePdf.Content.ReadAsByteArrayAsync());
        var noteText = DocumentFiles.PdfText(await notePdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(quote.GetProperty("number").GetString()!, quoteText, StringComparison.Ordinal);
        Assert.Contains("4.452,00", quoteText, StringComparison.Ordinal);
        Assert.Contains(note.GetProperty("number").GetString()!, noteText, StringComparison.Ordinal);
        Assert.DoesNotContain("4.200,00", noteText, StringComparison.Ordinal);
    }

    private static byte[] Decode(MimePart part)
    {
        using var buffer = new MemoryStream();
        part.Content!.DecodeTo(buffer);
        return buffer.ToArray();
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"^\+\+\+\d{3}/\d{4}/\d{5}\+\+\+$")]
    private static partial Regex StructuredCommunicationPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex TwelveDigits();
}
