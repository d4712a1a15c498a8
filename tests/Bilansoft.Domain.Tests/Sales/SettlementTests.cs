using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class SettlementTests
{
    // The builder invoice is 1 × 100.00 at 21 %: total with VAT 121.00.
    private static readonly SalesDocument Invoice = SalesBuilder.IssuedInvoice();

    [Fact]
    public void IssuedInvoice_OwesTotalWithVat()
    {
        Assert.Equal(121m, Invoice.AmountDue);
        Assert.Equal(0m, Invoice.AmountPaid);
        Assert.Equal(SalesDocumentStatus.Issued, Invoice.Status);
    }

    [Fact]
    public void RecordPayment_Partial_IsPartiallyPaid()
    {
        var paid = Invoice.RecordPayment(Payment(50m)).Value;

        Assert.Equal(SalesDocumentStatus.PartiallyPaid, paid.Status);
        Assert.Equal(50m, paid.AmountPaid);
        Assert.Equal(71m, paid.AmountDue);
        Assert.Equal(0m, paid.CreditBalance);
    }

    [Fact]
    public void RecordPayment_TwoPartialsReachingTotal_IsPaid()
    {
        var paid = Invoice.RecordPayment(Payment(50m)).Value.RecordPayment(Payment(71m)).Value;

        Assert.Equal(SalesDocumentStatus.Paid, paid.Status);
        Assert.Equal(0m, paid.AmountDue);
    }

    [Fact]
    public void RecordPayment_Overpayment_KeepsCreditBalance()
    {
        var paid = Invoice.RecordPayment(Payment(150m)).Value;

        Assert.Equal(SalesDocumentStatus.Paid, paid.Status);
        Assert.Equal(0m, paid.AmountDue);
        Assert.Equal(29m, paid.CreditBalance);
    }

    [Fact]
    public void RecordPayment_OnPaidInvoice_AddsToCreditBalance()
    {
        var paid = Invoice.RecordPayment(Payment(121m)).Value;

        var twice = paid.RecordPayment(Payment(121m)).Value;

        Assert.Equal(SalesDocumentStatus.Paid, twice.Status);
        Assert.Equal(121m, twice.CreditBalance);
    }

    [Theory]
    [InlineData(0, SalesRuleCodes.PaymentAmountNotPositive)] // nothing paid
    [InlineData(-5, SalesRuleCodes.PaymentAmountNotPositive)] // a refund is not a payment
    [InlineData(10.001, SalesRuleCodes.PaymentAmountTooPrecise)] // amounts have cents at most
    public void RecordPayment_InvalidAmount_IsInvalid(decimal amount, string code)
    {
        var failure = SalesBuilder.FailureOf(Invoice.RecordPayment(Payment(amount)));

        Assert.Equal(SalesFailureKind.Invalid, failure.Kind);
        Assert.Equal([code], SalesBuilder.Codes(failure.Violations));
        Assert.Equal("amount", failure.Violations[0].Path);
    }

    [Fact]
    public void RecordPayment_SameIdTwice_IsConflict()
    {
        var payment = Payment(10m);
        var paid = Invoice.RecordPayment(payment).Value;

        var failure = SalesBuilder.FailureOf(paid.RecordPayment(payment));

        Assert.Equal(SalesFailureKind.Conflict, failure.Kind);
        Assert.Equal([SalesRuleCodes.PaymentDuplicate], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void UndoPayment_LastPayment_ReturnsToPartiallyPaid()
    {
        var last = Payment(71m);
        var paid = Invoice.RecordPayment(Payment(50m)).Value.RecordPayment(last).Value;

        var undone = paid.UndoPayment(last.Id).Value;

        Assert.Equal(SalesDocumentStatus.PartiallyPaid, undone.Status);
        Assert.Equal(71m, undone.AmountDue);
    }

    [Fact]
    public void UndoPayment_OnlyPayment_ReturnsToIssued()
    {
        var payment = Payment(121m);
        var paid = Invoice.RecordPayment(payment).Value;

        var undone = paid.UndoPayment(payment.Id).Value;

        Assert.Equal(SalesDocumentStatus.Issued, undone.Status);
        Assert.Empty(undone.Payments);
        Assert.Equal(121m, undone.AmountDue);
    }

    [Fact]
    public void UndoPayment_UnknownId_IsInvalid()
    {
        var failure = SalesBuilder.FailureOf(Invoice.UndoPayment(PaymentId.New()));

        Assert.Equal(SalesFailureKind.Invalid, failure.Kind);
        Assert.Equal([SalesRuleCodes.PaymentNotFound], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void RecordPayment_OnQuote_Throws()
    {
        var quote = SalesBuilder.SentQuote();

        Assert.Throws<InvalidOperationException>(() => quote.RecordPayment(Payment(1m)));
    }

    [Theory]
    [InlineData("2026-04-15", false)] // the due date itself is not late
    [InlineData("2026-04-16", true)] // the day after the due date
    public void IsOverdue_DependsOnToday(string today, bool expected)
    {
        // Issued 16 March 2026 with 30 days: due 15 April 2026.
        var overdue = Invoice.IsOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, overdue);
    }

    [Fact]
    public void IsOverdue_PaidInvoice_IsFalse()
    {
        var paid = Invoice.RecordPayment(Payment(121m)).Value;

        Assert.False(paid.IsOverdue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void IsOverdue_PartiallyPaidPastDueDate_IsTrue()
    {
        var paid = Invoice.RecordPayment(Payment(1m)).Value;

        Assert.True(paid.IsOverdue(new DateOnly(2026, 5, 1)));
    }

    private static InvoicePayment Payment(decimal amount) => new(PaymentId.New(), SalesBuilder.IssueDate.AddDays(5), amount);
}
