using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class CreditNoteTests
{
    private static readonly SalesValidationOptions Options = SalesValidationOptions.Default;

    // Two lines of 100.00 at 21 %: total with VAT 242.00.
    private static readonly SalesDocument Invoice = SalesBuilder.IssuedInvoice(
        SalesBuilder.Content(lines: [SalesBuilder.Line(description: "Design"), SalesBuilder.Line(description: "Build")]));

    [Fact]
    public void CreateCreditNote_Full_CopiesEveryLineAndLinksInvoice()
    {
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), Invoice, SalesBuilder.IssueDate).Value;

        Assert.Equal(SalesDocumentKind.CreditNote, creditNote.Kind);
        Assert.Equal(Invoice.Lines, creditNote.Lines);
        var link = Assert.Single(creditNote.SourceLinks);
        Assert.Equal(Invoice.Id, link.DocumentId);
        Assert.Equal("2026/0001", link.Number);
        Assert.Null(creditNote.Content.DueDate);
    }

    [Fact]
    public void IssueCreditNote_Full_MakesInvoiceCredited()
    {
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), Invoice, SalesBuilder.IssueDate).Value;

        var issue = SalesDocument.IssueCreditNote(creditNote, Invoice, CreditNoteNumber(1), SalesBuilder.IssueDate, Options).Value;

        Assert.Equal(SalesDocumentStatus.Issued, issue.CreditNote.Status);
        Assert.Null(issue.CreditNote.StructuredCommunication);
        Assert.Equal(SalesDocumentStatus.Credited, issue.Invoice.Status);
        Assert.Equal(242m, issue.Invoice.CreditedAmount);
        Assert.Equal(0m, issue.Invoice.AmountDue);
        Assert.Equal([new AppliedCredit(creditNote.Id, "C-2026-01", 242m)], issue.Invoice.Credits);
    }

    [Fact]
    public void IssueCreditNote_Partial_LeavesRestDue()
    {
        var issue = IssuePartial(Invoice, 1);

        Assert.Equal(SalesDocumentStatus.Issued, issue.Invoice.Status);
        Assert.Equal(121m, issue.Invoice.CreditedAmount);
        Assert.Equal(121m, issue.Invoice.AmountDue);
        Assert.Equal(121m, issue.Invoice.CreditableAmount);
    }

    [Fact]
    public void IssueCreditNote_TwoPartialsReachingTotal_MakesInvoiceCredited()
    {
        var first = IssuePartial(Invoice, 1);

        var second = IssuePartial(first.Invoice, 2);

        Assert.Equal(SalesDocumentStatus.Credited, second.Invoice.Status);
        Assert.Equal(242m, second.Invoice.CreditedAmount);
    }

    [Fact]
    public void IssueCreditNote_BeyondInvoiceTotal_IsInvalid()
    {
        var first = IssuePartial(Invoice, 1);
        var tooMuch = SalesDocument.CreateCreditNote(SalesDocumentId.New(), first.Invoice, SalesBuilder.IssueDate, [SalesBuilder.Line(quantity: 1.01m)]).Value;

        var result = SalesDocument.IssueCreditNote(tooMuch, first.Invoice, CreditNoteNumber(2), SalesBuilder.IssueDate, Options);

        var failure = SalesBuilder.FailureOf(result);
        Assert.Equal(SalesFailureKind.Invalid, failure.Kind);
        var violation = Assert.Single(failure.Violations);
        Assert.Equal(SalesRuleCodes.CreditExceedsInvoiceTotal, violation.Code);
        Assert.Equal(242m, violation.Arguments["invoiceTotal"]);
        Assert.Equal(121m, violation.Arguments["alreadyCredited"]);
        Assert.Equal(122.21m, violation.Arguments["creditNoteTotal"]);
    }

    [Fact]
    public void IssueCreditNote_CreditsUnpaidRest_IsPaid()
    {
        var partlyPaid = Invoice.RecordPayment(new InvoicePayment(PaymentId.New(), SalesBuilder.IssueDate, 121m)).Value;

        var issue = IssuePartial(partlyPaid, 1);

        Assert.Equal(SalesDocumentStatus.Paid, issue.Invoice.Status);
        Assert.Equal(0m, issue.Invoice.AmountDue);
    }

    [Fact]
    public void IssueCreditNote_FullOnPaidInvoice_IsCreditedWithCreditBalance()
    {
        var paid = Invoice.RecordPayment(new InvoicePayment(PaymentId.New(), SalesBuilder.IssueDate, 242m)).Value;
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), paid, SalesBuilder.IssueDate).Value;

        var issue = SalesDocument.IssueCreditNote(creditNote, paid, CreditNoteNumber(1), SalesBuilder.IssueDate, Options).Value;

        Assert.Equal(SalesDocumentStatus.Credited, issue.Invoice.Status);
        Assert.Equal(242m, issue.Invoice.CreditBalance);
    }

    [Theory]
    [InlineData(SalesDocumentStatus.Draft)] // nothing to credit before issuing
    [InlineData(SalesDocumentStatus.Credited)] // already credited in full
    public void CreateCreditNote_InvoiceNotCreditable_IsConflict(SalesDocumentStatus status)
    {
        var invoice = SalesBuilder.InStatus(SalesDocumentKind.Invoice, status);

        var failure = SalesBuilder.FailureOf(SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, SalesBuilder.IssueDate));

        Assert.Equal(SalesFailureKind.Conflict, failure.Kind);
        Assert.Equal([SalesRuleCodes.CreditNoteInvoiceNotCreditable], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void IssueCreditNote_AgainstOtherInvoice_IsInvalid()
    {
        var other = SalesBuilder.IssuedInvoice(sequence: 2);
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), Invoice, SalesBuilder.IssueDate).Value;

        var failure = SalesBuilder.FailureOf(SalesDocument.IssueCreditNote(creditNote, other, CreditNoteNumber(1), SalesBuilder.IssueDate, Options));

        Assert.Contains(SalesRuleCodes.CreditNoteInvoiceMismatch, SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void IssueCreditNote_CreditedInvoice_IsConflict()
    {
        var first = SalesDocument.CreateCreditNote(SalesDocumentId.New(), Invoice, SalesBuilder.IssueDate).Value;
        var credited = SalesDocument.IssueCreditNote(first, Invoice, CreditNoteNumber(1), SalesBuilder.IssueDate, Options).Value.Invoice;
        var second = SalesDocument.CreateCreditNote(SalesDocumentId.New(), Invoice, SalesBuilder.IssueDate).Value;

        var failure = SalesBuilder.FailureOf(SalesDocument.IssueCreditNote(second, credited, CreditNoteNumber(2), SalesBuilder.IssueDate, Options));

        Assert.Equal(SalesFailureKind.Conflict, failure.Kind);
        Assert.Equal([SalesRuleCodes.CreditNoteInvoiceNotCreditable], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void IssueCreditNote_InvalidLines_ReportsValidationToo()
    {
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), Invoice, SalesBuilder.IssueDate, [SalesBuilder.Line(description: "")]).Value;

        var failure = SalesBuilder.FailureOf(SalesDocument.IssueCreditNote(creditNote, Invoice, CreditNoteNumber(1), SalesBuilder.IssueDate, Options));

        Assert.Equal([SalesRuleCodes.LineDescriptionMissing], SalesBuilder.Codes(failure.Violations));
    }

    private static CreditNoteIssue IssuePartial(SalesDocument invoice, int sequence)
    {
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, SalesBuilder.IssueDate, [invoice.Lines[0]]).Value;
        return SalesDocument.IssueCreditNote(creditNote, invoice, CreditNoteNumber(sequence), SalesBuilder.IssueDate, Options).Value;
    }

    private static DocumentNumber CreditNoteNumber(int sequence) => new(2, 2026, sequence, $"C-2026-{sequence:D2}");
}
