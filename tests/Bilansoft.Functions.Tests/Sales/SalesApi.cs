using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Functions.Platform.Http;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Sales;

/// <summary>
/// Requests of the sales API for tests, with a Belgian company customer and a 21 % invoice as
/// defaults that each test overrides where it matters.
/// </summary>
public sealed class SalesApi : IDisposable
{
    private SalesApi(ApiSession session, string organisationId)
    {
        Session = session;
        OrganisationId = organisationId;
    }

    public ApiSession Session { get; }

    public string OrganisationId { get; }

    public HttpClient Client => Session.Client;

    /// <summary>Signs in a new owner with a new organisation.</summary>
    public static async Task<SalesApi> StartAsync(HostFixture fixture)
    {
        var session = await fixture.SignInAsync();
        return new SalesApi(session, await session.CreateOrganisationAsync());
    }

    public string Path(string relative) => $"api/orgs/{OrganisationId}/{relative}";

    public static object CompanyCustomer(string name = "Bouwbedrijf Peeters NV", string? vatNumber = "BE0428759497", string country = "BE", int? paymentTermDays = 30) => new
    {
        type = "company",
        name,
        invoiceAddress = new { street = "Kerkstraat 1", postalCode = "9000", city = "Gent", country },
        vatNumber,
        email = "boekhouding@peeters.example",
        language = "nl",
        paymentTermDays,
    };

    public static object Line(string description = "Consultancy", decimal quantity = 1m, decimal unitPrice = 100m, decimal vatRate = 21m, decimal? discountPercent = null, string? vatCategory = null, string? productId = null) =>
        new { description, quantity, unitPrice, vatRate, discountPercent, vatCategory, productId };

    public async Task<string> CreateCustomerAsync(object? customer = null)
    {
        using var response = await Client.PostAsJsonAsync(Path("customers"), customer ?? CompanyCustomer());
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public async Task<string> CreateProductAsync(object product)
    {
        using var response = await Client.PostAsJsonAsync(Path("products"), product);
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>Creates a draft of <paramref name="collection"/> (<c>invoices</c>, <c>quotes</c>, …) and returns it.</summary>
    public async Task<JsonElement> CreateDraftAsync(string collection, string customerId, params object[] lines)
    {
        using var response = await Client.PostAsJsonAsync(Path(collection), new { customerId, lines = lines.Length == 0 ? [Line()] : lines });
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public async Task<string> CreateInvoiceAsync(string customerId, params object[] lines) =>
        (await CreateDraftAsync("invoices", customerId, lines)).GetProperty("id").GetString()!;

    /// <summary>POSTs a command such as <c>invoices/{id}/issue</c> and returns the response.</summary>
    public Task<HttpResponseMessage> PostAsync(string relative, object? body = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path(relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotentRequests.HeaderName, idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    /// <summary>POSTs a command that must succeed with <paramref name="expected"/> and returns the body.</summary>
    public async Task<JsonElement> CommandAsync(string relative, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await PostAsync(relative, body);
        return await ReadAsync(response, expected);
    }

    public async Task<JsonElement> GetAsync(string relative)
    {
        using var response = await Client.GetAsync(Path(relative));
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Reads the JSON body after checking the status, showing the body when it differs.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The paths of the errors of a 400 problem, with their codes.</summary>
    public static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateArray()
            .GroupBy(error => error.GetProperty("path").GetString()!)
            .ToDictionary(group => group.Key, group => string.Join(",", group.Select(error => error.GetProperty("code").GetString())));
    }

    public void Dispose() => Session.Dispose();
}
