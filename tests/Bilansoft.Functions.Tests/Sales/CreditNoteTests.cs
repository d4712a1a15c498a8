using System.Net;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class CreditNoteTests : IClassFixture<SalesFixture>
{
    private readonly SalesFixture _fixture;

    public CreditNoteTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task FullCredit_MakesTheInvoiceCredited()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer, SalesApi.Line("Website", 1m, 1500m));
        var issuedInvoice = await api.CommandAsync($"invoices/{invoice}/issue");

        var draft = await api.CommandAsync($"invoices/{invoice}/credit-notes", expected: HttpStatusCode.Created);
        var creditNote = await api.CommandAsync($"credit-notes/{draft.GetProperty("id").GetString()}/issue");

        Assert.Equal(issuedInvoice.GetProperty("lines").GetRawText(), creditNote.GetProperty("lines").GetRawText());
        Assert.StartsWith("CN-", creditNote.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Contains(creditNote.GetProperty("mentions").EnumerateArray(), mention => mention.GetProperty("key").GetString() == "credit-note.vat-repayment");
        var source = Assert.Single(creditNote.GetProperty("sources").EnumerateArray());
        Assert.Equal(issuedInvoice.GetProperty("number").GetString(), source.GetProperty("number").GetString());
        var credited = await api.GetAsync($"invoices/{invoice}");
        Assert.Equal("credited", credited.GetProperty("status").GetString());
        Assert.Equal(0m, credited.GetProperty("amountDue").GetDecimal());
        Assert.Equal(1815.00m, credited.GetProperty("amountCredited").GetDecimal());
        Assert.Equal(creditNote.GetProperty("number").GetString(), Assert.Single(credited.GetProperty("credits").EnumerateArray()).GetProperty("number").GetString());
    }

    [Fact]
    public async Task PartialCredit_ThenOverCreditRejected()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer, SalesApi.Line("Uren", 10m, 100m), SalesApi.Line("Verplaatsing", 1m, 50m));
        await api.CommandAsync($"invoices/{invoice}/issue");
        var first = await api.CommandAsync($"invoices/{invoice}/credit-notes", new { lines = new[] { SalesApi.Line("Uren", 6m, 100m) } }, HttpStatusCode.Created);
        var second = await api.CommandAsync($"invoices/{invoice}/credit-notes", new { lines = new[] { SalesApi.Line("Uren", 6m, 100m) } }, HttpStatusCode.Created);

        await api.CommandAsync($"credit-notes/{first.GetProperty("id").GetString()}/issue");
        using var overCredit = await api.PostAsync($"credit-notes/{second.GetProperty("id").GetString()}/issue");
        using var tooLargeDraft = await api.PostAsync($"invoices/{invoice}/credit-notes");

        // Invoice 10 × 100 + 50 = 1050 net, 1270.50 with VAT; each credit note 6 × 100 = 600 net,
        // 726.00 with VAT. After the first, 1270.50 − 726.00 = 544.50 is due; a second would credit
        // 1452.00 in all, more than the invoice.
        var partly = await api.GetAsync($"invoices/{invoice}");
        Assert.Equal("issued", partly.GetProperty("status").GetString());
        Assert.Equal(544.50m, partly.GetProperty("amountDue").GetDecimal());
        Assert.Equal("credit-note.exceeds-invoice-total", (await SalesApi.ErrorsAsync(overCredit))["lines"]);
        Assert.Equal("credit-note.exceeds-invoice-total", (await SalesApi.ErrorsAsync(tooLargeDraft))["lines"]);
        Assert.Equal("draft", (await api.GetAsync($"credit-notes/{second.GetProperty("id").GetString()}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DraftInvoice_IsNotCredited()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);

        using var response = await api.PostAsync("credit-notes", new { invoiceId = invoice });

        Assert.Equal("credit-note.invoice-not-creditable", (await SalesApi.ReadAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Empty((await api.GetAsync("credit-notes")).GetProperty("items").EnumerateArray());
    }
}
