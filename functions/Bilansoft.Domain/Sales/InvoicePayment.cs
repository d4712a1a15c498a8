namespace Bilansoft.Domain.Sales;

/// <summary>A payment received against an invoice.</summary>
/// <param name="Id">Identifier, used to undo the payment.</param>
/// <param name="Date">Date on which the money was received.</param>
/// <param name="Amount">Amount in euro, positive, at most 2 decimals.</param>
/// <param name="Reference">Bank reference or note, or null.</param>
public sealed record InvoicePayment(PaymentId Id, DateOnly Date, decimal Amount, string? Reference = null);
