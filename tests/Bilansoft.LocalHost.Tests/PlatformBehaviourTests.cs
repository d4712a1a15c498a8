using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilansoft.LocalHost.Tests;

/// <summary>
/// Cross-cutting behaviour of the app's worker middleware, observed over HTTP on the local host:
/// problem details, localisation, correlation ids and health.
/// </summary>
public sealed class PlatformBehaviourTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public PlatformBehaviourTests(AzuriteFixture storage) => _storage = storage;

    [Theory]
    [InlineData(null, "nl", "Onbekend adres")]
    [InlineData("fr-BE,fr;q=0.9", "fr", "Adresse inconnue")]
    [InlineData("en-GB", "en", "Unknown route")]
    [InlineData("de", "de", "Unbekannte Adresse")]
    [InlineData("es, de;q=0.5", "de", "Unbekannte Adresse")] // Spanish is not supported; German is next
    [InlineData("ja", "nl", "Onbekend adres")] // nothing supported: Dutch
    public async Task UnknownRoute_Returns404ProblemInRequestedLanguage(string? acceptLanguage, string language, string title)
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/does-not-exist");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("route-not-found", problem.GetProperty("code").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("/api/does-not-exist", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MalformedJson_Returns400WithPosition()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        var json = "{\n  \"name\": \"Acme\",\n  \"amount\": 12,5\n}";

        using var response = await client.PostAsync("api/probe/echo", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("malformed-json", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("regel 3, positie 16", detail); // the stray '5' after "12,"
    }

    [Fact]
    public async Task WrongJsonType_Returns400NamingThePath()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/probe/echo")
        {
            Content = new StringContent("{\"name\": \"Acme\", \"amount\": \"twelve\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept-Language", "en");

        using var response = await client.SendAsync(request);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("json-value-invalid", problem.GetProperty("code").GetString());
        Assert.Equal("The value at '$.amount' is not of the expected type: number. Correct that value and send the request again.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("", "missing-body", HttpStatusCode.BadRequest)]
    [InlineData("name=x", "unsupported-media-type", HttpStatusCode.UnsupportedMediaType)]
    public async Task UnreadableBody_ReturnsProblem(string body, string code, HttpStatusCode status)
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();
        var mediaType = body.Length == 0 ? "application/json" : "application/x-www-form-urlencoded";

        using var response = await client.PostAsync("api/probe/echo", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ValidJson_ReachesTheFunction()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();

        var echoed = await (await client.PostAsJsonAsync("api/probe/echo", new { name = "Café Ωmega", amount = 1234.5678m }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Café Ωmega", echoed.GetProperty("name").GetString());
        Assert.Equal(1234.5678m, echoed.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task UnhandledException_Returns500WithCorrelationIdAndNoInternals()
    {
        var logs = new LogCapture();
        await using var host = await StartAsync(logs);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("api/probe/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        var correlationId = problem.GetProperty("correlationId").GetString()!;
        Assert.Equal("internal-error", problem.GetProperty("code").GetString());
        Assert.Contains(correlationId, problem.GetProperty("detail").GetString());
        Assert.Equal(correlationId, response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.DoesNotContain("AccountKey", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
        var logged = Assert.Single(logs.Logs, l => l.Level == LogLevel.Error && l.Exception is InvalidOperationException);
        Assert.Equal(correlationId, logged.Scope["CorrelationId"]);
    }

    [Fact]
    public async Task CorrelationId_FromHeader_IsOnEveryLogLineOfRequestAndQueuedStep()
    {
        var logs = new LogCapture();
        await using var host = await StartAsync(logs);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/probe/publish");
        request.Headers.Add("X-Correlation-Id", "trace-4711");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("trace-4711", response.Headers.GetValues("X-Correlation-Id").Single());
        await Eventually.TrueAsync(
            async () => (await ProbeFunctions.ReadAsync(host.Services.GetRequiredService<StorageClients>(), "ProbeLoggedStep")).Count == 1,
            "the queued step");
        var appLines = logs.Logs.Where(l => l.Category.StartsWith("Bilansoft.LocalHost.Tests.ProbeFunctions", StringComparison.Ordinal)).ToList();
        Assert.Contains(appLines, l => l.Message.StartsWith("Publishing", StringComparison.Ordinal));
        Assert.Contains(appLines, l => l.Message.StartsWith("Handling", StringComparison.Ordinal));
        Assert.All(appLines, line => Assert.Equal("trace-4711", line.Scope.GetValueOrDefault("CorrelationId")));
    }

    [Fact]
    public async Task Health_Returns200WithStorageState()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        foreach (var service in new[] { "tables", "blobs", "queues" })
        {
            Assert.Equal("healthy", health.GetProperty("storage").GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Health_Returns503WhenStorageIsDown()
    {
        var ownStorage = new AzuriteFixture();
        await ownStorage.InitializeAsync();
        await using var host = await TestHost.StartAsync(ownStorage, AzuriteFixture.NewTablePrefix());
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/health")).StatusCode);

        await ownStorage.DisposeAsync();
        using var response = await client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("unhealthy", health.GetProperty("storage").GetProperty("tables").GetProperty("status").GetString());
    }

    private Task<Hosting.LocalHostApp> StartAsync(LogCapture? logs = null) =>
        TestHost.StartAsync(_storage, AzuriteFixture.NewTablePrefix(), logs, functionTypes: [typeof(ProbeFunctions)]);
}
