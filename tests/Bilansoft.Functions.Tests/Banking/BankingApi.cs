using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Banking;

/// <summary>Calls of the banking API that the tests share.</summary>
public static class BankingApi
{
    /// <summary>The sample statements of the format tests, read where they are kept.</summary>
    public static string SamplePath(string name) =>
        Path.Combine(RepositoryPaths.Root, "tests", "Bilansoft.Formats.Tests", "Banking", "Samples", name);

    /// <summary>Uploads a file as the raw body and returns the response.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(ApiSession session, string organisationId, byte[] content, string fileName = "statement.cod", string? query = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orgs/{organisationId}/bank-statements?fileName={Uri.EscapeDataString(fileName)}{query}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        // Like browsers and curl for large bodies, the client waits for the server before sending,
        // so a rejected upload gets its response instead of a broken connection.
        request.Headers.ExpectContinue = true;
        return await session.Client.SendAsync(request);
    }

    /// <summary>Uploads a file and returns the import id from the 202 response.</summary>
    public static async Task<string> UploadAcceptedAsync(ApiSession session, string organisationId, byte[] content, string fileName = "statement.cod", string? query = null)
    {
        using var response = await UploadAsync(session, organisationId, content, fileName, query);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Waits until the import is processed or failed and returns it.</summary>
    public static Task<JsonElement> WaitForImportAsync(ApiSession session, string organisationId, string importId) =>
        Eventually.ReturnsAsync(
            () => session.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisationId}/bank-statements/{importId}"),
            import => import.GetProperty("status").GetString() is "processed" or "failed",
            $"import {importId} to finish");

    /// <summary>Waits until every transaction of a processed import has been through the match step.</summary>
    public static Task<JsonElement> WaitForMatchingAsync(ApiSession session, string organisationId, string importId) =>
        Eventually.ReturnsAsync(
            () => session.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisationId}/bank-statements/{importId}"),
            import => import.GetProperty("status").GetString() == "processed"
                && import.GetProperty("transactions").EnumerateArray().All(transaction => transaction.TryGetProperty("match", out _)),
            $"the match step of import {importId}");

    /// <summary>Uploads a file and waits for the import to finish.</summary>
    public static async Task<JsonElement> ImportAsync(ApiSession session, string organisationId, byte[] content, string fileName = "statement.cod", string? query = null) =>
        await WaitForImportAsync(session, organisationId, await UploadAcceptedAsync(session, organisationId, content, fileName, query));

    /// <summary>Adds a bank account and returns its id.</summary>
    public static async Task<string> AddAccountAsync(ApiSession session, string organisationId, string iban, string name = "Zichtrekening")
    {
        using var response = await session.Client.PostAsJsonAsync($"api/orgs/{organisationId}/bank-accounts", new { iban, name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Adding the account answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Lists every visible transaction of the organisation (all pages).</summary>
    public static async Task<List<JsonElement>> ListTransactionsAsync(ApiSession session, string organisationId, string? status = null)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var query = $"api/orgs/{organisationId}/bank-transactions?limit=200" + (status is null ? string.Empty : "&status=" + status)
                + (cursor is null ? string.Empty : "&cursor=" + cursor);
            var page = await session.Client.GetFromJsonAsync<JsonElement>(query);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return all;
    }

    /// <summary>The code of a failed import's reason.</summary>
    public static string? ReasonCode(JsonElement import) =>
        import.TryGetProperty("reason", out var reason) ? reason.GetProperty("code").GetString() : null;
}
