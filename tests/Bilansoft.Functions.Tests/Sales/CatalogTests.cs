using System.Net;
using System.Net.Http.Json;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class CatalogTests : IClassFixture<SalesFixture>
{
    private readonly SalesFixture _fixture;

    public CatalogTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Customer_StoresCompactAndPrintsFormatted()
    {
        using var api = await SalesApi.StartAsync(_fixture);

        using var response = await api.Client.PostAsJsonAsync(api.Path("customers"), new
        {
            name = "Bouwbedrijf Peeters NV",
            invoiceAddress = new { street = "Kerkstraat 1", postalCode = "9000", city = "Gent", country = "be" },
            deliveryAddress = new { street = "Werfweg 5", postalCode = "9050", city = "Gentbrugge", country = "BE" },
            vatNumber = "be 0428.759.497",
            email = "boekhouding@peeters.example",
            peppolId = "0208:0428759497",
            deliveryChannel = "both",
            paymentTermDays = 14,
            defaultVatCategory = "domestic-reverse-charge",
        });

        var customer = await SalesApi.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("BE 0428.759.497", customer.GetProperty("vatNumber").GetString());
        Assert.Equal("0428.759.497", customer.GetProperty("enterpriseNumber").GetString());
        Assert.Equal("company", customer.GetProperty("type").GetString());
        Assert.Equal("both", customer.GetProperty("deliveryChannel").GetString());
        Assert.Equal("0208:0428759497", customer.GetProperty("peppolId").GetString());
        Assert.Equal("Gentbrugge", customer.GetProperty("deliveryAddress").GetProperty("city").GetString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Customer_RejectsEveryInvalidFieldAtOnce()
    {
        using var api = await SalesApi.StartAsync(_fixture);

        using var response = await api.Client.PostAsJsonAsync(api.Path("customers"), new
        {
            type = "person",
            name = "",
            vatNumber = "BE0428759498",
            email = "not-an-address",
            language = "es",
            paymentTermDays = 90,
            peppolId = "0208:123",
            deliveryChannel = "fax",
            defaultVatCategory = "reduced",
        });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Equal(["defaultVatCategory", "deliveryChannel", "email", "language", "name", "paymentTermDays", "peppolId", "type", "vatNumber"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("document.payment-term-too-long", errors["paymentTermDays"]);
        Assert.Empty((await api.GetAsync("customers")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task DeletedCustomer_IsHiddenButItsInvoicesRemain()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        await api.CommandAsync($"invoices/{invoice}/issue");

        using var deleted = await api.Client.DeleteAsync(api.Path($"customers/{customer}"));
        using var deletedAgain = await api.Client.DeleteAsync(api.Path($"customers/{customer}"));
        using var read = await api.Client.GetAsync(api.Path($"customers/{customer}"));
        using var newInvoice = await api.Client.PostAsJsonAsync(api.Path("invoices"), new { customerId = customer, lines = new[] { SalesApi.Line() } });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deletedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await api.GetAsync("customers")).GetProperty("items").EnumerateArray());
        Assert.Equal("customer.unknown", (await SalesApi.ErrorsAsync(newInvoice))["customerId"]);
        Assert.Equal("Bouwbedrijf Peeters NV", (await api.GetAsync($"invoices/{invoice}")).GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ProductCode_IsUniqueWithoutRegardToCase()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var first = await api.CreateProductAsync(new { code = "ABC-1", name = new { nl = "Eerste" }, unitPrice = 1m, vatRate = 21m });

        using var duplicate = await api.Client.PostAsJsonAsync(api.Path("products"), new { code = "abc-1", name = new { nl = "Tweede" }, unitPrice = 1m, vatRate = 21m });
        using var renamed = await api.Client.PutAsJsonAsync(api.Path($"products/{first}"), new { code = "ABC-2", name = new { nl = "Eerste" }, unitPrice = 1m, vatRate = 21m });
        using var reused = await api.Client.PostAsJsonAsync(api.Path("products"), new { code = "abc-1", name = new { nl = "Tweede" }, unitPrice = 1m, vatRate = 21m });

        var problem = await SalesApi.ReadAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal("product-code-exists", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
    }

    [Fact]
    public async Task Product_RejectsInvalidFields()
    {
        using var api = await SalesApi.StartAsync(_fixture);

        using var response = await api.Client.PostAsJsonAsync(api.Path("products"), new
        {
            code = "A B",
            name = new { },
            unit = "PIECES",
            unitPrice = 1.23456m,
            vatCategory = "intra-community-goods",
            vatRate = 21m,
            revenueAccount = "70A",
            reorderLevel = -1m,
        });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Equal(["code", "name", "reorderLevel", "revenueAccount", "unit", "unitPrice", "vatRate"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("vat.rate-not-allowed-for-category", errors["vatRate"]);
    }

    [Fact]
    public async Task TextSnippet_FullLifecycle()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        using var created = await api.Client.PostAsJsonAsync(api.Path("text-snippets"), new { name = "Leveringsvoorwaarden", usage = "note", text = new { nl = "Levering binnen 5 werkdagen.", fr = "Livraison sous 5 jours ouvrables." } });
        var snippet = await SalesApi.ReadAsync(created, HttpStatusCode.Created);
        var id = snippet.GetProperty("id").GetString()!;

        using var updated = await api.Client.PutAsJsonAsync(api.Path($"text-snippets/{id}"), new { name = "Levering", usage = "note", text = new { nl = "Levering binnen 3 werkdagen." } });
        var list = await api.GetAsync("text-snippets?q=lever");
        using var deleted = await api.Client.DeleteAsync(api.Path($"text-snippets/{id}"));
        using var read = await api.Client.GetAsync(api.Path($"text-snippets/{id}"));

        Assert.Equal("Livraison sous 5 jours ouvrables.", snippet.GetProperty("text").GetProperty("fr").GetString());
        Assert.Equal("Levering binnen 3 werkdagen.", (await SalesApi.ReadAsync(updated, HttpStatusCode.OK)).GetProperty("text").GetProperty("nl").GetString());
        Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
