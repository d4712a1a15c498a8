using Bilansoft.Domain.Banking;
using static Bilansoft.Domain.Tests.Banking.MatchingData;

namespace Bilansoft.Domain.Tests.Banking;

public class PaymentMatcherTests
{
    [Theory]
    [InlineData("+++202/6000/10397+++")]
    [InlineData("***202/6000/10397***")]
    [InlineData("+++ 202 / 6000 / 10397 +++")]
    [InlineData("202/6000/10397")]
    [InlineData("202 6000 10397")]
    [InlineData("202600010397")]
    [InlineData("Betaling factuur 2026-0007 mededeling 202600010397 dank u")]
    [InlineData("/STRUCTURED/+++202/6000/10397+++/")]
    public void Match_CommunicationInTextInAnyNotation_IsAutomatic(string text)
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(text: text));

        Assert.Equal(MatchKind.Automatic, match.Kind);
        var allocation = Assert.Single(match.ProposedAllocations);
        Assert.Equal("inv-7", allocation.OpenItemId);
        Assert.Equal(1234.50m, allocation.Amount);
        Assert.Equal(0m, match.UnallocatedAmount);
    }

    [Fact]
    public void Match_CommunicationInStructuredField_IsAutomatic()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(communication: Invoice7Communication));

        Assert.Equal(MatchKind.Automatic, match.Kind);
        Assert.Equal([MatchReason.StructuredCommunication, MatchReason.AmountEqual], match.Suggestions[0].Reasons);
        Assert.Equal(100, match.Suggestions[0].Score);
    }

    [Fact]
    public void Match_WrongCheckDigits_IsNotAutomatic()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(amount: 10m, text: "+++202/6000/10398+++"));

        Assert.Equal(MatchKind.None, match.Kind);
        Assert.Empty(match.ProposedAllocations);
    }

    [Fact]
    public void Match_DebitAgainstPurchaseInvoice_IsAutomatic()
    {
        var matcher = new PaymentMatcher([Purchase(communication: Invoice8Communication)]);

        var match = matcher.Match(Payment(amount: -605.00m, communication: Invoice8Communication));

        Assert.Equal(MatchKind.Automatic, match.Kind);
        Assert.Equal(605.00m, Assert.Single(match.ProposedAllocations).Amount);
    }

    [Fact]
    public void Match_CreditAgainstPurchaseInvoice_IsOnlySuggested()
    {
        // A supplier refunding money quotes the communication of its own invoice.
        var matcher = new PaymentMatcher([Purchase(communication: Invoice8Communication)]);

        var match = matcher.Match(Payment(amount: 605.00m, communication: Invoice8Communication));

        Assert.Equal(MatchKind.Suggested, match.Kind);
        var suggestion = Assert.Single(match.Suggestions);
        Assert.Equal([MatchReason.StructuredCommunicationWrongDirection], suggestion.Reasons);
        Assert.Equal(PaymentMatcher.WrongDirectionWeight, suggestion.Score);
    }

    [Fact]
    public void Match_DebitAgainstSalesInvoice_IsOnlySuggested()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(amount: -1234.50m, communication: Invoice7Communication));

        Assert.Equal(MatchKind.Suggested, match.Kind);
        Assert.Empty(match.ProposedAllocations);
    }

    [Fact]
    public void Match_OtherCurrency_IsNotMatched()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(communication: Invoice7Communication, currency: "USD"));

        Assert.Equal(MatchKind.None, match.Kind);
    }

    [Fact]
    public void Match_PartialPayment_AllocatesWhatWasPaid()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(amount: 1000.00m, communication: Invoice7Communication));

        Assert.Equal(1000.00m, Assert.Single(match.ProposedAllocations).Amount);
        Assert.Equal(0m, match.UnallocatedAmount);
    }

    [Fact]
    public void Match_Overpayment_LeavesUnallocatedAmount()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var match = matcher.Match(Payment(amount: 1300.00m, communication: Invoice7Communication));

        Assert.Equal(1234.50m, Assert.Single(match.ProposedAllocations).Amount);
        Assert.Equal(65.50m, match.UnallocatedAmount);
    }

    [Fact]
    public void Match_TwoCommunications_SplitsInDueDateOrder()
    {
        var matcher = new PaymentMatcher(
        [
            SalesInvoice(id: "inv-8", number: "2026-0008", communication: Invoice8Communication, openAmount: 500m, dueDate: new DateOnly(2026, 3, 1)),
            SalesInvoice(communication: Invoice7Communication, openAmount: 1234.50m, dueDate: new DateOnly(2026, 2, 1)),
        ]);

        var match = matcher.Match(Payment(amount: 1500m, text: "+++123/4567/89002+++ en +++202/6000/10397+++"));

        Assert.Equal(MatchKind.Automatic, match.Kind);
        Assert.Equal(
            [new AllocationRequest("inv-7", 1234.50m), new AllocationRequest("inv-8", 265.50m)],
            match.ProposedAllocations);
        Assert.Equal(0m, match.UnallocatedAmount);
    }

    [Fact]
    public void MatchAll_SecondPayment_IsOverpayment()
    {
        var matcher = new PaymentMatcher([SalesInvoice(communication: Invoice7Communication)]);

        var matches = matcher.MatchAll(
        [
            Payment(amount: 1000m, communication: Invoice7Communication, id: "pay-1"),
            Payment(amount: 500m, communication: Invoice7Communication, id: "pay-2"),
            Payment(amount: 100m, communication: Invoice7Communication, id: "pay-3"),
        ]).ToList();

        Assert.Equal(1000m, matches[0].ProposedAllocations[0].Amount);
        Assert.Equal(234.50m, matches[1].ProposedAllocations[0].Amount);
        Assert.Equal(265.50m, matches[1].UnallocatedAmount);
        Assert.Equal(MatchKind.Suggested, matches[2].Kind); // nothing left open: a user decides
        Assert.Empty(matches[2].ProposedAllocations);
    }

    [Fact]
    public void Match_WithoutCommunication_RanksSuggestionsByScore()
    {
        var matcher = new PaymentMatcher(
        [
            SalesInvoice(id: "same-amount-only", number: "2026-0001", name: "Andere Firma", openAmount: 250m),
            SalesInvoice(id: "iban-and-amount", number: "2026-0002", name: "Klant NV", openAmount: 250m, iban: CustomerIban),
            SalesInvoice(id: "number-in-text", number: "2026-0003", name: "Derde", openAmount: 999m),
            SalesInvoice(id: "name-only", number: "2026-0004", name: "KLANT nv", openAmount: 17m),
        ]);

        var match = matcher.Match(Payment(amount: 250m, text: "factuur 2026-0003", name: "KLANT N.V.", iban: CustomerIban));

        Assert.Equal(MatchKind.Suggested, match.Kind);
        Assert.Equal(["iban-and-amount", "number-in-text", "same-amount-only", "name-only"], match.Suggestions.Select(s => s.Item.Id));
        Assert.Equal(100, match.Suggestions[0].Score); // 40 + 35 + 25
        Assert.Equal([MatchReason.AmountEqual, MatchReason.IbanEqual, MatchReason.NameEqual], match.Suggestions[0].Reasons);
        Assert.Equal(45, match.Suggestions[1].Score);
        Assert.Equal([MatchReason.InvoiceNumberInText], match.Suggestions[1].Reasons);
        Assert.Equal(40, match.Suggestions[2].Score);
        Assert.Equal(25, match.Suggestions[3].Score);
    }

    [Theory]
    [InlineData("Factuur 2026-0007")]
    [InlineData("factuur 2026/0007")]
    [InlineData("FACT 2026 0007")]
    [InlineData("inv.20260007.")]
    public void Match_InvoiceNumberInTextWithOtherPunctuation(string text)
    {
        var matcher = new PaymentMatcher([SalesInvoice()]);

        var match = matcher.Match(Payment(amount: 1m, text: text));

        Assert.Equal([MatchReason.InvoiceNumberInText], Assert.Single(match.Suggestions).Reasons);
    }

    [Fact]
    public void Match_SimilarName_AddsSmallerWeight()
    {
        var matcher = new PaymentMatcher([SalesInvoice(name: "Bakkerij Peeters BV", openAmount: 80m)]);

        var match = matcher.Match(Payment(amount: 80m, name: "PEETERS BAKKERIJ EN ZONEN"));

        Assert.Equal([MatchReason.AmountEqual, MatchReason.NameSimilar], Assert.Single(match.Suggestions).Reasons);
        Assert.Equal(55, match.Suggestions[0].Score);
    }

    [Fact]
    public void Match_PaymentReferenceInText()
    {
        var matcher = new PaymentMatcher([Purchase(id: "bill-rf") with { PaymentReference = "RF18 5390 0754 7034" }]);

        var match = matcher.Match(Payment(amount: -12m, text: "RF18539007547034"));

        Assert.Equal([MatchReason.PaymentReferenceInText], Assert.Single(match.Suggestions).Reasons);
    }

    [Fact]
    public void Match_WeakReasonBelowMinimumScore_IsDropped()
    {
        var matcher = new PaymentMatcher([SalesInvoice(name: "Bakkerij Peeters", openAmount: 80m)]);

        var match = matcher.Match(Payment(amount: 81m, name: "Peeters Transport Logistiek"));

        Assert.Equal(MatchKind.None, match.Kind);
        Assert.Empty(match.Suggestions);
    }

    [Fact]
    public void Match_LimitsSuggestionCount()
    {
        var items = Enumerable.Range(1, 20).Select(i => SalesInvoice(id: $"inv-{i:D2}", number: $"N{i:D4}", openAmount: 50m, dueDate: new DateOnly(2026, 1, i)));
        var matcher = new PaymentMatcher(items, new PaymentMatcherOptions { MaxSuggestions = 3 });

        var match = matcher.Match(Payment(amount: 50m));

        Assert.Equal(["inv-01", "inv-02", "inv-03"], match.Suggestions.Select(s => s.Item.Id)); // oldest due date first
    }

    [Fact]
    public void Constructor_DuplicateId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PaymentMatcher([SalesInvoice(), SalesInvoice()]));
    }

    [Fact]
    public void Constructor_IgnoresPaidItems()
    {
        var matcher = new PaymentMatcher([SalesInvoice(openAmount: 0m), SalesInvoice(id: "inv-9")]);

        Assert.Equal(1, matcher.Count);
    }

    [Fact]
    public void MatchAll_ManyItems_UsesIndexes()
    {
        const int count = 20_000;
        var items = Enumerable.Range(1, count)
            .Select(i => SalesInvoice(id: $"inv-{i}", number: $"2026-{i:D6}", communication: Domain.Identifiers.StructuredCommunication.FromBase(2026_000_000L + i), openAmount: 100m + i, name: $"Klant {i}"))
            .ToList();
        var matcher = new PaymentMatcher(items);
        var payments = Enumerable.Range(1, count)
            .Select(i => Payment(amount: 100m + i, communication: Domain.Identifiers.StructuredCommunication.FromBase(2026_000_000L + i), id: $"pay-{i}"));

        var automatic = matcher.MatchAll(payments).Count(match => match.Kind == MatchKind.Automatic);

        Assert.Equal(count, automatic);
    }
}
