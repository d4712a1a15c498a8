using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Sales;

/// <summary>The customer contract the web frontend relies on: <c>{name, vatNumber?, email?, language?, address?}</c>.</summary>
public sealed class CustomerContractTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public CustomerContractTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Customer_WithNameOnly_IsCreated()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/customers", new { name = "Snel Klant" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Snel Klant", customer.GetProperty("name").GetString());
        Assert.False(customer.TryGetProperty("address", out var address) && address.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Customer_AcceptsAddressAsTheInvoiceAddress()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/customers", new
        {
            name = "Adres BV",
            vatNumber = "BE0428759497",
            email = "boekhouding@adres.example",
            language = "fr",
            address = new { street = "Rue Neuve 5", postalCode = "1000", city = "Bruxelles", country = "BE" },
        });

        var customer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Rue Neuve 5", customer.GetProperty("invoiceAddress").GetProperty("street").GetString());
        Assert.Equal("Rue Neuve 5", customer.GetProperty("address").GetProperty("street").GetString());
        Assert.Equal("BE 0428.759.497", customer.GetProperty("vatNumber").GetString());
    }

    [Fact]
    public async Task Invoice_CustomerWithoutAddress_Rejected()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        using var created = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/customers", new { name = "Zonder Adres" });
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices", new
        {
            customerId,
            lines = new[] { new { description = "Advies", quantity = 1, unitPrice = 100, vatRate = 21 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("customerId", error.GetProperty("path").GetString());
        Assert.Equal("customer.address-missing", error.GetProperty("code").GetString());
        Assert.Contains("Zonder Adres", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Invoice_LineValueOfWrongType_NamesPathAndExpectedKind()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orgs/{organisation}/invoices")
        {
            Content = new StringContent("{\"customerId\":\"x\",\"lines\":[{\"description\":\"Advies\",\"quantity\":\"two\",\"unitPrice\":100,\"vatRate\":21}]}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept-Language", "en");

        using var response = await owner.Client.SendAsync(request);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("json-value-invalid", problem.GetProperty("code").GetString());
        Assert.Contains("'$.lines[0].quantity'", problem.GetProperty("detail").GetString());
        Assert.Contains("expected type: number", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Forbidden_NamesThePermissionInTheLanguage()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        using var accountant = await _fixture.SignInAsync();
        await AddMemberAsync(organisation, accountant.UserId, Application.Identity.Role.Accountant);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orgs/{organisation}/customers") { Content = JsonContent.Create(new { name = "X" }) };
        request.Headers.Add("Accept-Language", "en");

        using var response = await accountant.Client.SendAsync(request);

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Your role in this organisation does not allow this: change customers, products and text snippets. Ask an owner or administrator for another role.", problem.GetProperty("detail").GetString());
    }

    private async Task AddMemberAsync(string organisation, string userId, Application.Identity.Role role)
    {
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Application.Organisations.IOrganisationStore>(_fixture.Host.Services);
        var now = DateTimeOffset.UtcNow;
        await store.ChangeMembersAsync(
            organisation,
            new Application.Organisations.MemberChange(new Application.Organisations.Member(userId, null, null, role, now), null, null, []),
            Application.Organisations.Audit.Entry(new Application.Identity.Caller("test-arrangement", null, null), now, "member.joined", "member", userId),
            CancellationToken.None);
    }
}
