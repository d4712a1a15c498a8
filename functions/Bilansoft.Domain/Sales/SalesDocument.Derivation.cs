namespace Bilansoft.Domain.Sales;

/// <content>Documents made from other documents: duplicates, merges, conversions and credit notes.</content>
public sealed partial class SalesDocument
{
    /// <summary>
    /// Copies any document, in any state, into a new draft of the same kind with the same customer,
    /// texts and lines, dated <paramref name="issueDate"/>. A duplicate has no number, payments or
    /// credits; only a credit note keeps its link to the invoice it credits.
    /// </summary>
    public SalesDocument Duplicate(SalesDocumentId newId, DateOnly issueDate)
    {
        var links = Kind == SalesDocumentKind.CreditNote ? SourceLinks : [];
        return new SalesDocument(newId, Kind, SalesDocumentStatus.Draft, Content with { IssueDate = issueDate }, null, null, links, [], []);
    }

    /// <summary>
    /// Merges two or more draft invoices of the same customer into one new draft: the lines in the
    /// order of <paramref name="drafts"/> and then of each draft, the header (dates, reference,
    /// payment term) of the first draft, the notes joined by blank lines and the source links of all
    /// drafts. The application deletes the merged drafts.
    /// </summary>
    /// <returns>
    /// The merged draft, or <see cref="SalesFailureKind.Invalid"/> when fewer than two documents are
    /// given, one is not a draft invoice, or their customers differ.
    /// </returns>
    public static SalesResult<SalesDocument> MergeDraftInvoices(SalesDocumentId newId, IReadOnlyList<SalesDocument> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);

        if (drafts.Count < 2)
        {
            return SalesResult<SalesDocument>.Invalid(Violation.Of(SalesRuleCodes.MergeNeedsTwoDocuments, "documents", ("count", drafts.Count)));
        }

        var violations = CheckSources(drafts, draft => draft.Kind == SalesDocumentKind.Invoice && draft.IsDraft);
        if (violations.Count > 0)
        {
            return SalesResult<SalesDocument>.Invalid(violations);
        }

        var notes = drafts.Select(draft => draft.Content.Notes).Where(note => !string.IsNullOrWhiteSpace(note)).ToArray();
        var content = drafts[0].Content with
        {
            Lines = [.. drafts.SelectMany(draft => draft.Lines)],
            Notes = notes.Length == 0 ? null : string.Join("\n\n", notes),
        };

