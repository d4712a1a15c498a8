namespace Bilansoft.Domain.Sales;

/// <summary>
/// The totals of a sales document (EN 16931 BG-22 document totals and BG-23 VAT breakdown),
/// reproducible from its lines alone.
/// </summary>
/// <remarks>
/// NOTE: Document-level allowances and charges (BG-20, BG-21) are not modelled, so the sum of line
/// net amounts (BT-106) equals the total without VAT (BT-109).
/// </remarks>
public sealed class DocumentTotals
{
    private DocumentTotals(decimal sumOfLineNetAmounts, decimal totalVatAmount, IReadOnlyList<VatBreakdown> vatBreakdown)
    {
        SumOfLineNetAmounts = sumOfLineNetAmounts;
        TotalVatAmount = totalVatAmount;
        VatBreakdown = vatBreakdown;
    }

    /// <summary>Totals of a document without lines: all amounts zero and no breakdown.</summary>
    public static DocumentTotals Empty { get; } = new(0m, 0m, []);

    /// <summary>Sum of invoice line net amounts (BT-106), in euro.</summary>
    public decimal SumOfLineNetAmounts { get; }

    /// <summary>Invoice total amount without VAT (BT-109); equals BT-106 (EN 16931 BR-CO-13).</summary>
    public decimal TotalWithoutVat => SumOfLineNetAmounts;

    /// <summary>Invoice total VAT amount (BT-110): the sum of the breakdown tax amounts (BR-CO-14).</summary>
    public decimal TotalVatAmount { get; }

    /// <summary>Invoice total amount with VAT (BT-112): BT-109 + BT-110 (BR-CO-15).</summary>
    public decimal TotalWithVat => TotalWithoutVat + TotalVatAmount;

    /// <summary>
    /// VAT breakdown (BG-23): one entry per VAT category and rate present on the lines, in the order
    /// of <see cref="VatCategory.All"/> and then by rate, highest first.
    /// </summary>
    public IReadOnlyList<VatBreakdown> VatBreakdown { get; }

    /// <summary>
    /// Computes the totals of <paramref name="lines"/>. Each line net amount (BT-131) is in cents;
    /// the VAT of each category and rate is computed once on the sum of its line net amounts and
    /// rounded half away from zero (BR-CO-17), never per line.
    /// </summary>
    public static DocumentTotals Calculate(IReadOnlyList<SalesLine> lines)
    {
        if (lines.Count == 0)
        {
            return Empty;
        }

        // A document has a handful of category and rate pairs, so a linear search beats hashing.
        var groups = new List<(VatCategory Category, decimal Rate, decimal Taxable)>(4);
        var sumOfLineNetAmounts = 0m;
        foreach (var line in lines)
        {
            var net = line.NetAmount;
            sumOfLineNetAmounts += net;

            var index = IndexOf(groups, line.VatCategory, line.VatRate);
            if (index < 0)
            {
                groups.Add((line.VatCategory, line.VatRate, net));
            }
            else
            {
                groups[index] = (groups[index].Category, groups[index].Rate, groups[index].Taxable + net);
            }
        }

        var breakdown = groups
            .OrderBy(group => OrderOf(group.Category))
            .ThenByDescending(group => group.Rate)
            .Select(group => new VatBreakdown(group.Category, group.Rate, group.Taxable, TaxOn(group.Category, group.Rate, group.Taxable)))
            .ToArray();

        var totalVatAmount = 0m;
        foreach (var entry in breakdown)
        {
            totalVatAmount += entry.TaxAmount;
        }

        return new DocumentTotals(sumOfLineNetAmounts, totalVatAmount, breakdown);
    }

    private static int IndexOf(List<(VatCategory Category, decimal Rate, decimal Taxable)> groups, VatCategory category, decimal rate)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Category == category && groups[i].Rate == rate)
            {
                return i;
            }
        }

        return -1;
    }

    private static decimal TaxOn(VatCategory category, decimal ratePercent, decimal taxableAmount) =>
        category.ChargesVat ? AmountRounding.ToCents(taxableAmount * ratePercent / 100m) : 0m;

    private static int OrderOf(VatCategory category)
    {
        var all = VatCategory.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] == category)
            {
                return i;
            }
        }

        return all.Count;
    }
}
