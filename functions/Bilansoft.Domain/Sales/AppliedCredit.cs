namespace Bilansoft.Domain.Sales;

/// <summary>An issued credit note counted against an invoice.</summary>
/// <param name="CreditNoteId">Identifier of the credit note.</param>
/// <param name="CreditNoteNumber">Issued number of the credit note.</param>
/// <param name="Amount">Credit note total with VAT (BT-112) in euro, positive.</param>
public sealed record AppliedCredit(SalesDocumentId CreditNoteId, string CreditNoteNumber, decimal Amount);
