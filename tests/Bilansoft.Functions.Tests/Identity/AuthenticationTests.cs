using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bilansoft.Functions.Identity;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Bilansoft.Functions.Tests.Identity;

public sealed class AuthenticationTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public AuthenticationTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task NoToken_Returns401Problem()
    {
        using var client = _fixture.Host.CreateClient();

        using var response = await client.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.Contains("geen token", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "verlopen" },
        { "not-yet-valid", "nog niet geldig" },
        { "wrong-key", "handtekening" },
        { "unsigned", "niet ondertekend" },
        { "wrong-audience", "andere toepassing" },
        { "wrong-issuer", "onbekende uitgever" },
        { "malformed", "geen geldige JWT" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_Returns401WithReason(string kind, string reason)
    {
        using var client = _fixture.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CreateBadToken(kind));

        using var response = await client.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidToken_CreatesUserFromClaims()
    {
        using var session = await _fixture.SignInAsync(name: "Anna Peeters", email: "anna@example.be");

        var me = await session.Client.GetFromJsonAsync<JsonElement>("api/me");

        Assert.Equal(session.UserId, me.GetProperty("userId").GetString());
        Assert.Equal("Anna Peeters", me.GetProperty("name").GetString());
        Assert.Equal("anna@example.be", me.GetProperty("email").GetString());
        Assert.Equal(0, me.GetProperty("organisations").GetArrayLength());
    }

    [Fact]
    public async Task DevToken_RejectsMissingSubject()
    {
        using var client = _fixture.Host.CreateClient();

        using var response = await client.PostAsJsonAsync("api/dev/token", new { name = "No Subject" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("subject", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task DevToken_DoesNotExistOutsideDevelopment()
    {
        await using var host = await Bilansoft.LocalHost.Hosting.LocalHostApp.StartAsync(
            new Bilansoft.LocalHost.Hosting.LocalHostStartOptions
            {
                EnvironmentName = "Production",
                Settings = new Dictionary<string, string?>
                {
                    ["urls"] = "http://127.0.0.1:0",
                    ["Storage"] = _fixture.Storage.ConnectionString,
                    ["Storage:tablePrefix"] = AzuriteFixture.NewTablePrefix(),
                    ["LocalHost:TimersEnabled"] = "false",
                },
            },
            CancellationToken.None);
        using var client = host.CreateClient();

        using var tokenResponse = await client.PostAsJsonAsync("api/dev/token", new { subject = "mallory" });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CreateBadToken("valid"));
        using var meResponse = await client.GetAsync("api/me");

        Assert.Null(host.Services.GetService<DevelopmentTokenIssuer>());
        Assert.Equal(HttpStatusCode.NotFound, tokenResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, meResponse.StatusCode);
    }

    private string CreateBadToken(string kind)
    {
        var issuer = _fixture.Host.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("name", "Mallory")]),
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            Expires = now.AddHours(1),
        };

        switch (kind)
        {
            case "valid":
                return issuer.CreateToken(descriptor);
            case "expired":
                descriptor.NotBefore = now.AddHours(-3);
                descriptor.IssuedAt = now.AddHours(-3);
                descriptor.Expires = now.AddHours(-2);
                return issuer.CreateToken(descriptor);
            case "not-yet-valid":
                descriptor.NotBefore = now.AddHours(2);
                descriptor.IssuedAt = now;
                descriptor.Expires = now.AddHours(3);
                return issuer.CreateToken(descriptor);
            case "wrong-key":
                using (var other = RSA.Create(2048))
                {
                    descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(other.ExportParameters(true)), SecurityAlgorithms.RsaSha256);
                    return issuer.CreateToken(descriptor);
                }

            case "unsigned":
                var payload = issuer.CreateToken(descriptor).Split('.')[1];
                return $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}.";
            case "wrong-audience":
                descriptor.Audience = "api://someone-else";
                return issuer.CreateToken(descriptor);
            case "wrong-issuer":
                descriptor.Issuer = "https://login.example.invalid/";
                return issuer.CreateToken(descriptor);
            case "malformed":
                return "not.a-jwt";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown token kind.");
        }
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
