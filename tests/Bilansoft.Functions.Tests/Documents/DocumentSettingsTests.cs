using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Documents;

public sealed class DocumentSettingsTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public DocumentSettingsTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Settings_StartWithTheDefaults()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        var settings = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/settings/documents");

        Assert.Equal("business", settings.GetProperty("template").GetString());
        Assert.Equal("left", settings.GetProperty("addressWindow").GetString());
        Assert.Equal("#1F3A5F", settings.GetProperty("primaryColor").GetString());
        Assert.True(settings.GetProperty("elements").GetProperty("paymentQrCode").GetBoolean());
        Assert.False(settings.TryGetProperty("letterhead", out _));
    }

    [Fact]
    public async Task Update_StoresStyleAndChecksETag()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var body = new { template = "colourful", primaryColor = "#0a7f5a", accentColor = "E4572E", addressWindow = "right", elements = new { paymentQrCode = false } };

        using var updated = await owner.Client.PutAsJsonAsync($"api/orgs/{organisation}/settings/documents", body);
        using var stale = await PutWithIfMatchAsync(owner, $"api/orgs/{organisation}/settings/documents", body, "\"stale\"");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var settings = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/settings/documents");
        Assert.Equal("colourful", settings.GetProperty("template").GetString());
        Assert.Equal("#0A7F5A", settings.GetProperty("primaryColor").GetString());
        Assert.Equal("#E4572E", settings.GetProperty("accentColor").GetString());
        Assert.Equal("right", settings.GetProperty("addressWindow").GetString());
        Assert.False(settings.GetProperty("elements").GetProperty("paymentQrCode").GetBoolean());
        Assert.True(settings.GetProperty("elements").GetProperty("logo").GetBoolean());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Update_WithInvalidValues_ReportsEveryField()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var response = await owner.Client.PutAsJsonAsync($"api/orgs/{organisation}/settings/documents", new { template = "baroque", primaryColor = "blue", addressWindow = "middle" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["template", "addressWindow", "primaryColor"], paths);
    }

    [Fact]
    public async Task Letterhead_IsCheckedStoredAndRemoved()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        var letterhead = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/invoices/{invoice.GetProperty("id").GetString()}/pdf");

        using var notPdf = await PutPdfAsync(owner, organisation, "%PDF-1.7 this is not a PDF"u8.ToArray());
        using var stored = await PutPdfAsync(owner, organisation, letterhead);
        var settings = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/settings/documents");
        var downloaded = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/settings/documents/letterhead");
        var (_, second) = await SalesScenario.IssueInvoiceAsync(owner, organisation);
        using var withLetterhead = await owner.Client.GetAsync($"api/orgs/{organisation}/invoices/{second.GetProperty("id").GetString()}/pdf");
        using var removed = await owner.Client.DeleteAsync($"api/orgs/{organisation}/settings/documents/letterhead");
        using var gone = await owner.Client.GetAsync($"api/orgs/{organisation}/settings/documents/letterhead");

        Assert.Equal(HttpStatusCode.BadRequest, notPdf.StatusCode);
        Assert.Equal("letterhead-invalid", (await notPdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(letterhead.Length, settings.GetProperty("letterhead").GetProperty("bytes").GetInt64());
        Assert.Equal(1, settings.GetProperty("letterhead").GetProperty("pages").GetInt32());
        Assert.Equal(letterhead, downloaded);
        Assert.Equal(HttpStatusCode.OK, withLetterhead.StatusCode);
        Assert.Contains(second.GetProperty("number").GetString()!, DocumentFiles.PdfText(await withLetterhead.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Letterhead_AboveTheLimit_Returns413()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var response = await PutPdfAsync(owner, organisation, new byte[(2 * 1024 * 1024) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PutPdfAsync(ApiSession session, string organisation, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await session.Client.PutAsync($"api/orgs/{organisation}/settings/documents/letterhead", body);
    }

    private static async Task<HttpResponseMessage> PutWithIfMatchAsync(ApiSession session, string path, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await session.Client.SendAsync(request);
    }
}
