using Bilansoft.Domain;

namespace Bilansoft.Formats.Documents;

/// <summary>Kind of outgoing sales document; decides the title, the blocks shown and the UBL root.</summary>
public enum DocumentKind
{
    /// <summary>Commercial invoice (UNTDID 1001 code 380).</summary>
    Invoice = 0,

    /// <summary>Credit note correcting an issued invoice (UNTDID 1001 code 381).</summary>
    CreditNote,

    /// <summary>Quote (offerte / devis); PDF only.</summary>
    Quote,

    /// <summary>Delivery note (leveringsbon / bon de livraison); PDF only, printed without prices.</summary>
    DeliveryNote,
}

/// <summary>
/// Everything a rendered sales document shows, as values already decided by the sales domain. The
/// formats neither compute VAT nor round amounts: they print and serialise what they are given.
/// The UBL rule checker verifies the arithmetic of what was written.
/// </summary>
/// <param name="Kind">Document kind.</param>
/// <param name="Number">Document number (BT-1), unique within its series.</param>
/// <param name="IssueDate">Issue date (BT-2).</param>
/// <param name="Language">Language of every printed label and of the texts in this model.</param>
/// <param name="Seller">Seller (BG-4).</param>
/// <param name="Buyer">Buyer (BG-7).</param>
/// <param name="Lines">Document lines (BG-25), in printing order.</param>
/// <param name="VatBreakdown">VAT breakdown per category and rate (BG-23).</param>
/// <param name="Totals">Document totals (BG-22).</param>
public sealed record DocumentRenderModel(
    DocumentKind Kind,
    string Number,
    DateOnly IssueDate,
    Language Language,
    SellerParty Seller,
    BuyerParty Buyer,
    IReadOnlyList<DocumentLine> Lines,
    IReadOnlyList<VatBreakdown> VatBreakdown,
    DocumentTotals Totals)
{
    /// <summary>Payment due date (BT-9).</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>
    /// Date of the chargeable event, the actual delivery date (BT-72). Printed only when it differs
    /// from the issue date, as the Belgian invoice rules ask.
    /// </summary>
    public DateOnly? DeliveryDate { get; init; }

    /// <summary>Last day a quote can be accepted; printed on quotes only.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Buyer reference (BT-10), for example the buyer's cost centre or contact code.</summary>
    public string? BuyerReference { get; init; }

    /// <summary>Purchase order reference (BT-13).</summary>
    public string? OrderReference { get; init; }

    /// <summary>The invoice a credit note corrects (BG-3); required for credit notes.</summary>
    public InvoiceReference? PrecedingInvoice { get; init; }

    /// <summary>ISO 4217 currency code (BT-5). Bilansoft invoices in euro.</summary>
    public string CurrencyCode { get; init; } = "EUR";

    /// <summary>Free-text notes (BT-22) in the document language.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Legal mentions in the document language, printed as given (for example a reverse-charge or
    /// exemption mention that is not tied to one VAT category, or general terms).
    /// </summary>
    public IReadOnlyList<string> LegalMentions { get; init; } = [];

    /// <summary>Payment instructions (BG-16); null when nothing is to be paid by transfer.</summary>
    public PaymentInstructions? Payment { get; init; }

    /// <summary>
    /// Deliver-to address (BG-15). When null and a line is an intra-Community supply, the buyer's
    /// address is written as the deliver-to address in UBL.
    /// </summary>
    public PostalAddress? DeliveryAddress { get; init; }

    /// <summary>House style of the organisation; the default is the business template.</summary>
    public HouseStyle Style { get; init; } = HouseStyle.Default;
}

/// <summary>Reference to a preceding invoice (BG-3): number (BT-25) and issue date (BT-26).</summary>
public sealed record InvoiceReference(string Number, DateOnly IssueDate);
