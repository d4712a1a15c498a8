using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class PaymentTermTests
{
    [Theory]
    [InlineData(0, CustomerType.Company, null)] // payable on receipt
    [InlineData(60, CustomerType.Company, null)] // the maximum term the law allows between businesses
    [InlineData(61, CustomerType.Company, SalesRuleCodes.PaymentTermTooLong)] // one day too long
    [InlineData(90, CustomerType.Consumer, null)] // the 60-day cap applies between businesses only
    [InlineData(-1, CustomerType.Company, SalesRuleCodes.DueDateBeforeIssueDate)] // due before issue
    public void Validate_PaymentTermDays_FollowsLaw(int days, CustomerType type, string? code)
    {
        var customer = type == CustomerType.Consumer ? SalesBuilder.Consumer() : SalesBuilder.Customer();
        var content = SalesBuilder.Content(customer: customer, paymentTermDays: days);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, SalesValidationOptions.Default);

        Assert.Equal(code is null ? [] : [code], SalesBuilder.Codes(violations));
    }

    [Fact]
    public void Validate_FixedDueDateBeforeIssueDate_ReportsItWithDates()
    {
        var content = SalesBuilder.Content(paymentTermDays: null, fixedDueDate: SalesBuilder.IssueDate.AddDays(-3));

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, SalesValidationOptions.Default);

        var violation = Assert.Single(violations);
        Assert.Equal("dueDate: document.due-date-before-issue-date", violation.ToString());
        Assert.Equal(SalesBuilder.IssueDate, violation.Arguments["issueDate"]);
        Assert.Equal(SalesBuilder.IssueDate.AddDays(-3), violation.Arguments["dueDate"]);
    }

    [Fact]
    public void Validate_InvoiceWithoutDueDate_ReportsDueDateMissing()
    {
        var content = SalesBuilder.Content(paymentTermDays: null);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, SalesValidationOptions.Default);

        Assert.Equal([SalesRuleCodes.DueDateMissing], SalesBuilder.Codes(violations));
    }

    [Fact]
    public void Validate_QuoteWithoutDueDate_IsValid()
    {
        var content = SalesBuilder.Content(paymentTermDays: null);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Quote, content, SalesValidationOptions.Default);

        Assert.Empty(violations);
    }

    [Fact]
    public void DueDate_WithPaymentTerm_MovesWithIssueDate()
    {
        var content = SalesBuilder.Content().WithPaymentTerm(30);

        var moved = content with { IssueDate = new DateOnly(2026, 4, 1) };

        Assert.Equal(new DateOnly(2026, 5, 1), moved.DueDate);
    }

    [Fact]
    public void DueDate_Fixed_StaysWhenIssueDateMoves()
    {
        var content = SalesBuilder.Content().WithDueDate(new DateOnly(2026, 4, 30));

        var moved = content with { IssueDate = new DateOnly(2026, 4, 1) };

        Assert.Equal(new DateOnly(2026, 4, 30), moved.DueDate);
    }
}
