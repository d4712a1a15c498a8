using System.Net;
using System.Text.Json;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class StockTests : IClassFixture<SalesFixture>
{
    private readonly SalesFixture _fixture;

    public StockTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task IssuedDocuments_MoveStockOfTrackedProducts()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var tiles = await api.CreateProductAsync(Product("TEG-30", "Tegel 30×30", trackStock: true, stockLevel: 100m, reorderLevel: 20m));
        var service = await api.CreateProductAsync(Product("PLAATS", "Plaatsing per uur"));
        var note = (await api.CreateDraftAsync("delivery-notes", customer, Line(tiles, 40m), Line(tiles, 5m), Line(service, 8m))).GetProperty("id").GetString()!;

        await api.CommandAsync($"delivery-notes/{note}/issue");
        var afterDelivery = await StockAsync(api, tiles);
        var fromNote = await api.CommandAsync("invoices/from-delivery-notes", new { deliveryNoteIds = new[] { note } }, HttpStatusCode.Created);
        await api.CommandAsync($"invoices/{fromNote.GetProperty("id").GetString()}/issue");
        var afterInvoicingTheNote = await StockAsync(api, tiles);
        var direct = await api.CreateInvoiceAsync(customer, Line(tiles, 40m));
        await api.CommandAsync($"invoices/{direct}/issue");
        var afterDirectInvoice = await StockAsync(api, tiles);
        var returned = await api.CommandAsync($"invoices/{direct}/credit-notes", new { returnsGoods = true, lines = new[] { Line(tiles, 10m) } }, HttpStatusCode.Created);
        await api.CommandAsync($"credit-notes/{returned.GetProperty("id").GetString()}/issue");
        var afterReturn = await StockAsync(api, tiles);

        Assert.Equal(55m, afterDelivery);
        Assert.Equal(55m, afterInvoicingTheNote);
        Assert.Equal(15m, afterDirectInvoice);
        Assert.Equal(25m, afterReturn);
        Assert.Equal(0m, await StockAsync(api, service));
    }

    [Fact]
    public async Task ReorderList_HasLowTrackedProducts()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        await api.CreateProductAsync(Product("LOW", "Bijna op", trackStock: true, stockLevel: 3m, reorderLevel: 5m));
        await api.CreateProductAsync(Product("EDGE", "Precies op het niveau", trackStock: true, stockLevel: 5m, reorderLevel: 5m));
        await api.CreateProductAsync(Product("PLENTY", "Ruim voorraad", trackStock: true, stockLevel: 50m, reorderLevel: 5m));
        await api.CreateProductAsync(Product("UNTRACKED", "Niet gevolgd", stockLevel: 0m, reorderLevel: 5m));
        await api.CreateProductAsync(Product("NOLEVEL", "Zonder niveau", trackStock: true, stockLevel: 0m));

        var reorder = await api.GetAsync("products/reorder");

        Assert.Equal(["LOW", "EDGE"], reorder.GetProperty("items").EnumerateArray().Select(product => product.GetProperty("code").GetString()));
        Assert.All(reorder.GetProperty("items").EnumerateArray(), product => Assert.True(product.GetProperty("needsReorder").GetBoolean()));
    }

    [Fact]
    public async Task ProductLine_TakesProductFields()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync(new
        {
            name = "Boulangerie Dupont SRL",
            invoiceAddress = new { street = "Rue Haute 12", postalCode = "1000", city = "Bruxelles", country = "BE" },
            vatNumber = "BE0123456749",
            email = "compta@dupont.example",
            language = "fr",
        });
        var product = await api.CreateProductAsync(new
        {
            code = "FARINE-25",
            name = new { nl = "Bloem 25 kg", fr = "Farine 25 kg" },
            unit = "C62",
            unitPrice = 18.4567m,
            vatRate = 6m,
        });

        var invoice = await api.CreateDraftAsync("invoices", customer, new { productId = product, quantity = 2m }, new { productId = product, quantity = 1m, unitPrice = 15m, description = "Farine (promo)" });

        var lines = invoice.GetProperty("lines");
        Assert.Equal("Farine 25 kg", lines[0].GetProperty("description").GetString());
        Assert.Equal(18.4567m, lines[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(6m, lines[0].GetProperty("vatRate").GetDecimal());
        Assert.Equal(product, lines[0].GetProperty("productId").GetString());
        Assert.Equal("Farine (promo)", lines[1].GetProperty("description").GetString());
        Assert.Equal(15m, lines[1].GetProperty("unitPrice").GetDecimal());
    }

    private static object Product(string code, string name, bool trackStock = false, decimal? stockLevel = null, decimal? reorderLevel = null) =>
        new { code, name = new { nl = name }, unit = "C62", unitPrice = 12.5m, vatRate = 21m, trackStock, stockLevel, reorderLevel };

    private static object Line(string productId, decimal quantity) => new { productId, quantity };

    private static async Task<decimal> StockAsync(SalesApi api, string productId) =>
        (await api.GetAsync($"products/{productId}")).GetProperty("stockLevel").GetDecimal();
}
