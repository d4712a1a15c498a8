using System.Net;
using System.Net.Http.Json;
using Bilansoft.Application.Sales;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class ConversionTests : IClassFixture<SalesFixture>
{
    private static readonly DateOnly Today = BusinessDate.Today(TimeProvider.System);

    private readonly SalesFixture _fixture;

    public ConversionTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task SentQuote_ConvertsToLinkedInvoice()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var quote = await api.CreateDraftAsync("quotes", customer, SalesApi.Line("Ontwerp", 2m, 450m), SalesApi.Line("Drukwerk", 500m, 0.35m, 6m));
        var quoteId = quote.GetProperty("id").GetString()!;
        var sent = await api.CommandAsync($"quotes/{quoteId}/send");

        var invoice = await api.CommandAsync($"quotes/{quoteId}/convert", new { to = "invoice" }, HttpStatusCode.Created);

        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal($"OF-{Today.Year}/0001", sent.GetProperty("number").GetString());
        Assert.Equal("invoice", invoice.GetProperty("kind").GetString());
        Assert.Equal("draft", invoice.GetProperty("status").GetString());
        Assert.Equal(quote.GetProperty("lines").GetRawText(), invoice.GetProperty("lines").GetRawText());
        Assert.Equal(sent.GetProperty("totals").GetRawText(), invoice.GetProperty("totals").GetRawText());
        var source = Assert.Single(invoice.GetProperty("sources").EnumerateArray());
        Assert.Equal(quoteId, source.GetProperty("documentId").GetString());
        Assert.Equal("quote", source.GetProperty("kind").GetString());
        Assert.Equal(sent.GetProperty("number").GetString(), source.GetProperty("number").GetString());
        Assert.Equal(30, invoice.GetProperty("paymentTermDays").GetInt32());
        Assert.Equal("accepted", (await api.GetAsync($"quotes/{quoteId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DraftQuote_IsNotConverted()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var quote = (await api.CreateDraftAsync("quotes", customer)).GetProperty("id").GetString()!;

        using var response = await api.PostAsync($"quotes/{quote}/convert", new { to = "deliveryNote" });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Contains("document.source-not-allowed", errors.Values);
        Assert.Empty((await api.GetAsync("delivery-notes")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task QuoteAnswers_FollowTheLifecycle()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var declined = (await api.CreateDraftAsync("quotes", customer)).GetProperty("id").GetString()!;
        var expired = (await api.CreateDraftAsync("quotes", customer)).GetProperty("id").GetString()!;
        await api.CommandAsync($"quotes/{declined}/send");
        await api.CommandAsync($"quotes/{expired}/send");

        var declinedQuote = await api.CommandAsync($"quotes/{declined}/decline");
        var expiredQuote = await api.CommandAsync($"quotes/{expired}/expire");
        using var acceptAfterDecline = await api.PostAsync($"quotes/{declined}/accept");

        Assert.Equal("declined", declinedQuote.GetProperty("status").GetString());
        Assert.Equal("expired", expiredQuote.GetProperty("status").GetString());
        Assert.Equal("document.transition-not-allowed", (await SalesApi.ReadAsync(acceptAfterDecline, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task IssuedDeliveryNotes_BecomeOneInvoice()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var first = (await api.CreateDraftAsync("delivery-notes", customer, SalesApi.Line("Tegels", 12m, 25m))).GetProperty("id").GetString()!;
        var second = (await api.CreateDraftAsync("delivery-notes", customer, SalesApi.Line("Lijm", 3m, 18.5m))).GetProperty("id").GetString()!;
        var firstIssued = await api.CommandAsync($"delivery-notes/{first}/issue");
        await api.CommandAsync($"delivery-notes/{second}/issue");

        var invoice = await api.CommandAsync("invoices/from-delivery-notes", new { deliveryNoteIds = new[] { first, second } }, HttpStatusCode.Created);

        Assert.Equal($"LB-{Today.Year}/0001", firstIssued.GetProperty("number").GetString());
        Assert.Equal(["Tegels", "Lijm"], invoice.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("description").GetString()));
        Assert.Equal([first, second], invoice.GetProperty("sources").EnumerateArray().Select(source => source.GetProperty("documentId").GetString()));
        Assert.Equal(firstIssued.GetProperty("issueDate").GetString(), invoice.GetProperty("deliveryDate").GetString());
        // 12 × 25 + 3 × 18.50 = 355.50 net; VAT 355.50 × 0.21 = 74.655 → 74.66; total 430.16.
        Assert.Equal(430.16m, invoice.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task DraftDeliveryNote_IsNotInvoiced()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var draft = (await api.CreateDraftAsync("delivery-notes", customer)).GetProperty("id").GetString()!;

        using var response = await api.PostAsync("invoices/from-delivery-notes", new { deliveryNoteIds = new[] { draft, Guid.NewGuid().ToString("N") } });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Equal("document.unknown", errors["deliveryNoteIds[1]"]);
        Assert.Empty((await api.GetAsync("invoices")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task DraftInvoices_MergeIntoOneAndDisappear()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var first = await api.CreateInvoiceAsync(customer, SalesApi.Line("Maart", 10m, 65m));
        var second = await api.CreateInvoiceAsync(customer, SalesApi.Line("April", 12m, 65m));

        var merged = await api.CommandAsync("invoices/merge", new { invoiceIds = new[] { first, second } }, HttpStatusCode.Created);

        Assert.Equal(["Maart", "April"], merged.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("description").GetString()));
        Assert.Equal(1730.30m, merged.GetProperty("totals").GetProperty("total").GetDecimal());
        using var firstRead = await api.Client.GetAsync(api.Path($"invoices/{first}"));
        using var secondRead = await api.Client.GetAsync(api.Path($"invoices/{second}"));
        Assert.Equal(HttpStatusCode.NotFound, firstRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, secondRead.StatusCode);
        var item = Assert.Single((await api.GetAsync("invoices")).GetProperty("items").EnumerateArray());
        Assert.Equal(merged.GetProperty("id").GetString(), item.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Merge_OfMixedSources_IsRejected()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var other = await api.CreateCustomerAsync(SalesApi.CompanyCustomer("Studio Noord BV", vatNumber: "BE0123456749"));
        var draft = await api.CreateInvoiceAsync(customer);
        var otherDraft = await api.CreateInvoiceAsync(other);
        var issued = await api.CreateInvoiceAsync(customer);
        await api.CommandAsync($"invoices/{issued}/issue");

        using var response = await api.PostAsync("invoices/merge", new { invoiceIds = new[] { draft, otherDraft, issued } });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Equal("document.customer-mismatch", errors["invoiceIds[1]"]);
        Assert.Equal("document.source-not-allowed", errors["invoiceIds[2]"]);
        Assert.Equal(3, (await api.GetAsync("invoices")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task IssuedInvoice_DuplicatesIntoNewDraft()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer, SalesApi.Line("Onderhoud", 1m, 80m));
        var issued = await api.CommandAsync($"invoices/{invoice}/issue");

        var copy = await api.CommandAsync($"invoices/{invoice}/duplicate", expected: HttpStatusCode.Created);

        Assert.NotEqual(invoice, copy.GetProperty("id").GetString());
        Assert.Equal("draft", copy.GetProperty("status").GetString());
        Assert.False(copy.TryGetProperty("number", out _));
        Assert.Equal(issued.GetProperty("lines").GetRawText(), copy.GetProperty("lines").GetRawText());
        Assert.Equal(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), copy.GetProperty("issueDate").GetString());
    }
}
