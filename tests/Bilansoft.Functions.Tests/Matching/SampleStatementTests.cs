using System.Text.Json;
using Bilansoft.Functions.Tests.Banking;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Matching;

/// <summary>
/// The walk-through of the README on a real KBC statement: open invoices imported from a CSV file
/// are paid by the statement's transfer that quotes their structured communication.
/// </summary>
public sealed class SampleStatementTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public SampleStatementTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task PartialPayment_LeavesTheRestDue_AndSecondUploadFails()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await MatchingApi.CreateOrganisationAsync(owner, MatchingApi.SampleIban);
        var imported = await MatchingApi.ImportCsvAcceptedAsync(owner, organisation, Csv("4.000,00"));
        var paidId = InvoiceId(imported, "VF-2011-0457");
        var unrelatedId = InvoiceId(imported, "VF-2011-0461");
        var file = await File.ReadAllBytesAsync(BankingApi.SamplePath("noviat-kbc-2012.coda.txt"));

        var import = await MatchingApi.ImportAndMatchAsync(owner, organisation, file, "&validation=lenient");
        var again = await BankingApi.ImportAsync(owner, organisation, file, "kbc.cod", "&validation=lenient");

        Assert.Equal(2, imported.GetProperty("created").GetInt32());
        Assert.Equal(("partiallyPaid", 955.55m), await MatchingApi.StateAsync(owner, organisation, paidId));
        Assert.Equal(("issued", 1250.00m), await MatchingApi.StateAsync(owner, organisation, unrelatedId));
        var transaction = MatchingApi.TransactionWith(import, MatchingApi.SampleCommunication);
        Assert.Equal(3044.45m, transaction.GetProperty("amount").GetDecimal());
        var match = transaction.GetProperty("match");
        Assert.Equal("matched", match.GetProperty("status").GetString());
        Assert.Equal(0m, match.GetProperty("unallocatedAmount").GetDecimal());
        var allocation = Assert.Single(match.GetProperty("allocations").EnumerateArray());
        Assert.Equal(paidId, allocation.GetProperty("invoiceId").GetString());
        Assert.Equal("VF-2011-0457", allocation.GetProperty("number").GetString());
        Assert.Equal(3044.45m, allocation.GetProperty("amount").GetDecimal());
        Assert.True(allocation.GetProperty("automatic").GetBoolean());
        Assert.Equal("failed", again.GetProperty("status").GetString());
        Assert.Equal("bank-statement.duplicate", BankingApi.ReasonCode(again));
        Assert.Equal(import.GetProperty("id").GetString(), again.GetProperty("reason").GetProperty("earlierImportId").GetString());
        var invoice = await MatchingApi.GetInvoiceAsync(owner, organisation, paidId);
        var payment = Assert.Single(invoice.GetProperty("payments").EnumerateArray());
        Assert.Equal(new DateOnly(2012, 1, 11), DateOnly.Parse(payment.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("bank-transaction:" + transaction.GetProperty("id").GetString(), payment.GetProperty("reference").GetString());
        Assert.Equal(("issued", 1250.00m), await MatchingApi.StateAsync(owner, organisation, unrelatedId));
    }

    [Fact]
    public async Task ExactAmount_PaysTheInvoice()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await MatchingApi.CreateOrganisationAsync(owner, MatchingApi.SampleIban);
        var imported = await MatchingApi.ImportCsvAcceptedAsync(owner, organisation, Csv("3.044,45"));
        var paidId = InvoiceId(imported, "VF-2011-0457");
        var file = await File.ReadAllBytesAsync(BankingApi.SamplePath("noviat-kbc-2012.coda.txt"));

        var import = await MatchingApi.ImportAndMatchAsync(owner, organisation, file, "&validation=lenient");

        Assert.Equal(("paid", 0m), await MatchingApi.StateAsync(owner, organisation, paidId));
        Assert.Equal(("issued", 1250.00m), await MatchingApi.StateAsync(owner, organisation, InvoiceId(imported, "VF-2011-0461")));
        var match = MatchingApi.TransactionWith(import, MatchingApi.SampleCommunication).GetProperty("match");
        Assert.Equal("matched", match.GetProperty("status").GetString());
        Assert.Equal(3044.45m, Assert.Single(match.GetProperty("allocations").EnumerateArray()).GetProperty("amount").GetDecimal());
    }

    private static string Csv(string amountOpen) =>
        "Nummer;Klant;Factuurdatum;Vervaldag;Openstaand;Mededeling\r\n"
        + $"VF-2011-0457;Partner 2;15/12/2011;14/01/2012;{amountOpen};{MatchingApi.SampleCommunication}\r\n"
        + "VF-2011-0461;Bakkerij Claes;20/12/2011;19/01/2012;€ 1.250,00;\r\n";

    private static string InvoiceId(JsonElement imported, string number) =>
        imported.GetProperty("invoices").EnumerateArray().Single(invoice => invoice.GetProperty("number").GetString() == number).GetProperty("id").GetString()!;
}
