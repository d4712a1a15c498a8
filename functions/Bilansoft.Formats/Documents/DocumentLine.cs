namespace Bilansoft.Formats.Documents;

/// <summary>One line of a sales document (BG-25).</summary>
/// <param name="Position">Line number as printed and written as the line identifier (BT-126).</param>
/// <param name="Description">Item description in the document language; may hold several paragraphs.</param>
/// <param name="Quantity">Invoiced quantity (BT-129).</param>
/// <param name="UnitCode">UN/ECE Recommendation 20 unit code (BT-130), for example <c>C62</c> or <c>HUR</c>.</param>
/// <param name="UnitPrice">Net unit price before the line discount (BT-146), at most 4 decimals.</param>
/// <param name="NetAmount">Line net amount after discount (BT-131), 2 decimals.</param>
/// <param name="VatCategory">VAT category of the item (BT-151).</param>
/// <param name="VatRate">VAT rate in percent (BT-152), for example 21 or 6; 0 for categories without VAT.</param>
public sealed record DocumentLine(
    int Position,
    string Description,
    decimal Quantity,
    string UnitCode,
    decimal UnitPrice,
    decimal NetAmount,
    VatCategory VatCategory,
    decimal VatRate)
{
    /// <summary>Line discount in percent of quantity × unit price (BT-138); 0 for none.</summary>
    public decimal DiscountPercent { get; init; }
}

/// <summary>One row of the VAT breakdown (BG-23): a VAT category with its rate and amounts.</summary>
/// <param name="Category">VAT category (BT-118).</param>
/// <param name="Rate">VAT rate in percent (BT-119).</param>
/// <param name="TaxableAmount">Taxable amount of the category and rate (BT-116).</param>
/// <param name="TaxAmount">VAT amount of the category and rate (BT-117).</param>
public sealed record VatBreakdown(VatCategory Category, decimal Rate, decimal TaxableAmount, decimal TaxAmount)
{
    /// <summary>CEF VATEX exemption reason code (BT-121), for example <c>VATEX-EU-AE</c>.</summary>
    public string? ExemptionReasonCode { get; init; }

    /// <summary>Exemption reason text (BT-120) written in UBL.</summary>
    public string? ExemptionReasonText { get; init; }

    /// <summary>
    /// Legal mention printed on the PDF for this category, already in the document language, such
    /// as "Btw verlegd, art. 51 §2 WBTW" or "Vrijgestelde intracommunautaire levering, art. 39bis WBTW".
    /// </summary>
    public string? LegalMention { get; init; }
}

/// <summary>Document totals (BG-22), as computed by the sales domain.</summary>
/// <param name="LineNetTotal">Sum of line net amounts (BT-106).</param>
/// <param name="TaxExclusive">Total without VAT (BT-109).</param>
/// <param name="TaxTotal">Total VAT (BT-110).</param>
/// <param name="TaxInclusive">Total with VAT (BT-112).</param>
/// <param name="Prepaid">Amount already paid (BT-113).</param>
/// <param name="Payable">Amount due for payment (BT-115).</param>
public sealed record DocumentTotals(
    decimal LineNetTotal,
    decimal TaxExclusive,
    decimal TaxTotal,
    decimal TaxInclusive,
    decimal Prepaid,
    decimal Payable);

/// <summary>How the buyer pays (BG-16): a credit transfer to the seller's account.</summary>
/// <param name="Iban">Account to pay to (BT-84).</param>
public sealed record PaymentInstructions(Bilansoft.Domain.Identifiers.Iban Iban)
{
    /// <summary>BIC of the account (BT-86).</summary>
    public Bilansoft.Domain.Identifiers.Bic? Bic { get; init; }

    /// <summary>Belgian structured communication, the remittance information (BT-83).</summary>
    public Bilansoft.Domain.Identifiers.StructuredCommunication? StructuredCommunication { get; init; }

    /// <summary>Payment terms (BT-20) in the document language.</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>
    /// UNCL 4461 payment means code (BT-81): <c>30</c> credit transfer (default) or <c>58</c> SEPA
    /// credit transfer.
    /// </summary>
    public string MeansCode { get; init; } = "30";
}
