namespace Bilansoft.Domain.Sales;

/// <summary>
/// The result of issuing a credit note: the issued credit note and the invoice it credits, with the
/// credit counted. The application stores both together.
/// </summary>
/// <param name="CreditNote">The issued credit note.</param>
/// <param name="Invoice">The credited invoice, with the new credit and its state moved with the amounts.</param>
public sealed record CreditNoteIssue(SalesDocument CreditNote, SalesDocument Invoice);
