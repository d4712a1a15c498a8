using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>The order of a document list.</summary>
public enum SalesDocumentSort
{
    /// <summary>By issue date (BT-2), then number.</summary>
    IssueDate,

    /// <summary>By number: year, series and sequence; drafts, which have none, come first in ascending order.</summary>
    Number,
}

/// <summary>Criteria of a document list. Every filter given must hold.</summary>
public sealed record SalesDocumentQuery
{
    public required SalesDocumentKind Kind { get; init; }

    /// <summary>Only documents in one of these states; empty for every state.</summary>
    public IReadOnlySet<SalesDocumentStatus> Statuses { get; init; } = new HashSet<SalesDocumentStatus>();

    public string? CustomerId { get; init; }

    /// <summary>First issue date included.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last issue date included.</summary>
    public DateOnly? To { get; init; }

    /// <summary>When set, only invoices overdue on that date: issued or partially paid, with an amount due and a due date before it.</summary>
    public DateOnly? OverdueOn { get; init; }

    /// <summary>Case-insensitive text that the number, customer name or reference must contain.</summary>
    public string? Text { get; init; }

    public SalesDocumentSort Sort { get; init; } = SalesDocumentSort.IssueDate;

    public bool Descending { get; init; } = true;

    /// <summary>Opaque cursor of the previous page, or null for the first page.</summary>
    public string? Cursor { get; init; }

    public int Limit { get; init; } = Platform.PageSize.Default;
}

/// <summary>A document as lists show it, read from the index without the lines.</summary>
public sealed record SalesDocumentSummary
{
    public required SalesDocumentId Id { get; init; }

    public required SalesDocumentKind Kind { get; init; }

    public required SalesDocumentStatus Status { get; init; }

    /// <summary>Number (BT-1), or null for a draft.</summary>
    public string? Number { get; init; }

    public StructuredCommunication? StructuredCommunication { get; init; }

    /// <summary>The customer record, or null for an imported invoice without one.</summary>
    public string? CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public string? Reference { get; init; }

    public required DateOnly IssueDate { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>Total without VAT (BT-109) in euro.</summary>
    public required decimal NetAmount { get; init; }

    /// <summary>Total VAT (BT-110) in euro.</summary>
    public required decimal VatAmount { get; init; }

    /// <summary>Total with VAT (BT-112) in euro.</summary>
    public required decimal Total { get; init; }

    /// <summary>Amount still due in euro; zero for documents other than invoices.</summary>
    public required decimal AmountDue { get; init; }

    public bool Imported { get; init; }

    /// <summary>Whether the invoice is overdue on <paramref name="today"/>, derived as <see cref="SalesDocument.IsOverdue"/> does.</summary>
    public bool IsOverdue(DateOnly today) =>
        Kind == SalesDocumentKind.Invoice
        && Status is SalesDocumentStatus.Issued or SalesDocumentStatus.PartiallyPaid
        && AmountDue > 0m
        && DueDate is { } dueDate
        && today > dueDate;
}
