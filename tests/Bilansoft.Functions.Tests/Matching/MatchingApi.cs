using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilansoft.Functions.Tests.Banking;
using Bilansoft.Functions.Tests.Sales;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Matching;

/// <summary>Calls that the tests of bank matching against real invoices share.</summary>
public static class MatchingApi
{
    /// <summary>The KBC account of the Noviat sample statement.</summary>
    public const string SampleIban = "BE46737018594236";

    /// <summary>The structured communication of the sample's incoming transfer of 3,044.45 euro.</summary>
    public const string SampleCommunication = "+++240/2838/42818+++";

    /// <summary>Creates an organisation whose profile IBAN is <paramref name="iban"/>, which makes it a bank account.</summary>
    public static async Task<string> CreateOrganisationAsync(ApiSession session, string iban)
    {
        using var response = await session.Client.PostAsJsonAsync("api/orgs", new
        {
            name = "Noviat NV",
            enterpriseNumber = "0123.456.749",
            vatNumber = "BE0123456749",
            iban,
            address = new { street = "Veldstraat 10", postalCode = "9000", city = "Gent", country = "BE" },
            language = "nl",
        });
        return (await SalesApi.ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>Posts a CSV file of open invoices as the raw body.</summary>
    public static async Task<HttpResponseMessage> ImportCsvAsync(ApiSession session, string organisationId, byte[] content, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orgs/{organisationId}/invoices/import") { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await session.Client.SendAsync(request);
    }

    /// <summary>Imports CSV text (UTF-8) that must be accepted and returns the response body.</summary>
    public static async Task<JsonElement> ImportCsvAcceptedAsync(ApiSession session, string organisationId, string csv)
    {
        using var response = await ImportCsvAsync(session, organisationId, Encoding.UTF8.GetBytes(csv));
        return await SalesApi.ReadAsync(response, HttpStatusCode.OK);
    }

    public static Task<JsonElement> GetInvoiceAsync(ApiSession session, string organisationId, string invoiceId) =>
        session.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisationId}/invoices/{invoiceId}");

    /// <summary>The invoice's status and amount due, to compare in one assert.</summary>
    public static async Task<(string? Status, decimal AmountDue)> StateAsync(ApiSession session, string organisationId, string invoiceId)
    {
        var invoice = await GetInvoiceAsync(session, organisationId, invoiceId);
        return (invoice.GetProperty("status").GetString(), invoice.GetProperty("amountDue").GetDecimal());
    }

    /// <summary>Issues an invoice of one line (net <paramref name="net"/>, 21 % VAT) and returns it.</summary>
    public static async Task<JsonElement> IssueInvoiceAsync(SalesApi api, decimal net = 100m)
    {
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer, SalesApi.Line(unitPrice: net));
        return await api.CommandAsync($"invoices/{invoice}/issue");
    }

    /// <summary>The 12 digits of an issued invoice's structured communication, as a CODA statement carries them.</summary>
    public static string CommunicationDigits(JsonElement invoice) =>
        new(invoice.GetProperty("structuredCommunication").GetString()!.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Uploads a statement and returns the import once the match step has run.</summary>
    public static async Task<JsonElement> ImportAndMatchAsync(ApiSession session, string organisationId, byte[] file, string? query = null)
    {
        var importId = await BankingApi.UploadAcceptedAsync(session, organisationId, file, "statement.cod", query);
        var import = await BankingApi.WaitForImportAsync(session, organisationId, importId);
        Assert.True(import.GetProperty("status").GetString() == "processed", $"Import failed: {import}");
        return await BankingApi.WaitForMatchingAsync(session, organisationId, importId);
    }

    /// <summary>The transaction of an import that carries <paramref name="communication"/>.</summary>
    public static JsonElement TransactionWith(JsonElement import, string communication) =>
        Assert.Single(import.GetProperty("transactions").EnumerateArray(), transaction =>
            transaction.TryGetProperty("structuredCommunication", out var value) && value.GetString() == communication);
}
