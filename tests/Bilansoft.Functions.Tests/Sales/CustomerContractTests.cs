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
}
