using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Identity;

public sealed partial class IdempotencyTests : IClassFixture<HostFixture>
{
    // POST routes with their own protection against duplicates.
    private static readonly HashSet<string> Exempt = new(StringComparer.Ordinal) { "CreateDevToken" };

    private readonly HostFixture _fixture;

    public IdempotencyTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task RetriedPost_ReturnsFirstResponseAndCreatesOnce()
    {
        using var owner = await _fixture.SignInAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(owner, "api/orgs", new { name = "Once BV" }, key);
        using var retry = await PostAsync(owner, "api/orgs", new { name = "Once BV" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(IdempotentRequests.ReplayedHeader).Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Single(await owner.Client.GetFromJsonAsync<JsonElement[]>("api/orgs") ?? []);
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_IsRejected()
    {
        using var owner = await _fixture.SignInAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(owner, "api/orgs", new { name = "First" }, key);

        using var other = await PostAsync(owner, "api/orgs", new { name = "Second" }, key);

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(IdempotentRequests.KeyReusedCode, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Single(await owner.Client.GetFromJsonAsync<JsonElement[]>("api/orgs") ?? []);
    }

    [Fact]
    public async Task FailedRequest_IsNotStored_SoTheRetryRuns()
    {
        using var owner = await _fixture.SignInAsync();
        var key = Guid.NewGuid().ToString();
        using var invalid = await PostAsync(owner, "api/orgs", new { name = "Retry BV", iban = "BE00" }, key);
        using var sameInvalid = await PostAsync(owner, "api/orgs", new { name = "Retry BV", iban = "BE00" }, key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sameInvalid.StatusCode);
        Assert.False(sameInvalid.Headers.Contains(IdempotentRequests.ReplayedHeader));
    }

    [Fact]
    public async Task SameKey_OfAnotherUser_IsIndependent()
    {
        using var alice = await _fixture.SignInAsync();
        using var bob = await _fixture.SignInAsync();
        var key = "shared-key-1";

        using var aliceResponse = await PostAsync(alice, "api/orgs", new { name = "Alice" }, key);
        using var bobResponse = await PostAsync(bob, "api/orgs", new { name = "Bob" }, key);

        Assert.Equal(HttpStatusCode.Created, bobResponse.StatusCode);
        Assert.False(bobResponse.Headers.Contains(IdempotentRequests.ReplayedHeader));
        Assert.Equal("Bob", (await bobResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
    }

    public static TheoryData<string> PostRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var function in FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly).Functions)
        {
            if (function.Trigger == TriggerKind.Http && function.HttpMethods!.Contains("post") && !Exempt.Contains(function.Name)
                && !function.Route!.StartsWith("webhooks/", StringComparison.Ordinal) && function.Name != "RouteNotFound")
            {
                data.Add(function.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task EveryPost_HonoursTheIdempotencyKey(string functionName)
    {
        var function = FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly).Find(functionName)!;
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var path = "api/" + RouteParameter().Replace(function.Route!, match => match.Groups["name"].Value == "orgId" ? organisation : "0123456789abcdef0123456789abcdef");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add(IdempotentRequests.HeaderName, new string('k', 300));

        using var response = await owner.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(IdempotentRequests.InvalidKeyCode, StringComparison.Ordinal), $"{functionName} ignored the Idempotency-Key header: {(int)response.StatusCode} {body}");
    }

    private static async Task<HttpResponseMessage> PostAsync(ApiSession session, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotentRequests.HeaderName, key);
        return await session.Client.SendAsync(request);
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