        var links = drafts.SelectMany(draft => draft.SourceLinks).Distinct().ToArray();
        return Success(new SalesDocument(newId, SalesDocumentKind.Invoice, SalesDocumentStatus.Draft, content, null, null, links, [], []));
    }

    /// <summary>
    /// Converts a sent or accepted quote into a draft delivery note or invoice with the quote's
    /// customer, texts and lines, linked to the quote. The quote keeps its state; the application
    /// may accept it as well.
    /// </summary>
    /// <returns>
    /// The new draft, or <see cref="SalesFailureKind.Invalid"/> with
    /// <see cref="SalesRuleCodes.SourceNotAllowed"/> when the quote is a draft, declined or expired.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="quote"/> is not a quote, or <paramref name="targetKind"/> is neither a
    /// delivery note nor an invoice.
    /// </exception>
    public static SalesResult<SalesDocument> ConvertQuote(SalesDocument quote, SalesDocumentId newId, SalesDocumentKind targetKind, DateOnly issueDate)
    {
        ArgumentNullException.ThrowIfNull(quote);

        if (quote.Kind != SalesDocumentKind.Quote)
        {
            throw new ArgumentException($"Expected a quote, got a {quote.Kind}.", nameof(quote));
        }

        if (targetKind is not (SalesDocumentKind.DeliveryNote or SalesDocumentKind.Invoice))
        {
            throw new ArgumentException($"A quote converts into a delivery note or an invoice, not a {targetKind}.", nameof(targetKind));
        }

        if (quote.Status is not (SalesDocumentStatus.Sent or SalesDocumentStatus.Accepted))
        {
            return SalesResult<SalesDocument>.Invalid(SourceNotAllowed(quote, 0));
        }

        var content = quote.Content with { IssueDate = issueDate };
        return Success(new SalesDocument(newId, targetKind, SalesDocumentStatus.Draft, content, null, null, [LinkTo(quote)], [], []));
    }

    /// <summary>
    /// Makes one draft invoice from one or more issued delivery notes of the same customer: lines in
    /// the order given, the header of the first note, links to every note. The delivery date (BT-72)
    /// is the first note's delivery date, or its issue date when it has none. Because the invoice
    /// has delivery notes as sources, issuing it does not move stock again.
    /// </summary>
    /// <returns>
    /// The new draft invoice, or <see cref="SalesFailureKind.Invalid"/> when no note is given, a
    /// document is not an issued delivery note, or the customers differ.
    /// </returns>
    public static SalesResult<SalesDocument> InvoiceDeliveryNotes(SalesDocumentId newId, IReadOnlyList<SalesDocument> deliveryNotes, DateOnly issueDate)
    {
        ArgumentNullException.ThrowIfNull(deliveryNotes);

        if (deliveryNotes.Count == 0)
        {
            return SalesResult<SalesDocument>.Invalid(new RuleViolation(SalesRuleCodes.SourcesMissing, "documents"));
        }

        var violations = CheckSources(deliveryNotes, note => note.Kind == SalesDocumentKind.DeliveryNote && note.Status == SalesDocumentStatus.Issued);
        if (violations.Count > 0)
        {
            return SalesResult<SalesDocument>.Invalid(violations);
        }

        var content = deliveryNotes[0].Content with
        {
            IssueDate = issueDate,
            DeliveryDate = deliveryNotes[0].Content.DeliveryDate ?? deliveryNotes[0].Content.IssueDate,
            Lines = [.. deliveryNotes.SelectMany(note => note.Lines)],
        };

        var links = deliveryNotes.Select(LinkTo).ToArray();
        return Success(new SalesDocument(newId, SalesDocumentKind.Invoice, SalesDocumentStatus.Draft, content, null, null, links, [], []));
    }

    /// <summary>
    /// Creates a draft credit note against an issued invoice: a full credit copies every invoice
    /// line; a partial credit takes <paramref name="lines"/>, whose quantities are positive like the
    /// invoice's. The limit on the credited total is checked when the credit note is issued.
    /// </summary>
    /// <param name="newId">Identifier of the credit note.</param>
    /// <param name="invoice">The issued invoice to credit.</param>
    /// <param name="issueDate">Intended issue date of the credit note.</param>
    /// <param name="lines">Lines of a partial credit, or null to credit every line.</param>
    /// <param name="returnsGoods">Whether the goods come back, so issuing the credit note raises stock.</param>
    /// <returns>
    /// The draft credit note, or a <see cref="SalesFailureKind.Conflict"/> with
    /// <see cref="SalesRuleCodes.CreditNoteInvoiceNotCreditable"/> when the invoice is a draft or
    /// already credited.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="invoice"/> is not an invoice.</exception>
    public static SalesResult<SalesDocument> CreateCreditNote(
        SalesDocumentId newId,
        SalesDocument invoice,
        DateOnly issueDate,
        IReadOnlyList<SalesLine>? lines = null,
        bool returnsGoods = false)
    {
        ArgumentNullException.ThrowIfNull(invoice);

        if (invoice.Kind != SalesDocumentKind.Invoice)
        {
            throw new ArgumentException($"Expected an invoice, got a {invoice.Kind}.", nameof(invoice));
        }

        if (!SalesDocumentLifecycle.Allows(invoice.Kind, invoice.Status, SalesDocumentAction.Credit))
        {
            return SalesResult<SalesDocument>.Conflict(Violation.Of(SalesRuleCodes.CreditNoteInvoiceNotCreditable, "invoiceId", ("status", invoice.Status)));
        }

        var content = invoice.Content with
        {
            IssueDate = issueDate,
            PaymentTermDays = null,
            FixedDueDate = null,
            ReturnsGoods = returnsGoods,
            Lines = lines is null ? invoice.Lines : [.. lines],
        };

        return Success(new SalesDocument(newId, SalesDocumentKind.CreditNote, SalesDocumentStatus.Draft, content, null, null, [LinkTo(invoice)], [], []));
    }

    /// <summary>
    /// Issues a draft credit note against the invoice it is linked to and counts it on that invoice.
    /// The credit note's total with VAT plus what earlier credit notes credited may not exceed the
    /// invoice's total with VAT; an invoice credited in full becomes <see cref="SalesDocumentStatus.Credited"/>.
    /// </summary>
    /// <returns>
    /// Both documents; a <see cref="SalesFailureKind.Conflict"/> when the credit note is not a draft
    /// or the invoice cannot be credited; otherwise <see cref="SalesFailureKind.Invalid"/> with the
    /// validation violations, <see cref="SalesRuleCodes.CreditNoteInvoiceMismatch"/> or
    /// <see cref="SalesRuleCodes.CreditExceedsInvoiceTotal"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The documents are not a credit note and an invoice.</exception>
    public static SalesResult<CreditNoteIssue> IssueCreditNote(
        SalesDocument creditNote,
        SalesDocument invoice,
        DocumentNumber number,
        DateOnly issueDate,
        SalesValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(creditNote);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(options);

        if (creditNote.Kind != SalesDocumentKind.CreditNote || invoice.Kind != SalesDocumentKind.Invoice)
        {
            throw new ArgumentException($"Expected a credit note and an invoice, got a {creditNote.Kind} and a {invoice.Kind}.", nameof(creditNote));
        }

        if (!SalesDocumentLifecycle.Allows(creditNote.Kind, creditNote.Status, SalesDocumentAction.Issue))
        {
            return new SalesResult<CreditNoteIssue>(creditNote.TransitionNotAllowed(SalesDocumentAction.Issue).Failure!);
        }

        if (!SalesDocumentLifecycle.Allows(invoice.Kind, invoice.Status, SalesDocumentAction.Credit))
        {
            return SalesResult<CreditNoteIssue>.Conflict(Violation.Of(SalesRuleCodes.CreditNoteInvoiceNotCreditable, "invoiceId", ("status", invoice.Status)));
        }

        var issued = creditNote.Finalise(SalesDocumentAction.Issue, SalesDocumentStatus.Issued, number, issueDate, options);
        var violations = issued.Failure?.Violations.ToList() ?? [];

        if (!creditNote.SourceLinks.Any(link => link.DocumentId == invoice.Id))
        {
            violations.Add(new RuleViolation(SalesRuleCodes.CreditNoteInvoiceMismatch, "invoiceId"));
        }

        var creditTotal = creditNote.Totals.TotalWithVat;
        if (invoice.CreditedAmount + creditTotal > invoice.Totals.TotalWithVat)
        {
            violations.Add(Violation.Of(SalesRuleCodes.CreditExceedsInvoiceTotal, "lines",
                ("invoiceTotal", invoice.Totals.TotalWithVat),
                ("alreadyCredited", invoice.CreditedAmount),
                ("creditNoteTotal", creditTotal)));
        }

        if (violations.Count > 0)
        {
            return SalesResult<CreditNoteIssue>.Invalid(violations);
        }

        var credit = new AppliedCredit(creditNote.Id, number.Text, creditTotal);
        var credited = invoice.WithSettlement(invoice.Payments, [.. invoice.Credits, credit]);
        return new SalesResult<CreditNoteIssue>(new CreditNoteIssue(issued.Value, credited));
    }

    private static SourceLink LinkTo(SalesDocument document) =>
        new(document.Id, document.Kind, document.Number?.Text, document.IsDraft ? null : document.Content.IssueDate);

    private static RuleViolation SourceNotAllowed(SalesDocument document, int index) =>
        Violation.Of(SalesRuleCodes.SourceNotAllowed, $"documents[{index}]",
            ("kind", document.Kind),
            ("status", document.Status));

    private static List<RuleViolation> CheckSources(IReadOnlyList<SalesDocument> sources, Func<SalesDocument, bool> isAllowed)
    {
        var violations = new List<RuleViolation>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (!isAllowed(sources[i]))
            {
                violations.Add(SourceNotAllowed(sources[i], i));
            }

            if (!string.Equals(sources[i].Customer.CustomerId, sources[0].Customer.CustomerId, StringComparison.Ordinal))
            {
                violations.Add(new RuleViolation(SalesRuleCodes.CustomerMismatch, $"documents[{i}]"));
            }
        }

        return violations;
    }
}
