using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

public class BankPaymentMappingTests
{
    [Fact]
    public async Task ToBankPayments_Batch_OnePerDetail()
    {
        var statement = (await SampleFiles.ReadAsync("wimverstuyf-sample10.cod"))[0];

        var payments = statement.Transactions[0].ToBankPayments("tx-1").ToList();

        Assert.Equal(["tx-1/1", "tx-1/3"], payments.Select(payment => payment.Id));
        Assert.Equal([250.000m, 750.000m], payments.Select(payment => payment.Amount));
        Assert.Equal("KLANT1 MET NAAM1", payments[0].CounterpartyName);
    }

    [Fact]
    public async Task ToBankPayments_BreakdownStaysOnePayment()
    {
        var statement = (await SampleFiles.ReadAsync("noviat-kbc-2012.coda.txt", StatementValidation.Lenient))[0];

        var payment = Assert.Single(statement.Transactions[2].ToBankPayments("tx-3"));

        Assert.Equal("tx-3", payment.Id);
        Assert.Equal(-479.040m, payment.Amount);
        Assert.Contains("KBC-INVESTERINGSKREDIET 737-6543210-21", payment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParsedCodaPayment_MatchesSalesInvoiceAutomatically()
    {
        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File()))[0];
        var invoice = new OpenItem(
            "inv-7", OpenItemKind.SalesInvoice, "2026-0007", StructuredCommunication.Parse("+++123/4567/89002+++"), null,
            1234.50m, "EUR", "Klant NV", Iban.Parse("BE94735001234514"), new DateOnly(2026, 2, 4));
        var matcher = new PaymentMatcher([invoice]);

        var match = matcher.Match(statement.Transactions[0].ToBankPayment("tx-1"));

        Assert.Equal(MatchKind.Automatic, match.Kind);
        Assert.Equal(new AllocationRequest("inv-7", 1234.50m), Assert.Single(match.ProposedAllocations));
        Assert.Equal(
            [MatchReason.StructuredCommunication, MatchReason.AmountEqual, MatchReason.IbanEqual, MatchReason.NameEqual],
            match.Suggestions[0].Reasons);
    }
}
