using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class DerivationTests
{
    [Fact]
    public void Duplicate_IssuedInvoice_IsNewDraftWithSameLines()
    {
        var invoice = SalesBuilder.IssuedInvoice().RecordPayment(new InvoicePayment(PaymentId.New(), SalesBuilder.IssueDate, 10m)).Value;
        var newId = SalesDocumentId.New();

        var copy = invoice.Duplicate(newId, new DateOnly(2026, 4, 1));

        Assert.Equal(newId, copy.Id);
        Assert.Equal(SalesDocumentKind.Invoice, copy.Kind);
        Assert.True(copy.IsDraft);
        Assert.Null(copy.Number);
        Assert.Null(copy.StructuredCommunication);
        Assert.Empty(copy.Payments);
        Assert.Equal(invoice.Lines, copy.Lines);
        Assert.Equal(new DateOnly(2026, 4, 1), copy.Content.IssueDate);
    }

    [Fact]
    public void Duplicate_CreditNote_KeepsInvoiceLink()
    {
        var invoice = SalesBuilder.IssuedInvoice();
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, SalesBuilder.IssueDate).Value;

        var copy = creditNote.Duplicate(SalesDocumentId.New(), SalesBuilder.IssueDate);

        Assert.Equal(invoice.Id, Assert.Single(copy.SourceLinks).DocumentId);
    }

    [Fact]
    public void Duplicate_DeclinedQuote_IsDraftQuote()
    {
        var declined = SalesBuilder.SentQuote().Decline().Value;

        var copy = declined.Duplicate(SalesDocumentId.New(), SalesBuilder.IssueDate);

        Assert.Equal(SalesDocumentKind.Quote, copy.Kind);
        Assert.True(copy.IsDraft);
    }

    [Fact]
    public void MergeDraftInvoices_KeepsLinesInOrderAndLinksSources()
    {
        var quote = SalesBuilder.SentQuote();
        var first = SalesDocument.ConvertQuote(quote, SalesDocumentId.New(), SalesDocumentKind.Invoice, SalesBuilder.IssueDate).Value
            .Update(SalesBuilder.Content(notes: "March", lines: [SalesBuilder.Line(description: "A"), SalesBuilder.Line(description: "B")])).Value;
        var second = SalesBuilder.Draft(content: SalesBuilder.Content(notes: "April", lines: [SalesBuilder.Line(description: "C")]));

        var merged = SalesDocument.MergeDraftInvoices(SalesDocumentId.New(), [first, second]).Value;

        Assert.True(merged.IsDraft);
        Assert.Equal(["A", "B", "C"], merged.Lines.Select(line => line.Description));
        Assert.Equal("March\n\nApril", merged.Content.Notes);
        Assert.Equal(quote.Id, Assert.Single(merged.SourceLinks).DocumentId);
    }

    [Fact]
    public void MergeDraftInvoices_OneDocument_IsInvalid()
    {
        var failure = SalesBuilder.FailureOf(SalesDocument.MergeDraftInvoices(SalesDocumentId.New(), [SalesBuilder.Draft()]));

        Assert.Equal([SalesRuleCodes.MergeNeedsTwoDocuments], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void MergeDraftInvoices_DifferentCustomers_IsInvalid()
    {
        var other = SalesBuilder.Draft(content: SalesBuilder.Content(customer: SalesBuilder.Customer(customerId: "customer-2")));

        var failure = SalesBuilder.FailureOf(SalesDocument.MergeDraftInvoices(SalesDocumentId.New(), [SalesBuilder.Draft(), other]));

        Assert.Equal(["documents[1]: document.customer-mismatch"], failure.Violations.Select(violation => violation.ToString()));
    }

    [Theory]
    [InlineData(SalesDocumentKind.Invoice, SalesDocumentStatus.Issued)] // issued invoices are final
    [InlineData(SalesDocumentKind.Quote, SalesDocumentStatus.Draft)] // only invoices merge
    [InlineData(SalesDocumentKind.CreditNote, SalesDocumentStatus.Draft)] // only invoices merge
    public void MergeDraftInvoices_NotDraftInvoice_IsInvalid(SalesDocumentKind kind, SalesDocumentStatus status)
    {
        var other = SalesBuilder.InStatus(kind, status);

        var failure = SalesBuilder.FailureOf(SalesDocument.MergeDraftInvoices(SalesDocumentId.New(), [SalesBuilder.Draft(), other]));

        Assert.Equal(["documents[1]: document.source-not-allowed"], failure.Violations.Select(violation => violation.ToString()));
    }

    [Theory]
    [InlineData(SalesDocumentKind.Invoice)]
    [InlineData(SalesDocumentKind.DeliveryNote)]
    public void ConvertQuote_AcceptedQuote_CopiesLinesAndLinksQuote(SalesDocumentKind target)
    {
        var quote = SalesBuilder.SentQuote().Accept().Value;

        var converted = SalesDocument.ConvertQuote(quote, SalesDocumentId.New(), target, new DateOnly(2026, 4, 2)).Value;

        Assert.Equal(target, converted.Kind);
        Assert.True(converted.IsDraft);
        Assert.Equal(quote.Lines, converted.Lines);
        Assert.Equal(quote.Customer, converted.Customer);
        Assert.Equal(new DateOnly(2026, 4, 2), converted.Content.IssueDate);
        var link = Assert.Single(converted.SourceLinks);
        Assert.Equal(new SourceLink(quote.Id, SalesDocumentKind.Quote, quote.Number!.Text, SalesBuilder.IssueDate), link);
    }

    [Theory]
    [InlineData(SalesDocumentStatus.Draft)] // not yet offered
    [InlineData(SalesDocumentStatus.Declined)] // the customer declined
    [InlineData(SalesDocumentStatus.Expired)] // the offer lapsed
    public void ConvertQuote_NotOpenQuote_IsInvalid(SalesDocumentStatus status)
    {
        var quote = SalesBuilder.InStatus(SalesDocumentKind.Quote, status);

        var failure = SalesBuilder.FailureOf(SalesDocument.ConvertQuote(quote, SalesDocumentId.New(), SalesDocumentKind.Invoice, SalesBuilder.IssueDate));

        Assert.Equal([SalesRuleCodes.SourceNotAllowed], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void ConvertQuote_ToCreditNote_Throws()
    {
        var quote = SalesBuilder.SentQuote();

        Assert.Throws<ArgumentException>(() => SalesDocument.ConvertQuote(quote, SalesDocumentId.New(), SalesDocumentKind.CreditNote, SalesBuilder.IssueDate));
    }

    [Fact]
    public void InvoiceDeliveryNotes_TwoNotes_ConcatenatesLinesAndLinksBoth()
    {
        var first = SalesBuilder.IssuedDeliveryNote(SalesBuilder.Content(lines: [SalesBuilder.Line(description: "Pallet 1", productId: "P-1")]), 1);
        var second = SalesBuilder.IssuedDeliveryNote(SalesBuilder.Content(lines: [SalesBuilder.Line(description: "Pallet 2", productId: "P-2")]), 2);

        var invoice = SalesDocument.InvoiceDeliveryNotes(SalesDocumentId.New(), [first, second], new DateOnly(2026, 3, 31)).Value;

        Assert.Equal(SalesDocumentKind.Invoice, invoice.Kind);
        Assert.Equal(["Pallet 1", "Pallet 2"], invoice.Lines.Select(line => line.Description));
        Assert.Equal([first.Id, second.Id], invoice.SourceLinks.Select(link => link.DocumentId));
        Assert.Equal(SalesBuilder.IssueDate, invoice.Content.DeliveryDate);
    }

    [Fact]
    public void InvoiceDeliveryNotes_DraftNote_IsInvalid()
    {
        var draft = SalesBuilder.Draft(SalesDocumentKind.DeliveryNote);

        var failure = SalesBuilder.FailureOf(SalesDocument.InvoiceDeliveryNotes(SalesDocumentId.New(), [draft], SalesBuilder.IssueDate));

        Assert.Equal([SalesRuleCodes.SourceNotAllowed], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void InvoiceDeliveryNotes_NoNotes_IsInvalid()
    {
        var failure = SalesBuilder.FailureOf(SalesDocument.InvoiceDeliveryNotes(SalesDocumentId.New(), [], SalesBuilder.IssueDate));

        Assert.Equal([SalesRuleCodes.SourcesMissing], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void InvoiceDeliveryNotes_DifferentCustomers_IsInvalid()
    {
        var first = SalesBuilder.IssuedDeliveryNote();
        var second = SalesBuilder.IssuedDeliveryNote(SalesBuilder.Content(customer: SalesBuilder.Customer(customerId: "customer-2")), 2);

        var failure = SalesBuilder.FailureOf(SalesDocument.InvoiceDeliveryNotes(SalesDocumentId.New(), [first, second], SalesBuilder.IssueDate));

        Assert.Equal([SalesRuleCodes.CustomerMismatch], SalesBuilder.Codes(failure.Violations));
    }
}
