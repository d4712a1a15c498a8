namespace Bilansoft.Domain.Sales;

/// <summary>
/// A link from a document to a document it was made from: a quote or delivery notes for an invoice,
/// a quote for a delivery note, or the invoice for a credit note. For a credit note it is the
/// preceding invoice reference (EN 16931 BT-25, with BT-26 its issue date).
/// </summary>
/// <param name="DocumentId">Identifier of the source document.</param>
/// <param name="Kind">Kind of the source document.</param>
/// <param name="Number">Issued number of the source, or null when it was a draft.</param>
/// <param name="IssueDate">Issue date of the source (BT-26 for an invoice), or null when it was a draft.</param>
public sealed record SourceLink(SalesDocumentId DocumentId, SalesDocumentKind Kind, string? Number, DateOnly? IssueDate);
