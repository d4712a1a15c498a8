using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// A quote, delivery note, invoice or credit note. Immutable: every change returns a new document
/// in a <see cref="SalesResult{T}"/>, and only a draft's content may change. Once issued (or sent,
/// for a quote), a document changes only by the transitions of <see cref="SalesDocumentLifecycle"/>,
/// payments and credit notes; any other change is rejected with
/// <see cref="SalesRuleCodes.DocumentImmutable"/> as a <see cref="SalesFailureKind.Conflict"/>.
/// </summary>
/// <remarks>
/// Start with <see cref="CreateDraft"/> or one of the conversions; storage adapters rebuild stored
/// documents with <see cref="Restore"/>.
/// </remarks>
public sealed partial class SalesDocument
{
    private DocumentTotals? _totals;

    private SalesDocument(
        SalesDocumentId id,
        SalesDocumentKind kind,
        SalesDocumentStatus status,
        SalesDocumentContent content,
        DocumentNumber? number,
        StructuredCommunication? structuredCommunication,
        IReadOnlyList<SourceLink> sourceLinks,
        IReadOnlyList<InvoicePayment> payments,
        IReadOnlyList<AppliedCredit> credits)
    {
        Id = id;
        Kind = kind;
        Status = status;
        Content = content;
        Number = number;
        StructuredCommunication = structuredCommunication;
        SourceLinks = sourceLinks;
        Payments = payments;
        Credits = credits;
    }

    /// <summary>Identifier of the document.</summary>
    public SalesDocumentId Id { get; }

    /// <summary>Quote, delivery note, invoice or credit note.</summary>
    public SalesDocumentKind Kind { get; }

    /// <summary>Current state; the states a kind uses are listed by <see cref="SalesDocumentLifecycle.StatusesOf"/>.</summary>
    public SalesDocumentStatus Status { get; }

    /// <summary>Customer, dates, texts and lines.</summary>
    public SalesDocumentContent Content { get; }

    /// <summary>The number given when issued or sent (BT-1); null for a draft.</summary>
    public DocumentNumber? Number { get; }

    /// <summary>
    /// Structured communication of an issued invoice, derived from its number by
    /// <see cref="StructuredCommunicationScheme"/> (BT-83 remittance information); null otherwise.
    /// </summary>
    public StructuredCommunication? StructuredCommunication { get; }

    /// <summary>The documents this one was made from, in the order they were added.</summary>
    public IReadOnlyList<SourceLink> SourceLinks { get; }

    /// <summary>Payments recorded on an invoice, oldest first; empty for other kinds.</summary>
    public IReadOnlyList<InvoicePayment> Payments { get; }

    /// <summary>Issued credit notes counted against an invoice; empty for other kinds.</summary>
    public IReadOnlyList<AppliedCredit> Credits { get; }

    /// <summary>The buyer snapshot (BG-7).</summary>
    public CustomerSnapshot Customer => Content.Customer;

    /// <summary>The lines, in the order printed.</summary>
    public IReadOnlyList<SalesLine> Lines => Content.Lines;

    /// <summary>Whether the document is a draft, the only state in which its content may change.</summary>
    public bool IsDraft => Status == SalesDocumentStatus.Draft;

    /// <summary>Totals and VAT breakdown computed from the lines.</summary>
    public DocumentTotals Totals => _totals ??= DocumentTotals.Calculate(Content.Lines);

    /// <summary>Creates a draft of <paramref name="kind"/> without links to other documents.</summary>
    public static SalesDocument CreateDraft(SalesDocumentId id, SalesDocumentKind kind, SalesDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);

        return new SalesDocument(id, kind, SalesDocumentStatus.Draft, content, null, null, [], [], []);
    }

    /// <summary>
    /// Rebuilds a stored document exactly as it was, without running transitions or validation. For
    /// storage adapters only; new documents start with <see cref="CreateDraft"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The status is not one the kind uses, a non-draft document has no number, or payments or
    /// credits are given for a kind other than an invoice.
    /// </exception>
    public static SalesDocument Restore(
        SalesDocumentId id,
        SalesDocumentKind kind,
        SalesDocumentStatus status,
        SalesDocumentContent content,
        DocumentNumber? number,
        StructuredCommunication? structuredCommunication,
        IReadOnlyList<SourceLink> sourceLinks,
        IReadOnlyList<InvoicePayment> payments,
        IReadOnlyList<AppliedCredit> credits)
    {
        ArgumentNullException.ThrowIfNull(content);

        if (!SalesDocumentLifecycle.Uses(kind, status))
        {
            throw new ArgumentException($"A {kind} cannot be in status {status}.", nameof(status));
        }

        if (status != SalesDocumentStatus.Draft && number is null)
        {
            throw new ArgumentException($"A {kind} in status {status} must have a number.", nameof(number));
        }

        if (kind != SalesDocumentKind.Invoice && (payments.Count > 0 || credits.Count > 0))
        {
            throw new ArgumentException($"Only invoices carry payments and credits, not a {kind}.", nameof(payments));
        }

        return new SalesDocument(id, kind, status, content, number, structuredCommunication, [.. sourceLinks], [.. payments], [.. credits]);
    }

    /// <summary>Replaces the content of a draft.</summary>
    /// <returns>
    /// The changed draft, or a <see cref="SalesFailureKind.Conflict"/> with
    /// <see cref="SalesRuleCodes.DocumentImmutable"/> when the document is no longer a draft.
    /// </returns>
    public SalesResult<SalesDocument> Update(SalesDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);

        if (!IsDraft)
        {
            return SalesResult<SalesDocument>.Conflict(Violation.Of(SalesRuleCodes.DocumentImmutable, string.Empty, ("status", Status)));
        }

        return Success(With(content: content));
    }

    /// <summary>Returns the kind and the number, or the identifier for a draft.</summary>
    public override string ToString() => $"{Kind} {(Number?.Text ?? Id.ToString())} ({Status})";

    private static SalesResult<SalesDocument> Success(SalesDocument document) => new(document);

    private SalesResult<SalesDocument> TransitionNotAllowed(SalesDocumentAction action) =>
        SalesResult<SalesDocument>.Conflict(Violation.Of(SalesRuleCodes.TransitionNotAllowed, string.Empty,
            ("kind", Kind),
            ("status", Status),
            ("action", action)));

    private SalesDocument With(
        SalesDocumentStatus? status = null,
        SalesDocumentContent? content = null,
        DocumentNumber? number = null,
        StructuredCommunication? structuredCommunication = null,
        IReadOnlyList<InvoicePayment>? payments = null,
        IReadOnlyList<AppliedCredit>? credits = null) =>
        new(
            Id,
            Kind,
            status ?? Status,
            content ?? Content,
            number ?? Number,
            structuredCommunication ?? StructuredCommunication,
            SourceLinks,
            payments ?? Payments,
            credits ?? Credits);
}
