namespace Bilansoft.Domain.Sales;

/// <summary>
/// One entry of the VAT breakdown (EN 16931 BG-23): the lines of one VAT category and rate, added
/// up.
/// </summary>
/// <param name="Category">VAT category code (BT-118).</param>
/// <param name="RatePercent">VAT category rate in percent (BT-119).</param>
/// <param name="TaxableAmount">
/// VAT category taxable amount (BT-116): the sum of the line net amounts (BT-131) of the category
/// and rate, in euro. Exact, because each line net amount is already in cents.
/// </param>
/// <param name="TaxAmount">
/// VAT category tax amount (BT-117): taxable amount × rate / 100, rounded once to cents half away
/// from zero, as EN 16931 BR-CO-17 computes it. Zero for categories that charge no VAT.
/// </param>
public sealed record VatBreakdown(VatCategory Category, decimal RatePercent, decimal TaxableAmount, decimal TaxAmount)
{
    /// <summary>The grid of the Belgian periodic VAT return that receives <see cref="TaxableAmount"/>.</summary>
    public string? ReturnGrid => Category.ReturnGridFor(RatePercent);
}
