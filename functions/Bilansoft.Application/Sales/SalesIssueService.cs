using System.Globalization;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// Gives documents their number: issues invoices, delivery notes and credit notes, sends quotes,
/// and records whether the customer accepted or declined a quote, or let it expire.
/// </summary>
/// <remarks>
/// Issuing reads the series counter, the document and the stock of its tracked products, and
/// commits all of them with the audit entry and the outbox message in one transaction under the
/// ETags read. When another request got there first, the transaction fails and the use case starts
/// again from fresh reads, so concurrent issues in one series get consecutive numbers without gaps
/// or doubles.
/// </remarks>
public sealed class SalesIssueService
{
    /// <summary>
    /// Most tracked products whose stock one document may move. A transaction takes at most 100
    /// operations. Issuing a credit note also writes two documents with up to eight index-row
    /// operations each, the counter, two audit entries and a message, which leaves room for 75.
    /// </summary>
    public const int MaxStockProducts = 75;

    private readonly SalesDocuments _documents;
    private readonly NumberingService _numbering;
    private readonly IProductStore _products;

    public SalesIssueService(SalesDocuments documents, NumberingService numbering, IProductStore products)
    {
        _documents = documents;
        _numbering = numbering;
        _products = products;
    }

    /// <summary>
    /// Issues a draft invoice, delivery note or credit note, or sends a draft quote, dated today:
    /// it gets the next number of its series and, for an invoice, its structured communication.
    /// </summary>
    /// <exception cref="ProblemException">
    /// Not found; 412 on a stale If-Match; 409 when the document is not a draft; 400 with every
    /// violation when its content cannot be issued.
    /// </exception>
    public async Task<Versioned<SalesDocumentRecord>> IssueAsync(
        OrganisationAccess access, SalesDocumentKind kind, string documentId, string? ifMatch, CancellationToken cancellationToken)
    {
        var validation = await _documents.ValidationAsync(access.OrganisationId, cancellationToken);
        var settings = (await _numbering.GetSettingsAsync(access.OrganisationId, cancellationToken)).For(kind);
        var series = settings.ToSeries().ValueOrThrow();
        var operation = $"{SalesKinds.Name(kind)}.issue";

        return await _documents.Transactions.RunAsync(operation, documentId, () => kind == SalesDocumentKind.CreditNote
            ? IssueCreditNoteOnceAsync(access, documentId, ifMatch, series, validation, cancellationToken)
            : IssueOnceAsync(access, kind, documentId, ifMatch, series, validation, cancellationToken), cancellationToken);
    }

    /// <summary>Records that the customer accepted or declined a sent quote, or that it expired.</summary>
    /// <exception cref="ProblemException">Not found; 412 on a stale If-Match; 409 unless the quote is sent.</exception>
    public async Task<Versioned<SalesDocumentRecord>> AnswerQuoteAsync(
        OrganisationAccess access, string quoteId, SalesDocumentAction action, string? ifMatch, CancellationToken cancellationToken)
    {
        if (action is not (SalesDocumentAction.Accept or SalesDocumentAction.Decline or SalesDocumentAction.Expire))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Only Accept, Decline and Expire apply to a sent quote.");
        }

