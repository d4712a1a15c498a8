using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Functions.Tests.Banking;

public sealed class BankMatchingTests : IClassFixture<MatchingHostFixture>
{
    private static readonly DateOnly Day = new(2026, 4, 14);

    private readonly MatchingHostFixture _fixture;

    public BankMatchingTests(MatchingHostFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> Notations() => new()
    {
        { "structured field", "field" },
        { "plus signs", "+++{0}/{1}/{2}+++" },
        { "asterisks", "***{0}/{1}/{2}***" },
        { "slashes only", "betaling {0}/{1}/{2}" },
        { "spaces", "{0} {1} {2} dank u" },
        { "12 digits alone", "ref {0}{1}{2}" },
    };

    [Theory]
    [MemberData(nameof(Notations))]
    public async Task StructuredCommunication_InAnyNotation_IsAllocated(string notation, string format)
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var communication = StructuredCommunication.FromBase(2026000101);
        var invoice = AddInvoice(organisation, "inv-1", "2026-0101", 121m, communication);
        var digits = communication.Digits;
        var movement = format == "field"
            ? new CodaMovement(121m, StructuredCommunication: digits)
            : new CodaMovement(121m, FreeText: string.Format(System.Globalization.CultureInfo.InvariantCulture, format, digits[..3], digits[3..7], digits[7..]));

        var transaction = await ImportOneAsync(owner, organisation, 1, movement);

        var match = transaction.GetProperty("match");
        Assert.True(match.GetProperty("status").GetString() == "matched", $"{notation}: {match}");
        var allocation = Assert.Single(match.GetProperty("allocations").EnumerateArray());
        Assert.Equal(invoice.Id, allocation.GetProperty("invoiceId").GetString());
        Assert.Equal("2026-0101", allocation.GetProperty("number").GetString());
        Assert.Equal(121m, allocation.GetProperty("amount").GetDecimal());
        Assert.True(allocation.GetProperty("automatic").GetBoolean());
        Assert.Equal(0m, match.GetProperty("unallocatedAmount").GetDecimal());
        Assert.Equal(0m, _fixture.Invoices.Get(organisation, invoice.Id).OpenAmount);
        var registration = Assert.Single(_fixture.Invoices.Registered.Values, r => r.OrganisationId == organisation);
        Assert.Equal(transaction.GetProperty("id").GetString(), registration.BankTransactionId);
        Assert.Equal(Day, registration.PaymentDate);
    }

    [Fact]
    public async Task PartialPayment_LeavesTheRestOpen()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var communication = StructuredCommunication.FromBase(2026000102);
        var invoice = AddInvoice(organisation, "inv-2", "2026-0102", 100m, communication);

        var transaction = await ImportOneAsync(owner, organisation, 2, new CodaMovement(60m, StructuredCommunication: communication.Digits));

