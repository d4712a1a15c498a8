namespace Bilansoft.Domain.Sales;

/// <summary>
/// One line of a quote, delivery note, invoice or credit note (EN 16931 BG-25 invoice line). The
/// line net amount (BT-131) is computed from the quantity, the unit price and the discount; it is
/// never entered.
/// </summary>
/// <remarks>
/// Validation, not construction, enforces the bounds stated on each property, so a draft can hold
/// incomplete lines and report all problems at once.
/// </remarks>
public sealed record SalesLine
{
    /// <summary>Unit of measure for "one piece" in UN/ECE Recommendation 20 (<c>C62</c>).</summary>
    public const string UnitCodeOne = "C62";

    /// <summary>Item name and description as printed (BT-153); must not be empty.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// Invoiced quantity (BT-129). Never zero; negative only on invoices, for example for a returned
    /// deposit. Credit notes carry positive quantities, because the document kind gives the sign.
    /// </summary>
    public required decimal Quantity { get; init; }

    /// <summary>Unit of measure of the quantity, a UN/ECE Recommendation 20 code (BT-130).</summary>
    public string UnitCode { get; init; } = UnitCodeOne;

    /// <summary>
    /// Price of one unit in euro without VAT and before the line discount (BT-146 item net price,
    /// with a base quantity BT-149 of one). At most 4 decimals and not negative (EN 16931 BR-27).
    /// </summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Line discount in percent of quantity × unit price (BT-138), from 0 to 100 inclusive.</summary>
    public decimal DiscountPercent { get; init; }

    /// <summary>VAT category of the item (BT-151).</summary>
    public required VatCategory VatCategory { get; init; }

    /// <summary>VAT rate in percent (BT-152); 0 for every category except <see cref="VatCategory.Standard"/>.</summary>
    public required decimal VatRate { get; init; }

    /// <summary>
    /// The seller's identifier of the product in stock (BT-155), or null for a service or an item
    /// that is not stocked. Only lines with a product move stock.
    /// </summary>
    public string? ProductId { get; init; }

    /// <summary>
    /// Quantity × unit price rounded to cents half away from zero: the base of the line discount
    /// (BT-137 line allowance base amount).
    /// </summary>
    public decimal GrossAmount => AmountRounding.ToCents(Quantity * UnitPrice);

    /// <summary>
    /// Line net amount (BT-131): quantity × unit price × (100 − discount %) / 100, rounded once to
    /// cents half away from zero. Rounding the whole product once keeps the line within a cent of
    /// the exact value whatever the discount.
    /// </summary>
    public decimal NetAmount => AmountRounding.ToCents(Quantity * UnitPrice * (100m - DiscountPercent) / 100m);

    /// <summary>
    /// Line allowance amount (BT-136): <see cref="GrossAmount"/> − <see cref="NetAmount"/>, so the
    /// printed gross, discount and net always add up. It can differ by one cent from gross ×
    /// percent / 100, within the 0.02 tolerance Peppol allows.
    /// </summary>
    public decimal DiscountAmount => GrossAmount - NetAmount;
}
