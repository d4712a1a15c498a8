using System.Text.Json;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class ListTests : IClassFixture<SalesFixture>
{
    private readonly SalesFixture _fixture;

    public ListTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Filters_SelectByStatusCustomerAndText()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var peeters = await api.CreateCustomerAsync();
        var noord = await api.CreateCustomerAsync(SalesApi.CompanyCustomer("Studio Noord BV", vatNumber: "BE0123456749"));
        for (var i = 0; i < 3; i++)
        {
            await api.CommandAsync($"invoices/{await api.CreateInvoiceAsync(peeters)}/issue");
        }

        await api.CreateInvoiceAsync(peeters);
        await api.CommandAsync($"invoices/{await api.CreateInvoiceAsync(noord)}/issue");

        var issued = await api.GetAsync("invoices?status=issued");
        var drafts = await api.GetAsync("invoices?status=draft");
        var ofNoord = await api.GetAsync($"invoices?customerId={noord}");
        var byText = await api.GetAsync("invoices?q=NOORD");
        var both = await api.GetAsync("invoices?status=draft,issued&customerId=" + peeters);

        Assert.Equal(4, Count(issued));
        Assert.Equal(1, Count(drafts));
        Assert.Equal("Studio Noord BV", Assert.Single(ofNoord.GetProperty("items").EnumerateArray()).GetProperty("customerName").GetString());
        Assert.Equal(1, Count(byText));
        Assert.Equal(4, Count(both));
    }

    [Fact]
    public async Task Pages_WalkEveryInvoiceOnceInNumberOrder()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        for (var i = 0; i < 7; i++)
        {
            await api.CommandAsync($"invoices/{await api.CreateInvoiceAsync(customer)}/issue");
        }

        var ascending = await WalkAsync(api, "invoices?sort=number&order=asc&limit=3");
        var descending = await WalkAsync(api, "invoices?sort=number&order=desc&limit=2");
        var byDate = await WalkAsync(api, "invoices?limit=4");

        Assert.Equal(7, ascending.Count);
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        Assert.Equal(descending, byDate);
    }

    [Theory]
    [InlineData("sort=price", "sort", "invalid-choice")]
    [InlineData("order=up", "order", "invalid-choice")]
    [InlineData("status=paidd", "status", "invalid-choice")]
    [InlineData("status=sent", "status", "invalid-choice")]
    [InlineData("from=2026-13-01", "from", "invalid-date")]
    [InlineData("limit=0", "limit", "out-of-range")]
    [InlineData("overdue=yes", "overdue", "invalid-choice")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor", "invalid-cursor")]
    public async Task InvalidQuery_IsRejected(string query, string path, string code)
    {
        using var api = await SalesApi.StartAsync(_fixture);

        using var response = await api.Client.GetAsync(api.Path("invoices?" + query));

        Assert.Equal(code, (await SalesApi.ErrorsAsync(response))[path]);
    }

    private static int Count(JsonElement page) => page.GetProperty("items").GetArrayLength();

    private static async Task<List<string>> WalkAsync(SalesApi api, string first)
    {
        var numbers = new List<string>();
        var path = first;
        while (true)
        {
            var page = await api.GetAsync(path);
            numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("number").GetString()!));
            if (!page.TryGetProperty("nextCursor", out var cursor) || cursor.ValueKind == JsonValueKind.Null)
            {
                return numbers;
            }

            path = $"{first}&cursor={Uri.EscapeDataString(cursor.GetString()!)}";
        }
    }
}
