using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// Documents made from other documents: a quote converted into a delivery note or invoice,
/// delivery notes invoiced together, draft invoices merged, and credit notes against an invoice.
/// The new document links to its sources.
/// </summary>
public sealed class SalesConversionService
{
    /// <summary>
    /// Most draft invoices one merge takes. Each merged draft is deleted with its four index rows in
    /// the same transaction, which takes at most 100 operations.
    /// </summary>
    public const int MaxMergedDrafts = 10;

    private readonly SalesDocuments _documents;
    private readonly SalesContentBuilder _builder;
    private readonly CustomerService _customers;

    public SalesConversionService(SalesDocuments documents, SalesContentBuilder builder, CustomerService customers)
    {
        _documents = documents;
        _builder = builder;
        _customers = customers;
    }

    /// <summary>
    /// Converts a sent or accepted quote into a draft delivery note or invoice with its lines. A sent
    /// quote becomes accepted in the same transaction, because converting it means the customer
    /// agreed.
    /// </summary>
    /// <exception cref="ProblemException">Not found; 412 on a stale If-Match; 400 when the quote is a draft, declined or expired.</exception>
    public async Task<Versioned<SalesDocumentRecord>> ConvertQuoteAsync(
        OrganisationAccess access, string quoteId, SalesDocumentKind target, string? ifMatch, CancellationToken cancellationToken) =>
        await _documents.Transactions.RunAsync("quote.convert", quoteId, async () =>
        {
            var quote = await _documents.LoadAsync(access.OrganisationId, SalesDocumentKind.Quote, quoteId, cancellationToken);
            SalesDocuments.CheckIfMatch(quote, ifMatch);
            var converted = SalesDocument.ConvertQuote(quote.Value.Document, SalesDocumentId.New(), target, _documents.Today).ValueOrThrow();
            if (target == SalesDocumentKind.Invoice)
            {
                converted = converted.Update(await WithPaymentTermAsync(access, converted.Content, cancellationToken)).ValueOrThrow();
            }

            var record = _documents.NewRecord(converted, quote.Value.DeliveryAddress);
            var writes = new List<DocumentWrite> { new(record, null) };
            var audit = new List<Organisations.AuditEntry> { _documents.Audit(access, "created", converted, Source(quote.Value)) };
            if (quote.Value.Document.Status == SalesDocumentStatus.Sent)
            {
                var accepted = quote.Value.Document.Accept().ValueOrThrow();
                writes.Add(new DocumentWrite(quote.Value with { Document = accepted, UpdatedAt = _documents.Now }, quote));
                audit.Add(_documents.Audit(access, "accepted", accepted));
            }

            return await _documents.CommitAsync(access.OrganisationId, new SalesCommit { Writes = writes, Audit = audit }, record, cancellationToken);
        }, cancellationToken);

