using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bilansoft.Application.Sales;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class InvoiceValidationTests : IClassFixture<SalesFixture>
{
    private readonly SalesFixture _fixture;

    public InvoiceValidationTests(SalesFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("invoices", "zero quantity", "lines[0].quantity", "line.quantity-zero")]
    [InlineData("quotes", "negative quantity on a quote", "lines[0].quantity", "line.quantity-negative")]
    [InlineData("delivery-notes", "negative quantity on a delivery note", "lines[0].quantity", "line.quantity-negative")]
    [InlineData("invoices", "rate that does not exist in Belgium", "lines[0].vatRate", "vat.rate-unknown")]
    [InlineData("invoices", "unit price with 5 decimals", "lines[0].unitPrice", "line.unit-price-too-precise")]
    [InlineData("invoices", "due date before the issue date", "dueDate", "document.due-date-before-issue-date")]
    [InlineData("invoices", "customer of another organisation", "customerId", "customer.unknown")]
    [InlineData("invoices", "customer id that never existed", "customerId", "customer.unknown")]
    [InlineData("invoices", "missing description", "lines[0].description", "line.description-missing")]
    [InlineData("invoices", "intra-EU services to a customer without an EU VAT number", "lines[0].vatCategory", "vat.intra-community-requires-eu-vat-number")]
    [InlineData("invoices", "unknown VAT category", "lines[0].vatCategory", "vat.category-unknown")]
    [InlineData("invoices", "payment term above 60 days for a company", "dueDate", "document.payment-term-too-long")]
    [InlineData("invoices", "no lines", "lines", "document.lines-missing")]
    public async Task InvalidDraft_IsRejectedAndNotStored(string collection, string reason, string path, string code)
    {
        using var api = await SalesApi.StartAsync(_fixture);
        using var stranger = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var foreignCustomer = await stranger.CreateCustomerAsync();

        using var response = await api.Client.PostAsJsonAsync(api.Path(collection), Body(reason, customer, foreignCustomer));

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.True(errors.ContainsKey(path), $"{reason}: expected an error at {path}, got {string.Join("; ", errors)}");
        Assert.Contains(code, errors[path].Split(','));
        Assert.Empty((await api.GetAsync(collection)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task InvalidDraft_ReportsEveryFieldAtOnce()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var today = BusinessDate.Today(TimeProvider.System);

        using var response = await api.Client.PostAsJsonAsync(api.Path("invoices"), new
        {
            customerId = customer,
            dueDate = today.AddDays(-1),
            lines = new object[]
            {
                SalesApi.Line(quantity: 0m),
                SalesApi.Line(vatRate: 19m),
                SalesApi.Line(unitPrice: 1.23456m),
                SalesApi.Line(description: ""),
                SalesApi.Line(vatCategory: "intra-community-services", vatRate: 0m),
                SalesApi.Line(discountPercent: 120m),
            },
        });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Equal(
            ["dueDate", "lines[0].quantity", "lines[1].vatRate", "lines[2].unitPrice", "lines[3].description", "lines[4].vatCategory", "lines[5].discountPercent"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Violations_AreWordedInTheRequestedLanguage()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Path("invoices"))
        {
            Content = JsonContent.Create(new { customerId = customer, lines = new[] { SalesApi.Line(vatRate: 19m) } }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr"));

        using var response = await api.Client.SendAsync(request);

        var problem = await SalesApi.ReadAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.StartsWith("Le taux de TVA de 19", message, StringComparison.Ordinal);
    }

    private static object Body(string reason, string customer, string foreignCustomer)
    {
        var today = BusinessDate.Today(TimeProvider.System);
        return reason switch
        {
            "zero quantity" => new { customerId = customer, lines = new[] { SalesApi.Line(quantity: 0m) } },
            "negative quantity on a quote" or "negative quantity on a delivery note" => new { customerId = customer, lines = new[] { SalesApi.Line(quantity: -1m) } },
            "rate that does not exist in Belgium" => new { customerId = customer, lines = new[] { SalesApi.Line(vatRate: 19m) } },
            "unit price with 5 decimals" => new { customerId = customer, lines = new[] { SalesApi.Line(unitPrice: 12.34567m) } },
            "due date before the issue date" => new { customerId = customer, issueDate = today, dueDate = today.AddDays(-3), lines = new[] { SalesApi.Line() } },
            "customer of another organisation" => new { customerId = foreignCustomer, lines = new[] { SalesApi.Line() } },
            "customer id that never existed" => new { customerId = Guid.NewGuid().ToString("N"), lines = new[] { SalesApi.Line() } },
            "missing description" => new { customerId = customer, lines = new[] { SalesApi.Line(description: " ") } },
            "intra-EU services to a customer without an EU VAT number" => new { customerId = customer, lines = new[] { SalesApi.Line(vatCategory: "intra-community-services", vatRate: 0m) } },
            "unknown VAT category" => new { customerId = customer, lines = new[] { SalesApi.Line(vatCategory: "reduced") } },
            "payment term above 60 days for a company" => new { customerId = customer, paymentTermDays = 90, lines = new[] { SalesApi.Line() } },
            "no lines" => new { customerId = customer, lines = Array.Empty<object>() },
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "No body for this case."),
        };
    }
}
