using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class InvoiceTotalsTests : IClassFixture<SalesFixture>
{
    private readonly SalesFixture _fixture;

    public InvoiceTotalsTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task MixedRatesWithDiscounts_MatchHandArithmetic()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();

        var invoice = await api.CreateDraftAsync("invoices", customer,
            SalesApi.Line("Analyse", quantity: 3m, unitPrice: 33.3333m, vatRate: 21m, discountPercent: 10m),
            SalesApi.Line("Boeken", quantity: 2.5m, unitPrice: 19.99m, vatRate: 6m),
            SalesApi.Line("Herstelling", quantity: 1m, unitPrice: 250m, vatRate: 12m, discountPercent: 5m),
            SalesApi.Line("Schroeven", quantity: 7m, unitPrice: 0.0150m, vatRate: 21m),
            SalesApi.Line("Renovatiewerken", quantity: 1m, unitPrice: 1000m, vatRate: 0m, vatCategory: "domestic-reverse-charge"));

        // Line net = quantity × unit price × (100 − discount) / 100, rounded once, half away from zero:
        //   3 × 33.3333 × 0.90 = 89.99991 → 90.00 (gross 99.9999 → 100.00, so the discount is 10.00)
        //   2.5 × 19.99        = 49.975   → 49.98
        //   1 × 250 × 0.95     = 237.50
        //   7 × 0.0150         = 0.105    → 0.11
        //   1 × 1000           = 1000.00 (reverse charge, no VAT)
        // VAT per rate on the sum of its lines:
        //   21 %: (90.00 + 0.11) × 0.21 = 90.11 × 0.21 = 18.9231 → 18.92
        //   12 %: 237.50 × 0.12 = 28.50
        //    6 %: 49.98 × 0.06 = 2.9988 → 3.00
        // Net 90.00 + 49.98 + 237.50 + 0.11 + 1000.00 = 1377.59, VAT 18.92 + 28.50 + 3.00 = 50.42,
        // total 1428.01.
        var lines = invoice.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("netAmount").GetDecimal()).ToList();
        Assert.Equal([90.00m, 49.98m, 237.50m, 0.11m, 1000.00m], lines);
        Assert.Equal(100.00m, invoice.GetProperty("lines")[0].GetProperty("grossAmount").GetDecimal());
        Assert.Equal(10.00m, invoice.GetProperty("lines")[0].GetProperty("discountAmount").GetDecimal());
        var totals = invoice.GetProperty("totals");
        Assert.Equal(1377.59m, totals.GetProperty("net").GetDecimal());
        Assert.Equal(50.42m, totals.GetProperty("vat").GetDecimal());
        Assert.Equal(1428.01m, totals.GetProperty("total").GetDecimal());
        var breakdown = invoice.GetProperty("vatBreakdown").EnumerateArray()
            .Select(entry => (entry.GetProperty("vatCategory").GetString(), entry.GetProperty("vatRate").GetDecimal(), entry.GetProperty("taxableAmount").GetDecimal(), entry.GetProperty("taxAmount").GetDecimal(), entry.GetProperty("returnGrid").GetString()))
            .ToList();
        Assert.Equal(
            [("standard", 21m, 90.11m, 18.92m, "03"), ("standard", 12m, 237.50m, 28.50m, "02"), ("standard", 6m, 49.98m, 3.00m, "01"), ("domestic-reverse-charge", 0m, 1000.00m, 0m, "45")],
            breakdown);
        var mention = Assert.Single(invoice.GetProperty("mentions").EnumerateArray());
        Assert.Equal("vat-category.domestic-reverse-charge", mention.GetProperty("key").GetString());
        Assert.StartsWith("Btw verlegd", mention.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThousandLines_AreStoredReadBackAndIssued()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        decimal[] rates = [21m, 12m, 6m];
        var lines = Enumerable.Range(0, 1000)
            .Select(i => SalesApi.Line($"Onderdeel {i:D4} met een omschrijving van gewone lengte", quantity: 1m + (i % 4 * 0.25m), unitPrice: 0.0001m + (i * 1.2345m), vatRate: rates[i % 3], discountPercent: i % 5 * 2.5m))
            .ToArray();

        using var created = await api.Client.PostAsJsonAsync(api.Path("invoices"), new { customerId = customer, lines });
        var draft = await SalesApi.ReadAsync(created, HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetString()!;
        var read = await api.GetAsync($"invoices/{id}");
        var issued = await api.CommandAsync($"invoices/{id}/issue");

        var expected = ExpectedTotals(lines.Select((_, i) => (1m + (i % 4 * 0.25m), 0.0001m + (i * 1.2345m), rates[i % 3], i % 5 * 2.5m)));
        Assert.Equal(1000, read.GetProperty("lines").GetArrayLength());
        Assert.Equal(expected.Net, read.GetProperty("totals").GetProperty("net").GetDecimal());
        Assert.Equal(expected.Vat, read.GetProperty("totals").GetProperty("vat").GetDecimal());
        Assert.Equal(draft.GetProperty("totals").GetRawText(), read.GetProperty("totals").GetRawText());
        Assert.Equal(0.0001m + (999 * 1.2345m), read.GetProperty("lines")[999].GetProperty("unitPrice").GetDecimal());
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        Assert.Equal(1000, issued.GetProperty("lines").GetArrayLength());
        Assert.Equal(read.GetProperty("totals").GetRawText(), issued.GetProperty("totals").GetRawText());
    }

    // The rounding rules of the domain, written out again: each line once to cents, VAT once per rate.
    private static (decimal Net, decimal Vat) ExpectedTotals(IEnumerable<(decimal Quantity, decimal Price, decimal Rate, decimal Discount)> lines)
    {
        var byRate = new Dictionary<decimal, decimal>();
        foreach (var (quantity, price, rate, discount) in lines)
        {
            var net = Math.Round(quantity * price * (100m - discount) / 100m, 2, MidpointRounding.AwayFromZero);
            byRate[rate] = byRate.GetValueOrDefault(rate) + net;
        }

        var vat = byRate.Sum(pair => Math.Round(pair.Value * pair.Key / 100m, 2, MidpointRounding.AwayFromZero));
        return (byRate.Values.Sum(), vat);
    }
}
