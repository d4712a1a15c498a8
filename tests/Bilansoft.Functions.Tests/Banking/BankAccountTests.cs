using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Banking;

public sealed class BankAccountTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public BankAccountTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task List_AddsTheOrganisationIban()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync("Gent BV");

        var first = await owner.Client.GetFromJsonAsync<JsonElement[]>($"api/orgs/{organisation}/bank-accounts") ?? [];
        var second = await owner.Client.GetFromJsonAsync<JsonElement[]>($"api/orgs/{organisation}/bank-accounts") ?? [];

        var account = Assert.Single(first);
        Assert.Equal("BE68 5390 0754 7034", account.GetProperty("iban").GetString());
        Assert.Equal("GKCCBEBB", account.GetProperty("bic").GetString());
        Assert.Equal("Gent BV", account.GetProperty("name").GetString());
        Assert.Equal("EUR", account.GetProperty("currency").GetString());
        Assert.Equal(account.GetProperty("id").GetString(), Assert.Single(second).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Create_ReturnsTheAccountWithLocation()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/bank-accounts", new { iban = "be94 7350 0123 4514", name = "Spaarrekening", bic = "KREDBEBB" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("BE94 7350 0123 4514", account.GetProperty("iban").GetString());
        Assert.Equal($"/api/orgs/{organisation}/bank-accounts/{account.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Create_InvalidInput_ReturnsEveryViolation()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/bank-accounts", new { iban = "BE00 1234", bic = "X", currency = "euro" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(error => error.GetProperty("path").GetString()).ToList();
        Assert.Equal(["bic", "currency", "iban", "name"], paths.Order());
    }

    [Fact]
    public async Task Create_SameIbanTwice_Returns409()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await BankingApi.AddAccountAsync(owner, organisation, "BE94735001234514");

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/bank-accounts", new { iban = "BE94 7350 0123 4514", name = "Nog eens" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("bank-account-exists", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_ChangesNameButNotIban()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var id = await BankingApi.AddAccountAsync(owner, organisation, "BE94735001234514");

        using var renamed = await owner.Client.PutAsJsonAsync($"api/orgs/{organisation}/bank-accounts/{id}", new { name = "Beleggingen", iban = "BE94735001234514" });
        using var moved = await owner.Client.PutAsJsonAsync($"api/orgs/{organisation}/bank-accounts/{id}", new { name = "Beleggingen", iban = "BE68539007547034" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Beleggingen", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        var error = Assert.Single((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("bank-account-iban-immutable", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_WithStaleETag_Returns412()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var id = await BankingApi.AddAccountAsync(owner, organisation, "BE94735001234514");
        using var read = await owner.Client.GetAsync($"api/orgs/{organisation}/bank-accounts/{id}");
        var etag = read.Headers.GetValues("ETag").Single();
        using var first = await PutAsync(owner, organisation, id, "Eerste", etag);

        using var second = await PutAsync(owner, organisation, id, "Tweede", etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
    }

    [Fact]
    public async Task Delete_AccountWithoutStatements_Returns204()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var id = await BankingApi.AddAccountAsync(owner, organisation, "BE94735001234514");

        using var response = await owner.Client.DeleteAsync($"api/orgs/{organisation}/bank-accounts/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var deleted = await owner.Client.GetAsync($"api/orgs/{organisation}/bank-accounts/{id}");
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task Delete_AccountWithStatements_Returns409()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var id = await BankingApi.AddAccountAsync(owner, organisation, "BE94735001234514");
        await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(1, new DateOnly(2026, 5, 4), 0m, [new CodaMovement(10m, FreeText: "een")], iban: "BE94735001234514"));

        using var response = await owner.Client.DeleteAsync($"api/orgs/{organisation}/bank-accounts/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("bank-account-has-statements", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Delete_OrganisationIban_Returns409()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var own = Assert.Single(await owner.Client.GetFromJsonAsync<JsonElement[]>($"api/orgs/{organisation}/bank-accounts") ?? []);

        using var response = await owner.Client.DeleteAsync($"api/orgs/{organisation}/bank-accounts/{own.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("bank-account-is-organisation-iban", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task<HttpResponseMessage> PutAsync(ApiSession session, string organisation, string id, string name, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/orgs/{organisation}/bank-accounts/{id}") { Content = JsonContent.Create(new { name }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await session.Client.SendAsync(request);
    }
}
