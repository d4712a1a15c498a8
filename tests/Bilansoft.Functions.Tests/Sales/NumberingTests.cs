using System.Net;
using System.Net.Http.Json;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class NumberingTests : IClassFixture<SalesFixture>
{
    private static readonly int Year = BusinessDate.Today(TimeProvider.System).Year;

    private readonly SalesFixture _fixture;

    public NumberingTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Defaults_ShowTheNextNumberOfEachSeries()
    {
        using var api = await SalesApi.StartAsync(_fixture);

        var settings = await api.GetAsync("settings/numbering");

        Assert.Equal($"{Year}/0001", settings.GetProperty("invoices").GetProperty("nextNumber").GetString());
        Assert.Equal($"CN-{Year}/0001", settings.GetProperty("creditNotes").GetProperty("nextNumber").GetString());
        Assert.Equal($"OF-{Year}/0001", settings.GetProperty("quotes").GetProperty("nextNumber").GetString());
        Assert.Equal($"LB-{Year}/0001", settings.GetProperty("deliveryNotes").GetProperty("nextNumber").GetString());
    }

    [Fact]
    public async Task ChangedSeries_NumbersTheNextInvoice()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);

        using var response = await api.Client.PutAsJsonAsync(api.Path("settings/numbering"), new
        {
            invoices = new { index = 4, prefix = "F-", yearSeparator = "-", paddingWidth = 6, nextSequence = 143 },
        });
        var issued = await api.CommandAsync($"invoices/{invoice}/issue");

        var settings = await SalesApi.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal($"F-{Year}-000143", settings.GetProperty("invoices").GetProperty("nextNumber").GetString());
        Assert.Equal($"F-{Year}-000143", issued.GetProperty("number").GetString());
        var expected = StructuredCommunicationScheme.For(new DocumentNumber(4, Year, 143, $"F-{Year}-000143"));
        Assert.Equal(expected.ToPrinted(), issued.GetProperty("structuredCommunication").GetString());
        Assert.Equal($"F-{Year}-000144", (await api.GetAsync("settings/numbering")).GetProperty("invoices").GetProperty("nextNumber").GetString());
    }

    [Fact]
    public async Task InvalidSettings_AreRejectedWithEveryField()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        await api.CommandAsync($"invoices/{invoice}/issue");

        using var response = await api.Client.PutAsJsonAsync(api.Path("settings/numbering"), new
        {
            invoices = new { nextSequence = 1 },
            creditNotes = new { index = 12, paddingWidth = 9, prefix = "C#" },
            quotes = new { index = 3 },
        });

        var errors = await SalesApi.ErrorsAsync(response);
        Assert.Equal("numbering.next-sequence-too-low", errors["invoices.nextSequence"]);
        Assert.Equal("numbering.series-index-out-of-range", errors["creditNotes.index"]);
        Assert.Equal("numbering.padding-out-of-range", errors["creditNotes.paddingWidth"]);
        Assert.Equal("numbering.invalid-characters", errors["creditNotes.prefix"]);
        Assert.Equal("numbering.series-shared-differently", errors["deliveryNotes.index"]);
    }

    [Fact]
    public async Task StaleIfMatch_Returns412()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        using var first = await api.Client.PutAsJsonAsync(api.Path("settings/numbering"), new { quotes = new { prefix = "Q-" } });
        var etag = first.Headers.ETag!;
        using var second = await api.Client.PutAsJsonAsync(api.Path("settings/numbering"), new { quotes = new { prefix = "QU-" } });

        using var stale = new HttpRequestMessage(HttpMethod.Put, api.Path("settings/numbering")) { Content = JsonContent.Create(new { quotes = new { prefix = "X-" } }) };
        stale.Headers.IfMatch.Add(etag);
        using var rejected = await api.Client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        Assert.Equal("QU-", (await api.GetAsync("settings/numbering")).GetProperty("quotes").GetProperty("prefix").GetString());
    }
}
