using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.LocalHost.Hosting;

namespace Bilansoft.Testing;

/// <summary>
/// An HTTP client of the local host signed in as one user, with a real token from
/// <c>POST /api/dev/token</c>.
/// </summary>
public sealed class ApiSession : IDisposable
{
    private ApiSession(HttpClient client, string userId, string accessToken)
    {
        Client = client;
        UserId = userId;
        AccessToken = accessToken;
    }

    public HttpClient Client { get; }

    public string UserId { get; }

    public string AccessToken { get; }

    /// <summary>Signs in a new user with a unique subject (or the one given).</summary>
    public static async Task<ApiSession> SignInAsync(LocalHostApp host, string? subject = null, string? name = null, string? email = null)
    {
        subject ??= "user-" + Guid.NewGuid().ToString("N")[..12];
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("api/dev/token", new { subject, name = name ?? $"Test {subject}", email = email ?? $"{subject}@example.be" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiSession(client, subject, token);
    }

    /// <summary>Creates an organisation with a valid Belgian profile and returns its id.</summary>
    public async Task<string> CreateOrganisationAsync(string name = "Acme BV")
    {
        var response = await Client.PostAsJsonAsync("api/orgs", new
        {
            name,
            legalName = name,
            legalForm = "BV",
            enterpriseNumber = "0123.456.749",
            vatNumber = "BE0123456749",
            iban = "BE68 5390 0754 7034",
            bic = "GKCCBEBB",
            address = new { street = "Kerkstraat 1", postalCode = "9000", city = "Gent", country = "BE" },
            email = "billing@acme.example",
            language = "nl",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public void Dispose() => Client.Dispose();
}
