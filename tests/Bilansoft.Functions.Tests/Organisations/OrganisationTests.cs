using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Organisations;

public sealed class OrganisationTests : IClassFixture<HostFixture>
{
    // A 1x1 PNG: signature, IHDR, IDAT and IEND chunks.
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly HostFixture _fixture;

    public OrganisationTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Create_StoresNormalisedIdentifiersAndPrintsThemFormatted()
    {
        using var owner = await _fixture.SignInAsync();

        using var response = await owner.Client.PostAsJsonAsync("api/orgs", new
        {
            name = "Studio Noord",
            legalForm = "BV",
            enterpriseNumber = "0123456749",
            vatNumber = "be 0123.456.749",
            iban = "be68539007547034",
            bic = "gkccbebb",
            address = new { street = "Veldstraat 10", postalCode = "9000", city = "Gent", country = "be" },
            email = "hallo@studionoord.example",
            language = "fr",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var organisation = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = organisation.GetProperty("id").GetString()!;
        Assert.Equal($"/api/orgs/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("0123.456.749", organisation.GetProperty("enterpriseNumber").GetString());
        Assert.Equal("BE 0123.456.749", organisation.GetProperty("vatNumber").GetString());
        Assert.Equal("BE68 5390 0754 7034", organisation.GetProperty("iban").GetString());
        Assert.Equal("GKCCBEBB", organisation.GetProperty("bic").GetString());
        Assert.Equal("BE", organisation.GetProperty("address").GetProperty("country").GetString());
        Assert.Equal("fr", organisation.GetProperty("language").GetString());
        Assert.Equal("owner", organisation.GetProperty("role").GetString());
    }

    [Fact]
    public async Task List_ShowsOnlyMyOrganisationsWithRole()
    {
        using var alice = await _fixture.SignInAsync();
        using var bob = await _fixture.SignInAsync();
        var aliceOrganisation = await alice.CreateOrganisationAsync("Alice Consulting");
        await bob.CreateOrganisationAsync("Bob Bouw");

        var mine = await alice.Client.GetFromJsonAsync<JsonElement>("api/orgs");

        var only = Assert.Single(mine.EnumerateArray());
        Assert.Equal(aliceOrganisation, only.GetProperty("id").GetString());
        Assert.Equal("Alice Consulting", only.GetProperty("name").GetString());
        Assert.Equal("owner", only.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Create_RejectsEveryInvalidFieldAtOnce()
    {
        using var owner = await _fixture.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orgs")
        {
            Content = JsonContent.Create(new
            {
                name = "",
                enterpriseNumber = "0123.456.748",
                vatNumber = "NL123",
                iban = "BE68 5390 0754 7035",
                bic = "GKCC",
                email = "not-an-address",
                language = "es",
                address = new { street = "Rue 1", postalCode = "1000", city = "Bruxelles", country = "Belgium" },
            }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        using var response = await owner.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal(["address.country", "bic", "email", "enterpriseNumber", "iban", "language", "name", "vatNumber"], errors.Keys.Order());
        Assert.Contains("check digits", errors["enterpriseNumber"]);
        Assert.Contains("check digits", errors["iban"]);
        Assert.Contains("'es'", errors["language"]);
        Assert.Empty(await owner.Client.GetFromJsonAsync<JsonElement[]>("api/orgs") ?? []);
    }

    [Fact]
    public async Task Create_RejectsVatNumberOfAnotherEnterprise()
    {
        using var owner = await _fixture.SignInAsync();

        using var response = await owner.Client.PostAsJsonAsync("api/orgs", new { name = "Mix", enterpriseNumber = "0123.456.749", vatNumber = "BE0428759497" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("vat-number-enterprise-number-mismatch", problem.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Update_WithStaleETag_Returns412AndChangesNothing()
    {
        using var owner = await _fixture.SignInAsync();
        var id = await owner.CreateOrganisationAsync("Before");
        using var first = await owner.Client.GetAsync($"api/orgs/{id}");
        var etag = first.Headers.ETag!;
        using var update = new HttpRequestMessage(HttpMethod.Put, $"api/orgs/{id}") { Content = JsonContent.Create(new { name = "After" }) };
        update.Headers.IfMatch.Add(etag);
        using var updated = await owner.Client.SendAsync(update);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"api/orgs/{id}") { Content = JsonContent.Create(new { name = "Lost update" }) };
        stale.Headers.IfMatch.Add(etag);
        using var rejected = await owner.Client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        var current = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{id}");
        Assert.Equal("After", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task OtherUser_GetsSame404AsForMissingOrganisation()
    {
        using var owner = await _fixture.SignInAsync();
        using var stranger = await _fixture.SignInAsync();
        var id = await owner.CreateOrganisationAsync();

        using var foreign = await stranger.Client.GetAsync($"api/orgs/{id}");
        using var missing = await stranger.Client.GetAsync($"api/orgs/{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var foreignProblem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
        var missingProblem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("organisation", foreignProblem.GetProperty("resource").GetString());
        Assert.Equal(missingProblem.GetProperty("title").GetString(), foreignProblem.GetProperty("title").GetString());
        Assert.DoesNotContain("Acme", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logo_AcceptsPngAndServesItBack()
    {
        using var owner = await _fixture.SignInAsync();
        var id = await owner.CreateOrganisationAsync();

        using var upload = await owner.Client.PutAsync($"api/orgs/{id}/logo", new ByteArrayContent(TinyPng));
        using var download = await owner.Client.GetAsync($"api/orgs/{id}/logo");

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.True((await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hasLogo").GetBoolean());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TinyPng, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Logo_RejectsNonImagesAndOversizeFiles()
    {
        using var owner = await _fixture.SignInAsync();
        var id = await owner.CreateOrganisationAsync();
        var script = new ByteArrayContent("<svg onload='alert(1)'></svg>"u8.ToArray());
        script.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var notAnImage = await owner.Client.PutAsync($"api/orgs/{id}/logo", script);
        using var tooLarge = await owner.Client.PutAsync($"api/orgs/{id}/logo", new ByteArrayContent([.. TinyPng, .. new byte[2 * 1024 * 1024]]));

        Assert.Equal(HttpStatusCode.BadRequest, notAnImage.StatusCode);
        Assert.Equal("logo-invalid", (await notAnImage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"api/orgs/{id}/logo")).StatusCode);
    }

    [Fact]
    public async Task Close_HidesTheOrganisationFromItsMembers()
    {
        using var owner = await _fixture.SignInAsync();
        var id = await owner.CreateOrganisationAsync();

        using var closed = await owner.Client.DeleteAsync($"api/orgs/{id}");

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"api/orgs/{id}")).StatusCode);
        Assert.Empty(await owner.Client.GetFromJsonAsync<JsonElement[]>("api/orgs") ?? []);
    }

    [Fact]
    public async Task Audit_RecordsProfileChangesForOwners()
    {
        using var owner = await _fixture.SignInAsync(name: "Olivia Owner");
        var id = await owner.CreateOrganisationAsync("Audit BV");
        await owner.Client.PutAsJsonAsync($"api/orgs/{id}", new { name = "Audit BV", iban = "BE11 0001 2345 6748" });

        var audit = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{id}/audit");

        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["organisation.updated", "organisation.created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(owner.UserId, entries[0].GetProperty("actorUserId").GetString());
        Assert.Equal("Olivia Owner", entries[0].GetProperty("actorName").GetString());
        Assert.Equal("BE11000123456748", entries[0].GetProperty("details").GetProperty("iban").GetString());
    }
}