        return await _documents.Transactions.RunAsync($"quote.{action.ToString().ToLowerInvariant()}", quoteId, async () =>
        {
            var current = await _documents.LoadAsync(access.OrganisationId, SalesDocumentKind.Quote, quoteId, cancellationToken);
            SalesDocuments.CheckIfMatch(current, ifMatch);
            var quote = current.Value.Document;
            var answered = (action switch
            {
                SalesDocumentAction.Accept => quote.Accept(),
                SalesDocumentAction.Decline => quote.Decline(),
                _ => quote.Expire(),
            }).ValueOrThrow();

            var record = current.Value with { Document = answered, UpdatedAt = _documents.Now };
            var verb = action switch
            {
                SalesDocumentAction.Accept => "accepted",
                SalesDocumentAction.Decline => "declined",
                _ => "expired",
            };
            var commit = new SalesCommit { Writes = [new DocumentWrite(record, current)], Audit = [_documents.Audit(access, verb, answered)] };
            return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
        }, cancellationToken);
    }

    private async Task<Versioned<SalesDocumentRecord>> IssueOnceAsync(
        OrganisationAccess access,
        SalesDocumentKind kind,
        string documentId,
        string? ifMatch,
        NumberingSeries series,
        SalesValidationOptions validation,
        CancellationToken cancellationToken)
    {
        var current = await _documents.LoadAsync(access.OrganisationId, kind, documentId, cancellationToken);
        SalesDocuments.CheckIfMatch(current, ifMatch);
        var document = current.Value.Document;
        var action = kind == SalesDocumentKind.Quote ? SalesDocumentAction.Send : SalesDocumentAction.Issue;
        if (!SalesDocumentLifecycle.Allows(kind, document.Status, action))
        {
            throw SalesProblems.TransitionNotAllowed(document, action);
        }

        var today = _documents.Today;
        var counter = await _documents.Store.GetCounterAsync(access.OrganisationId, series.Index, cancellationToken);
        var step = series.Next(counter?.Value, today).ValueOrThrow();
        var issued = (kind == SalesDocumentKind.Quote
            ? document.Send(step.Number, today, validation)
            : document.Issue(step.Number, today, validation)).ValueOrThrow();
        var stock = await StockChangesAsync(access.OrganisationId, issued, cancellationToken);

        var now = _documents.Now;
        var record = current.Value with { Document = issued, UpdatedAt = now, IssuedAt = now };
        var commit = new SalesCommit
        {
            Writes = [new DocumentWrite(record, current)],
            Counter = new CounterWrite(series.Index, step.Counter, counter?.ETag),
            StockChanges = stock,
            Audit = [_documents.Audit(access, kind == SalesDocumentKind.Quote ? "sent" : "issued", issued, NumberDetails(issued))],
            Messages = kind == SalesDocumentKind.Invoice ? [SalesMessages.Issued(access.OrganisationId, issued, now)] : [],
        };
        return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
    }

    private async Task<Versioned<SalesDocumentRecord>> IssueCreditNoteOnceAsync(
        OrganisationAccess access,
        string creditNoteId,
        string? ifMatch,
        NumberingSeries series,
        SalesValidationOptions validation,
        CancellationToken cancellationToken)
    {
        var current = await _documents.LoadAsync(access.OrganisationId, SalesDocumentKind.CreditNote, creditNoteId, cancellationToken);
        SalesDocuments.CheckIfMatch(current, ifMatch);
        var creditNote = current.Value.Document;
        if (!SalesDocumentLifecycle.Allows(SalesDocumentKind.CreditNote, creditNote.Status, SalesDocumentAction.Issue))
        {
            throw SalesProblems.TransitionNotAllowed(creditNote, SalesDocumentAction.Issue);
        }

        var link = creditNote.SourceLinks.FirstOrDefault(source => source.Kind == SalesDocumentKind.Invoice)
            ?? throw new InvalidOperationException($"Credit note {creditNoteId} is not linked to an invoice.");
        var invoice = await _documents.Store.GetAsync(access.OrganisationId, link.DocumentId, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {link.DocumentId} of credit note {creditNoteId} does not exist.");

        var today = _documents.Today;
        var counter = await _documents.Store.GetCounterAsync(access.OrganisationId, series.Index, cancellationToken);
        var step = series.Next(counter?.Value, today).ValueOrThrow();
        var issue = SalesDocument.IssueCreditNote(creditNote, invoice.Value.Document, step.Number, today, validation).ValueOrThrow();
        var stock = await StockChangesAsync(access.OrganisationId, issue.CreditNote, cancellationToken);

        var now = _documents.Now;
        var creditNoteRecord = current.Value with { Document = issue.CreditNote, UpdatedAt = now, IssuedAt = now };
        var invoiceRecord = invoice.Value with { Document = issue.Invoice, UpdatedAt = now };
        var credited = new Dictionary<string, string?>
        {
            ["creditNote"] = SalesIds.Format(issue.CreditNote.Id),
            ["creditNoteNumber"] = step.Number.Text,
            ["amount"] = issue.CreditNote.Totals.TotalWithVat.ToString(CultureInfo.InvariantCulture),
            ["status"] = issue.Invoice.Status.ToString(),
        };
        var commit = new SalesCommit
        {
            Writes = [new DocumentWrite(creditNoteRecord, current), new DocumentWrite(invoiceRecord, invoice)],
            Counter = new CounterWrite(series.Index, step.Counter, counter?.ETag),
            StockChanges = stock,
            Audit =
            [
                _documents.Audit(access, "issued", issue.CreditNote, NumberDetails(issue.CreditNote)),
                _documents.Audit(access, "credited", issue.Invoice, credited),
            ],
            Messages = [SalesMessages.Issued(access.OrganisationId, issue.CreditNote, now)],
        };
        return await _documents.CommitAsync(access.OrganisationId, commit, creditNoteRecord, cancellationToken);
    }

    // Products that were deleted or are not tracked keep no stock, so their lines move nothing.
    private async Task<IReadOnlyList<Versioned<Product>>> StockChangesAsync(string organisationId, SalesDocument document, CancellationToken cancellationToken)
    {
        var movements = StockEffects.WhenIssued(document);
        if (movements.Count == 0)
        {
            return [];
        }

        var products = await _products.GetManyAsync(organisationId, [.. movements.Select(movement => movement.ProductId)], cancellationToken);
        var changes = new List<Versioned<Product>>();
        foreach (var movement in movements)
        {
            if (products.TryGetValue(movement.ProductId, out var product) && product.Value.TrackStock)
            {
                var moved = product.Value with { StockLevel = product.Value.StockLevel + movement.QuantityDelta, UpdatedAt = _documents.Now };
                changes.Add(new Versioned<Product>(moved, product.ETag));
            }
        }

        if (changes.Count > MaxStockProducts)
        {
            throw ProblemException.Invalid(SalesErrorCodes.TooManyStockProducts, "lines", new Dictionary<string, object?>
            {
                ["count"] = changes.Count,
                ["maximum"] = MaxStockProducts,
            });
        }

        return changes;
    }

    private static Dictionary<string, string?> NumberDetails(SalesDocument document) => new()
    {
        ["number"] = document.Number?.Text,
        ["structuredCommunication"] = document.StructuredCommunication?.Digits,
        ["total"] = document.Totals.TotalWithVat.ToString(CultureInfo.InvariantCulture),
    };
}
