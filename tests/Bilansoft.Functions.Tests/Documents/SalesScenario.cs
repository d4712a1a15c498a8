using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Documents;

/// <summary>
/// Builds the sales data the document tests need through the API, as a user would: a customer, an
/// invoice issued to it, a credit note, and reads of the delivery state.
/// </summary>
internal static class SalesScenario
{
    /// <summary>A Belgian company customer; <paramref name="overrides"/> replaces fields by name.</summary>
    public static async Task<string> CreateCustomerAsync(ApiSession session, string organisation, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Klant NV",
            ["invoiceAddress"] = new { street = "Meir 1", postalCode = "2000", city = "Antwerpen", country = "BE" },
            ["enterpriseNumber"] = "0417.497.106",
            ["vatNumber"] = "BE0417497106",
            ["email"] = $"boekhouding-{Guid.NewGuid():N}@klant.example",
            ["language"] = "nl",
            ["deliveryChannel"] = "email",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }

        using var response = await session.Client.PostAsJsonAsync($"api/orgs/{organisation}/customers", body);
        await EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A draft invoice of two standard-rated lines: 10 h at € 85 and 2 books at € 24.50 with 6 % VAT.</summary>
    public static async Task<string> CreateInvoiceAsync(ApiSession session, string organisation, string customerId, object[]? lines = null)
    {
        lines ??=
        [
            new { description = "Advies bedrijfsprocessen", quantity = 10, unit = "HUR", unitPrice = 85, vatCategory = "standard", vatRate = 21 },
            new { description = "Handboek btw", quantity = 2, unitPrice = 24.5, vatCategory = "standard", vatRate = 6 },
        ];
        using var response = await session.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices", new { customerId, paymentTermDays = 30, lines });
        await EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Issues a draft of the collection (<c>invoices</c>, <c>credit-notes</c>) and returns the issued document.</summary>
    public static Task<JsonElement> IssueAsync(ApiSession session, string organisation, string collection, string id) =>
        PostAsync(session, $"api/orgs/{organisation}/{collection}/{id}/issue");

    /// <summary>Posts without a body, expects 200 and returns the response body.</summary>
    public static async Task<JsonElement> PostAsync(ApiSession session, string path)
    {
        using var response = await session.Client.PostAsync(path, null);
        await EnsureAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates and issues an invoice for a new customer; returns the customer id and the issued invoice.</summary>
    public static async Task<(string CustomerId, JsonElement Invoice)> IssueInvoiceAsync(
        ApiSession session, string organisation, IReadOnlyDictionary<string, object?>? customer = null, object[]? lines = null)
    {
        var customerId = await CreateCustomerAsync(session, organisation, customer);
        var invoiceId = await CreateInvoiceAsync(session, organisation, customerId, lines);
        return (customerId, await IssueAsync(session, organisation, "invoices", invoiceId));
    }

    /// <summary>Credits a whole invoice and issues the credit note.</summary>
    public static async Task<JsonElement> CreditAsync(ApiSession session, string organisation, string invoiceId)
    {
        using var response = await session.Client.PostAsync($"api/orgs/{organisation}/invoices/{invoiceId}/credit-notes", null);
        await EnsureAsync(response, HttpStatusCode.Created);
        var creditNoteId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return await IssueAsync(session, organisation, "credit-notes", creditNoteId);
    }

    public static async Task<JsonElement> GetAsync(ApiSession session, string organisation, string collection, string id) =>
        await session.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/{collection}/{id}");

    /// <summary>The channel entry of the document's delivery state, or null while it has none.</summary>
    public static JsonElement? Channel(JsonElement document, string channel)
    {
        if (!document.TryGetProperty("delivery", out var delivery))
        {
            return null;
        }

        foreach (var entry in delivery.GetProperty("channels").EnumerateArray())
        {
            if (entry.GetProperty("channel").GetString() == channel)
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Waits until the document's <paramref name="channel"/> has <paramref name="status"/> and returns the document.</summary>
    public static Task<JsonElement> WaitForChannelAsync(ApiSession session, string organisation, string collection, string id, string channel, string status) =>
        Eventually.ReturnsAsync(
            () => GetAsync(session, organisation, collection, id),
            document => Channel(document, channel)?.GetProperty("status").GetString() == status,
            $"{channel} of {collection}/{id} to be {status}");

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