        var match = transaction.GetProperty("match");
        Assert.Equal("matched", match.GetProperty("status").GetString());
        Assert.Equal(60m, Assert.Single(match.GetProperty("allocations").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal(0m, match.GetProperty("unallocatedAmount").GetDecimal());
        Assert.Equal(40m, _fixture.Invoices.Get(organisation, invoice.Id).OpenAmount);
    }

    [Fact]
    public async Task Overpayment_KeepsTheUnallocatedAmount()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var communication = StructuredCommunication.FromBase(2026000103);
        var invoice = AddInvoice(organisation, "inv-3", "2026-0103", 100m, communication);

        var transaction = await ImportOneAsync(owner, organisation, 3, new CodaMovement(130m, StructuredCommunication: communication.Digits));

        var match = transaction.GetProperty("match");
        Assert.Equal("matched", match.GetProperty("status").GetString());
        Assert.Equal(100m, Assert.Single(match.GetProperty("allocations").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal(30m, match.GetProperty("unallocatedAmount").GetDecimal());
        Assert.Equal(0m, _fixture.Invoices.Get(organisation, invoice.Id).OpenAmount);
    }

    [Fact]
    public async Task CloseCandidate_IsStoredAsSuggestion()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var invoice = AddInvoice(organisation, "inv-4", "2026-0104", 250m, StructuredCommunication.FromBase(2026000104), counterpartyIban: "BE94735001234514");

        var transaction = await ImportOneAsync(owner, organisation, 4, new CodaMovement(250m, FreeText: "voorschot"));

        var match = transaction.GetProperty("match");
        Assert.Equal("suggested", match.GetProperty("status").GetString());
        Assert.Empty(match.GetProperty("allocations").EnumerateArray());
        var suggestion = match.GetProperty("suggestions").EnumerateArray().First();
        Assert.Equal(invoice.Id, suggestion.GetProperty("invoiceId").GetString());
        Assert.Equal("2026-0104", suggestion.GetProperty("number").GetString());
        Assert.True(suggestion.GetProperty("score").GetInt32() >= 25);
        var reasons = suggestion.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()).ToList();
        Assert.Contains("amountEqual", reasons);
        Assert.Contains("ibanEqual", reasons);
        Assert.Equal(250m, _fixture.Invoices.Get(organisation, invoice.Id).OpenAmount);
        Assert.Contains(await BankingApi.ListTransactionsAsync(owner, organisation, "suggested"), listed => listed.GetProperty("id").GetString() == transaction.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Split_OverTwoInvoicesByHand_PaysBoth()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var first = AddInvoice(organisation, "inv-5", "2026-0105", 100m, StructuredCommunication.FromBase(2026000105));
        var second = AddInvoice(organisation, "inv-6", "2026-0106", 80m, StructuredCommunication.FromBase(2026000106));
        var transaction = await ImportOneAsync(owner, organisation, 5, new CodaMovement(150m, FreeText: "facturen maart"));
        var id = transaction.GetProperty("id").GetString();

        using var response = await owner.Client.PostAsJsonAsync(
            $"api/orgs/{organisation}/bank-transactions/{id}/matches",
            new { allocations = new[] { new { invoiceId = first.Id, amount = 100m }, new { invoiceId = second.Id, amount = 50m } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("match");
        Assert.Equal("matched", match.GetProperty("status").GetString());
        var allocations = match.GetProperty("allocations").EnumerateArray().ToList();
        Assert.Equal([first.Id, second.Id], allocations.Select(a => a.GetProperty("invoiceId").GetString()));
        Assert.Single(allocations.Select(a => a.GetProperty("matchId").GetString()).Distinct());
        Assert.All(allocations, allocation => Assert.False(allocation.GetProperty("automatic").GetBoolean()));
        Assert.Equal(0m, match.GetProperty("unallocatedAmount").GetDecimal());
        Assert.Equal(0m, _fixture.Invoices.Get(organisation, first.Id).OpenAmount);
        Assert.Equal(30m, _fixture.Invoices.Get(organisation, second.Id).OpenAmount);
    }

    [Fact]
    public async Task ManualAllocation_AboveWhatIsLeft_IsRejected()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var invoice = AddInvoice(organisation, "inv-7", "2026-0107", 500m, StructuredCommunication.FromBase(2026000107));
        var transaction = await ImportOneAsync(owner, organisation, 6, new CodaMovement(40m, FreeText: "deel"));

        using var response = await owner.Client.PostAsJsonAsync(
            $"api/orgs/{organisation}/bank-transactions/{transaction.GetProperty("id").GetString()}/matches",
            new { allocations = new[] { new { invoiceId = invoice.Id, amount = 60m } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("banking.allocation.exceeds-payment", error.GetProperty("code").GetString());
        Assert.Equal(500m, _fixture.Invoices.Get(organisation, invoice.Id).OpenAmount);
    }

    [Fact]
    public async Task Undo_ReopensTheInvoice()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var communication = StructuredCommunication.FromBase(2026000108);
        var invoice = AddInvoice(organisation, "inv-8", "2026-0108", 75m, communication);
        var transaction = await ImportOneAsync(owner, organisation, 7, new CodaMovement(75m, StructuredCommunication: communication.Digits));
        var matchId = Assert.Single(transaction.GetProperty("match").GetProperty("allocations").EnumerateArray()).GetProperty("matchId").GetString();

        using var response = await owner.Client.DeleteAsync($"api/orgs/{organisation}/bank-transactions/{transaction.GetProperty("id").GetString()}/matches/{matchId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("match");
        Assert.NotEqual("matched", match.GetProperty("status").GetString());
        Assert.Empty(match.GetProperty("allocations").EnumerateArray());
        Assert.Equal(75m, match.GetProperty("unallocatedAmount").GetDecimal());
        Assert.Equal(75m, _fixture.Invoices.Get(organisation, invoice.Id).OpenAmount);
        Assert.DoesNotContain(_fixture.Invoices.Registered.Values, registration => registration.OrganisationId == organisation);
        using var again = await owner.Client.DeleteAsync($"api/orgs/{organisation}/bank-transactions/{transaction.GetProperty("id").GetString()}/matches/{matchId}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    private OpenItem AddInvoice(string organisation, string id, string number, decimal amount, StructuredCommunication communication, string? counterpartyIban = null)
    {
        var item = new OpenItem(
            id,
            OpenItemKind.SalesInvoice,
            number,
            communication,
            null,
            amount,
            "EUR",
            "Klant NV",
            counterpartyIban is null ? null : Iban.Parse(counterpartyIban),
            Day.AddDays(-10));
        _fixture.Invoices.Add(organisation, item);
        return item;
    }

    private static async Task<JsonElement> ImportOneAsync(Testing.ApiSession owner, string organisation, int sequence, CodaMovement movement)
    {
        var importId = await BankingApi.UploadAcceptedAsync(owner, organisation, CodaFile.Build(sequence, Day, 0m, [movement]));
        var import = await BankingApi.WaitForMatchingAsync(owner, organisation, importId);
        return Assert.Single(import.GetProperty("transactions").EnumerateArray());
    }
}