    /// <summary>Makes one draft invoice from issued delivery notes of one customer, in the order given.</summary>
    /// <remarks>
    /// NOTE: A delivery note does not record that it was invoiced, so nothing stops invoicing it a
    /// second time. Only the source links of existing invoices show it.
    /// </remarks>
    /// <exception cref="ProblemException">400 when an id is unknown, a note is not issued or the customers differ.</exception>
    public async Task<Versioned<SalesDocumentRecord>> InvoiceDeliveryNotesAsync(
        OrganisationAccess access, IReadOnlyList<string?>? deliveryNoteIds, CancellationToken cancellationToken)
    {
        const string field = "deliveryNoteIds";
        var notes = await _documents.LoadListedAsync(access.OrganisationId, SalesDocumentKind.DeliveryNote, deliveryNoteIds, field, cancellationToken);
        var result = SalesDocument.InvoiceDeliveryNotes(SalesDocumentId.New(), [.. notes.Select(note => note.Value.Document)], _documents.Today);
        if (!result.Succeeded)
        {
            throw ProblemException.Invalid(SalesProblems.RenameDocumentsPath(result.Failure.Violations, field));
        }

        var invoice = result.Value.Update(await WithPaymentTermAsync(access, result.Value.Content, cancellationToken)).ValueOrThrow();
        var record = _documents.NewRecord(invoice, notes[0].Value.DeliveryAddress);
        var details = new Dictionary<string, string?> { ["sources"] = string.Join(",", notes.Select(note => note.Value.Document.Number?.Text)) };
        var commit = new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [_documents.Audit(access, "created", invoice, details)] };
        return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
    }

    /// <summary>
    /// Merges two to <see cref="MaxMergedDrafts"/> draft invoices of one customer into a new draft
    /// and deletes the merged drafts in the same transaction.
    /// </summary>
    /// <exception cref="ProblemException">400 when an id is unknown, a document is not a draft invoice or the customers differ.</exception>
    public async Task<Versioned<SalesDocumentRecord>> MergeAsync(OrganisationAccess access, IReadOnlyList<string?>? invoiceIds, CancellationToken cancellationToken)
    {
        const string field = "invoiceIds";
        if (invoiceIds is { Count: > MaxMergedDrafts })
        {
            var rules = new InputRules();
            rules.Range(invoiceIds.Count, field, 2, MaxMergedDrafts);
            rules.ThrowIfInvalid();
        }

        return await _documents.Transactions.RunAsync("invoice.merge", string.Join(",", invoiceIds ?? []), async () =>
        {
            var drafts = await _documents.LoadListedAsync(access.OrganisationId, SalesDocumentKind.Invoice, invoiceIds, field, cancellationToken);
            var result = SalesDocument.MergeDraftInvoices(SalesDocumentId.New(), [.. drafts.Select(draft => draft.Value.Document)]);
            if (!result.Succeeded)
            {
                throw ProblemException.Invalid(SalesProblems.RenameDocumentsPath(result.Failure.Violations, field));
            }

            var record = _documents.NewRecord(result.Value, drafts[0].Value.DeliveryAddress);
            var audit = new List<Organisations.AuditEntry>
            {
                _documents.Audit(access, "merged", result.Value, new Dictionary<string, string?> { ["sources"] = string.Join(",", drafts.Select(draft => SalesIds.Format(draft.Value.Id))) }),
            };
            audit.AddRange(drafts.Select(draft => _documents.Audit(access, "deleted", draft.Value.Document, new Dictionary<string, string?> { ["mergedInto"] = SalesIds.Format(result.Value.Id) })));
            var commit = new SalesCommit { Writes = [new DocumentWrite(record, null)], Deletes = drafts, Audit = audit };
            return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Creates a draft credit note against an issued invoice: every line of the invoice without
    /// <see cref="SalesDocumentInput.Lines"/>, those lines otherwise. Notes, reference and exemption
    /// reason of the request replace the invoice's.
    /// </summary>
    /// <exception cref="ProblemException">
    /// Not found; 412 on a stale If-Match; 409 when the invoice is a draft, credited or imported;
    /// 400 when the lines are invalid or would credit more than the invoice still allows.
    /// </exception>
    public async Task<Versioned<SalesDocumentRecord>> CreateCreditNoteAsync(
        OrganisationAccess access, string invoiceId, SalesDocumentInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var invoice = await _documents.LoadAsync(access.OrganisationId, SalesDocumentKind.Invoice, invoiceId, cancellationToken);
        SalesDocuments.CheckIfMatch(invoice, ifMatch);
        if (invoice.Value.Imported)
        {
            throw SalesProblems.Imported(invoice.Value.Document);
        }

        var customer = invoice.Value.Document.Customer;
        var lines = input.Lines is null ? null : await _builder.BuildLinesAsync(access.OrganisationId, input.Lines, customer, cancellationToken);
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice.Value.Document, input.IssueDate ?? _documents.Today, lines, input.ReturnsGoods ?? false).ValueOrThrow();

        var validation = await _documents.ValidationAsync(access.OrganisationId, cancellationToken);
        var rules = new InputRules();
        var content = creditNote.Content with
        {
            Reference = rules.Optional(input.Reference, "reference", SalesContentBuilder.MaxReferenceLength) ?? creditNote.Content.Reference,
            Notes = rules.Optional(input.Notes, "notes", SalesContentBuilder.MaxNotesLength) ?? creditNote.Content.Notes,
            VatExemptionReason = rules.Optional(input.VatExemptionReason, "vatExemptionReason", SalesContentBuilder.MaxExemptionReasonLength)
                ?? creditNote.Content.VatExemptionReason,
        };
        foreach (var violation in SalesDocumentValidator.Validate(SalesDocumentKind.CreditNote, content, validation))
        {
            rules.Add(violation.Code, violation.Path, violation.Arguments);
        }

        rules.ThrowIfInvalid();
        creditNote = creditNote.Update(content).ValueOrThrow();
        CheckCreditable(invoice.Value.Document, creditNote);

        var record = _documents.NewRecord(creditNote, invoice.Value.DeliveryAddress);
        var commit = new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [_documents.Audit(access, "created", creditNote, Source(invoice.Value))] };
        return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
    }

    // Issuing checks the credit note again against the credit notes issued by then. This early
    // check catches an obvious over-credit while the user is still writing.
    private static void CheckCreditable(SalesDocument invoice, SalesDocument creditNote)
    {
        if (creditNote.Totals.TotalWithVat > invoice.CreditableAmount)
        {
            throw ProblemException.Invalid(SalesRuleCodes.CreditExceedsInvoiceTotal, "lines", new Dictionary<string, object?>
            {
                ["invoiceTotal"] = invoice.Totals.TotalWithVat,
                ["alreadyCredited"] = invoice.CreditedAmount,
                ["creditNoteTotal"] = creditNote.Totals.TotalWithVat,
            });
        }
    }

    private async Task<SalesDocumentContent> WithPaymentTermAsync(OrganisationAccess access, SalesDocumentContent content, CancellationToken cancellationToken)
    {
        var customer = await _customers.FindUsableAsync(access.OrganisationId, content.Customer.CustomerId, cancellationToken);
        return _builder.EnsurePaymentTerm(content, customer?.PaymentTermDays);
    }

    private static Dictionary<string, string?> Source(SalesDocumentRecord source) => new()
    {
        ["source"] = SalesIds.Format(source.Id),
        ["sourceNumber"] = source.Document.Number?.Text,
    };
}
