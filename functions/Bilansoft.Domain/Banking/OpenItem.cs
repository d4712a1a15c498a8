using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Banking;

/// <summary>Kind of an open item, which fixes the direction of the payments that settle it.</summary>
public enum OpenItemKind
{
    /// <summary>An issued sales invoice, settled by an incoming payment (a credit on the account).</summary>
    SalesInvoice = 0,

    /// <summary>A received purchase invoice, settled by an outgoing payment (a debit on the account).</summary>
    PurchaseInvoice,
}

/// <summary>
/// An invoice with an amount still to be paid, as the matcher and the allocator see it.
/// </summary>
/// <remarks>NOTE: credit notes (negative open amounts) are not matched yet; they are settled against invoices elsewhere.</remarks>
/// <param name="Id">Identifier of the invoice in storage; unique among the items handed to the matcher.</param>
/// <param name="Kind">Sales or purchase invoice.</param>
/// <param name="Number">Invoice number (BT-1), searched for in the payment text.</param>
/// <param name="StructuredCommunication">
/// Belgian structured communication that the payer was asked to quote (BT-83 remittance
/// information), or null.
/// </param>
/// <param name="PaymentReference">Other payment reference, such as an ISO 11649 RF reference, or null.</param>
/// <param name="OpenAmount">Amount still due, positive, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="CounterpartyName">Name of the buyer (sales) or seller (purchase).</param>
/// <param name="CounterpartyIban">IBAN the counterparty pays from or is paid to, when known.</param>
/// <param name="DueDate">Payment due date (BT-9), used to order equal suggestions and split payments.</param>
public sealed record OpenItem(
    string Id,
    OpenItemKind Kind,
    string Number,
    StructuredCommunication? StructuredCommunication,
    string? PaymentReference,
    decimal OpenAmount,
    string Currency,
    string? CounterpartyName,
    Iban? CounterpartyIban,
    DateOnly? DueDate)
{
    /// <summary>Whether a payment with this signed amount goes in the direction that settles the item.</summary>
    /// <param name="signedAmount">Positive for money in, negative for money out.</param>
    public bool FitsDirection(decimal signedAmount) =>
        Kind == OpenItemKind.SalesInvoice ? signedAmount > 0 : signedAmount < 0;
}
