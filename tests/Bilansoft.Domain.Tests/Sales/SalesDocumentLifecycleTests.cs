using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class SalesDocumentLifecycleTests
{
    private static readonly SalesValidationOptions Options = SalesValidationOptions.Default;

    [Fact]
    public void Issue_DraftInvoice_SetsNumberDateAndCommunication()
    {
        var draft = SalesBuilder.Draft(content: SalesBuilder.Content(issueDate: new DateOnly(2026, 3, 1)));
        var number = SalesBuilder.Number(sequence: 7, seriesIndex: 1);

        var issued = draft.Issue(number, SalesBuilder.IssueDate, Options).Value;

        Assert.Equal(SalesDocumentStatus.Issued, issued.Status);
        Assert.Equal(number, issued.Number);
        Assert.Equal(SalesBuilder.IssueDate, issued.Content.IssueDate);
        Assert.Equal(SalesBuilder.IssueDate.AddDays(30), issued.Content.DueDate);
        Assert.Equal("+++261/0000/00755+++", issued.StructuredCommunication?.ToPrinted());
    }

    [Fact]
    public void Issue_LeavesOriginalDraftUnchanged()
    {
        var draft = SalesBuilder.Draft();

        draft.Issue(SalesBuilder.Number(), SalesBuilder.IssueDate, Options);

        Assert.True(draft.IsDraft);
        Assert.Null(draft.Number);
    }

    [Fact]
    public void Issue_InvalidDraft_ReturnsEveryViolation()
    {
        var draft = SalesBuilder.Draft(content: SalesBuilder.Content(paymentTermDays: 61, lines: [SalesBuilder.Line(description: "")]));

        var failure = SalesBuilder.FailureOf(draft.Issue(SalesBuilder.Number(), SalesBuilder.IssueDate, Options));

        Assert.Equal(SalesFailureKind.Invalid, failure.Kind);
        Assert.Equal([SalesRuleCodes.PaymentTermTooLong, SalesRuleCodes.LineDescriptionMissing], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void Issue_DeliveryNote_HasNoStructuredCommunication()
    {
        var issued = SalesBuilder.IssuedDeliveryNote();

        Assert.Equal(SalesDocumentStatus.Issued, issued.Status);
        Assert.Null(issued.StructuredCommunication);
    }

    [Theory]
    [InlineData(SalesDocumentKind.Quote)] // quotes are sent
    [InlineData(SalesDocumentKind.CreditNote)] // credit notes need their invoice
    public void Issue_WrongKind_Throws(SalesDocumentKind kind)
    {
        var draft = SalesBuilder.Draft(kind);

        Assert.Throws<InvalidOperationException>(() => draft.Issue(SalesBuilder.Number(), SalesBuilder.IssueDate, Options));
    }

    [Fact]
    public void Quote_SendThenAccept_IsAccepted()
    {
        var sent = SalesBuilder.SentQuote();

        var accepted = sent.Accept().Value;

        Assert.Equal(SalesDocumentStatus.Sent, sent.Status);
        Assert.Equal(SalesDocumentStatus.Accepted, accepted.Status);
    }

    [Fact]
    public void Quote_SentDecline_IsDeclined()
    {
        var declined = SalesBuilder.SentQuote().Decline().Value;

        Assert.Equal(SalesDocumentStatus.Declined, declined.Status);
    }

    [Fact]
    public void Quote_SentExpire_IsExpired()
    {
        var expired = SalesBuilder.SentQuote().Expire().Value;

        Assert.Equal(SalesDocumentStatus.Expired, expired.Status);
    }

    public static TheoryData<SalesDocumentStatus> QuoteStatusesOtherThanDraft => [.. QuoteStatuses().Where(status => status != SalesDocumentStatus.Draft)];

    public static TheoryData<SalesDocumentStatus> QuoteStatusesOtherThanSent => [.. QuoteStatuses().Where(status => status != SalesDocumentStatus.Sent)];

    [Theory]
    [MemberData(nameof(QuoteStatusesOtherThanDraft))]
    public void Quote_SendWhenNotDraft_IsConflict(SalesDocumentStatus status)
    {
        var quote = SalesBuilder.InStatus(SalesDocumentKind.Quote, status);

        var result = quote.Send(SalesBuilder.Number(), SalesBuilder.IssueDate, Options);

        AssertTransitionRejected(result, SalesDocumentAction.Send, status);
    }

    [Theory]
    [MemberData(nameof(QuoteStatusesOtherThanSent))]
    public void Quote_AnswerWhenNotSent_IsConflict(SalesDocumentStatus status)
    {
        var quote = SalesBuilder.InStatus(SalesDocumentKind.Quote, status);

        AssertTransitionRejected(quote.Accept(), SalesDocumentAction.Accept, status);
        AssertTransitionRejected(quote.Decline(), SalesDocumentAction.Decline, status);
        AssertTransitionRejected(quote.Expire(), SalesDocumentAction.Expire, status);
    }

    [Theory]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.Issued)]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.PartiallyPaid)]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.Paid)]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.Credited)]
    [InlineData(SalesDocumentKind.DeliveryNote, SalesDocumentStatus.Issued)]
    public void Issue_WhenNotDraft_IsConflict(SalesDocumentKind kind, SalesDocumentStatus status)
    {
        var document = SalesBuilder.InStatus(kind, status);

        var result = document.Issue(SalesBuilder.Number(2), SalesBuilder.IssueDate, Options);

        AssertTransitionRejected(result, SalesDocumentAction.Issue, status);
    }

    [Fact]
    public void CreditNote_IssueWhenIssued_IsConflict()
    {
        var invoice = SalesBuilder.IssuedInvoice();
        var creditNote = SalesBuilder.InStatus(SalesDocumentKind.CreditNote, SalesDocumentStatus.Issued);

        var result = SalesDocument.IssueCreditNote(creditNote, invoice, SalesBuilder.Number(2), SalesBuilder.IssueDate, Options);

        var failure = SalesBuilder.FailureOf(result);
        Assert.Equal(SalesFailureKind.Conflict, failure.Kind);
        Assert.Equal(SalesRuleCodes.TransitionNotAllowed, Assert.Single(failure.Violations).Code);
    }

    [Theory]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.Draft)]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.Credited)]
    public void RecordPayment_WhenNotOpen_IsConflict(SalesDocumentKind kind, SalesDocumentStatus status)
    {
        var invoice = SalesBuilder.InStatus(kind, status);

        var result = invoice.RecordPayment(new InvoicePayment(PaymentId.New(), SalesBuilder.IssueDate, 10m));

        AssertTransitionRejected(result, SalesDocumentAction.RecordPayment, status);
    }

    [Fact]
    public void UndoPayment_OnDraft_IsConflict()
    {
        var invoice = SalesBuilder.Draft();

        var result = invoice.UndoPayment(PaymentId.New());

        AssertTransitionRejected(result, SalesDocumentAction.UndoPayment, SalesDocumentStatus.Draft);
    }

    public static TheoryData<SalesDocumentKind, SalesDocumentStatus> EveryNonDraftState()
    {
        var data = new TheoryData<SalesDocumentKind, SalesDocumentStatus>();
        foreach (var kind in Enum.GetValues<SalesDocumentKind>())
        {
            foreach (var status in SalesDocumentLifecycle.StatusesOf(kind).Where(status => status != SalesDocumentStatus.Draft))
            {
                data.Add(kind, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryNonDraftState))]
    public void Update_WhenNotDraft_IsImmutableConflict(SalesDocumentKind kind, SalesDocumentStatus status)
    {
        var document = SalesBuilder.InStatus(kind, status);

        var result = document.Update(document.Content with { Notes = "changed" });

        var failure = SalesBuilder.FailureOf(result);
        Assert.Equal(SalesFailureKind.Conflict, failure.Kind);
        var violation = Assert.Single(failure.Violations);
        Assert.Equal(SalesRuleCodes.DocumentImmutable, violation.Code);
        Assert.Equal(status, violation.Arguments["status"]);
    }

    [Fact]
    public void Update_Draft_ReplacesContent()
    {
        var draft = SalesBuilder.Draft();

        var updated = draft.Update(draft.Content with { Notes = "Thank you" }).Value;

        Assert.Equal("Thank you", updated.Content.Notes);
        Assert.Equal(draft.Id, updated.Id);
        Assert.Null(draft.Content.Notes);
    }

    [Fact]
    public void Lifecycle_ActionsForOtherKinds_AreNeverAllowed()
    {
        Assert.False(SalesDocumentLifecycle.Allows(SalesDocumentKind.Invoice, SalesDocumentStatus.Draft, SalesDocumentAction.Send));
        Assert.False(SalesDocumentLifecycle.Allows(SalesDocumentKind.Quote, SalesDocumentStatus.Draft, SalesDocumentAction.Issue));
        Assert.False(SalesDocumentLifecycle.Allows(SalesDocumentKind.CreditNote, SalesDocumentStatus.Issued, SalesDocumentAction.RecordPayment));
        Assert.False(SalesDocumentLifecycle.Allows(SalesDocumentKind.DeliveryNote, SalesDocumentStatus.Issued, SalesDocumentAction.Credit));
    }

    [Fact]
    public void Restore_StatusNotUsedByKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => SalesBuilder.InStatus(SalesDocumentKind.Quote, SalesDocumentStatus.Paid));
        Assert.Throws<ArgumentException>(() => SalesBuilder.InStatus(SalesDocumentKind.CreditNote, SalesDocumentStatus.Credited));
    }

    [Fact]
    public void Restore_IssuedWithoutNumber_Throws()
    {
        Assert.Throws<ArgumentException>(() => SalesDocument.Restore(
            SalesDocumentId.New(), SalesDocumentKind.Invoice, SalesDocumentStatus.Issued, SalesBuilder.Content(), null, null, [], [], []));
    }

    private static IEnumerable<SalesDocumentStatus> QuoteStatuses() => SalesDocumentLifecycle.StatusesOf(SalesDocumentKind.Quote);

    private static void AssertTransitionRejected(SalesResult<SalesDocument> result, SalesDocumentAction action, SalesDocumentStatus status)
    {
        var failure = SalesBuilder.FailureOf(result);
        Assert.Equal(SalesFailureKind.Conflict, failure.Kind);
        var violation = Assert.Single(failure.Violations);
        Assert.Equal(SalesRuleCodes.TransitionNotAllowed, violation.Code);
        Assert.Equal(action, violation.Arguments["action"]);
        Assert.Equal(status, violation.Arguments["status"]);
    }
}
