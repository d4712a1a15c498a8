using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilansoft.Application.Webhooks;
using Bilansoft.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Banking;

public sealed class BankWebhookTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public BankWebhookTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task SignedPush_IsStoredAndMatched()
    {
        var (owner, organisation, secret) = await OrganisationWithSecretAsync();
        var body = Push("push-1", ("tx-1", 12.50m, "+++123/4567/89002+++"), ("tx-2", -3m, null));

        using var response = await SendAsync(organisation, body, secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var importId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var import = await BankingApi.WaitForMatchingAsync(owner, organisation, importId);
        Assert.Equal("webhook", import.GetProperty("format").GetString());
        Assert.Equal("webhook:bank", import.GetProperty("uploadedBy").GetString());
        var transactions = import.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal([12.50m, -3m], transactions.Select(t => t.GetProperty("amount").GetDecimal()));
        Assert.Equal("+++123/4567/89002+++", transactions[0].GetProperty("structuredCommunication").GetString());
        Assert.All(transactions, t => Assert.Equal("unmatched", t.GetProperty("match").GetProperty("status").GetString()));
        owner.Dispose();
    }

    [Fact]
    public async Task WrongSignature_Returns401AndStoresNothing()
    {
        var (owner, organisation, _) = await OrganisationWithSecretAsync();
        var body = Push("push-2", ("tx-1", 5m, null));

        using var response = await SendAsync(organisation, body, "another-secret-0123456789abcdef0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bank-webhook-unverified", problem.GetProperty("code").GetString());
        var imports = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements");
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
        owner.Dispose();
    }

    [Fact]
    public async Task Replay_IsNotStoredTwice()
    {
        var (owner, organisation, secret) = await OrganisationWithSecretAsync();
        var body = Push("push-3", ("tx-1", 5m, null));
        var header = WebhookSignature.CreateHeader(new WebhookSecret(secret), DateTimeOffset.UtcNow, body);

        using var first = await SendAsync(organisation, body, header: header);
        using var replay = await SendAsync(organisation, body, header: header);
        using var resigned = await SendAsync(organisation, body, secret);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, resigned.StatusCode);
        var imports = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements");
        Assert.Single(imports.GetProperty("items").EnumerateArray());
        owner.Dispose();
    }

    [Fact]
    public async Task KnownTransactionId_IsSkippedInALaterPush()
    {
        var (owner, organisation, secret) = await OrganisationWithSecretAsync();
        using var first = await SendAsync(organisation, Push("push-4", ("tx-1", 5m, null)), secret);
        await BankingApi.WaitForImportAsync(owner, organisation, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);

        using var second = await SendAsync(organisation, Push("push-5", ("tx-1", 5m, null), ("tx-2", 5m, null)), secret);

        var import = await BankingApi.WaitForImportAsync(owner, organisation, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.Equal("processed", import.GetProperty("status").GetString());
        Assert.Equal(1, import.GetProperty("transactionCount").GetInt32());
        Assert.Equal(1, import.GetProperty("skippedTransactionCount").GetInt32());
        Assert.Equal(2, (await BankingApi.ListTransactionsAsync(owner, organisation)).Count);
        owner.Dispose();
    }

    [Fact]
    public async Task InvalidPush_Returns400AndTheFixedRetryIsAccepted()
    {
        var (owner, organisation, secret) = await OrganisationWithSecretAsync();
        var invalid = Encoding.UTF8.GetBytes("""{"id":"push-6","account":{"iban":"BE68539007547034"},"transactions":[{"id":"tx-1","amount":1.234,"bookingDate":"2026-05-04"}]}""");
        var fixedBody = Encoding.UTF8.GetBytes("""{"id":"push-6","account":{"iban":"BE68539007547034"},"transactions":[{"id":"tx-1","amount":1.23,"bookingDate":"2026-05-04"}]}""");

        using var rejected = await SendAsync(organisation, invalid, secret);
        using var accepted = await SendAsync(organisation, fixedBody, secret);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var error = Assert.Single((await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("transactions[0].amount", error.GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        owner.Dispose();
    }

    private async Task<(ApiSession Owner, string Organisation, string Secret)> OrganisationWithSecretAsync()
    {
        var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var secret = "bank-" + Guid.NewGuid().ToString("N") + "-0123456789";

        // The secret store reads settings on every delivery, so a secret set now applies at once.
        var configuration = _fixture.Host.Services.GetRequiredService<IConfiguration>();
        configuration[$"Webhooks:Sources:bank:Organisations:{organisation}:Secret"] = secret;
        return (owner, organisation, secret);
    }

    private async Task<HttpResponseMessage> SendAsync(string organisation, byte[] body, string? secret = null, string? header = null)
    {
        using var client = _fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/webhooks/bank/{organisation}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.HeaderName, header ?? WebhookSignature.CreateHeader(new WebhookSecret(secret!), DateTimeOffset.UtcNow, body));
        return await client.SendAsync(request);
    }

    private static byte[] Push(string id, params (string Id, decimal Amount, string? Structured)[] transactions) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            id,
            account = new { iban = "BE68 5390 0754 7034", currency = "EUR" },
            transactions = transactions.Select(transaction => new
            {
                id = transaction.Id,
                amount = transaction.Amount,
                currency = "EUR",
                bookingDate = "2026-05-04",
                valueDate = "2026-05-04",
                structuredCommunication = transaction.Structured,
                communication = transaction.Structured is null ? "vrije tekst" : null,
                counterparty = new { name = "Klant NV", iban = "BE94735001234514" },
            }),
        });
}
