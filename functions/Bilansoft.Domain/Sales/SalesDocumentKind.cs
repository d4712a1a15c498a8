namespace Bilansoft.Domain.Sales;

/// <summary>The kinds of sales document, which share one line model.</summary>
public enum SalesDocumentKind
{
    /// <summary>An offer to a customer; states draft, sent, accepted, declined, expired.</summary>
    Quote = 0,

    /// <summary>A record of goods handed over; states draft, issued. Issuing it lowers stock.</summary>
    DeliveryNote,

    /// <summary>
    /// A commercial invoice (UNTDID 1001 code 380); states draft, issued, partially paid, paid,
    /// credited.
    /// </summary>
    Invoice,

    /// <summary>A credit note (UNTDID 1001 code 381) against one issued invoice; states draft, issued.</summary>
    CreditNote,
}
