using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class DocumentTotalsTests
{
    [Fact]
    public void Calculate_MixedRatesWithDiscounts_MatchesHandArithmetic()
    {
        // Line net amounts (quantity × unit price × (100 − discount) / 100, rounded once):
        //   7.5 × 85.00              = 637.50  (21 %)
        //   1 × 123.4567 × 0.90      = 111.11103 → 111.11  (21 %)
        //   3 × 19.99 × 0.95         = 56.9715   → 56.97   (6 %)
        //   12 × 4.125               = 49.50   (12 %)
        //   2 × 33.3333 × 0.85       = 56.66661  → 56.67   (21 %)
        // Sum of line net amounts: 637.50 + 111.11 + 56.97 + 49.50 + 56.67 = 911.75
        // 21 %: base 637.50 + 111.11 + 56.67 = 805.28, VAT 805.28 × 0.21 = 169.1088 → 169.11
        // 12 %: base 49.50, VAT 49.50 × 0.12 = 5.94
        //  6 %: base 56.97, VAT 56.97 × 0.06 = 3.4182 → 3.42
        // Total VAT: 169.11 + 5.94 + 3.42 = 178.47; total with VAT: 911.75 + 178.47 = 1090.22
        SalesLine[] lines =
        [
            SalesBuilder.Line(description: "Consultancy", quantity: 7.5m, unitPrice: 85m),
            SalesBuilder.Line(description: "Travel", unitPrice: 123.4567m, discountPercent: 10m),
            SalesBuilder.Line(description: "Books", quantity: 3m, unitPrice: 19.99m, discountPercent: 5m, vatRate: 6m),
            SalesBuilder.Line(description: "Catering", quantity: 12m, unitPrice: 4.125m, vatRate: 12m),
            SalesBuilder.Line(description: "Course material", quantity: 2m, unitPrice: 33.3333m, discountPercent: 15m),
        ];

        var totals = DocumentTotals.Calculate(lines);

        Assert.Equal(911.75m, totals.SumOfLineNetAmounts);
        Assert.Equal(911.75m, totals.TotalWithoutVat);
        Assert.Equal(178.47m, totals.TotalVatAmount);
        Assert.Equal(1090.22m, totals.TotalWithVat);
        Assert.Equal(
            [
                new VatBreakdown(VatCategory.Standard, 21m, 805.28m, 169.11m),
                new VatBreakdown(VatCategory.Standard, 12m, 49.50m, 5.94m),
                new VatBreakdown(VatCategory.Standard, 6m, 56.97m, 3.42m),
            ],
            totals.VatBreakdown);
    }

    [Fact]
    public void Calculate_VatOnSumOfLines_NotSumOfLineVat()
    {
        // Three lines of 0.07 at 21 %: VAT per line 0.0147 → 0.01 would add up to 0.03, but
        // BR-CO-17 takes the VAT of the summed base: 0.21 × 0.21 = 0.0441 → 0.04.
        SalesLine[] lines = [SalesBuilder.Line(unitPrice: 0.07m), SalesBuilder.Line(unitPrice: 0.07m), SalesBuilder.Line(unitPrice: 0.07m)];

        var totals = DocumentTotals.Calculate(lines);

        Assert.Equal(0.04m, totals.TotalVatAmount);
    }

    [Fact]
    public void Calculate_VatMidpoint_RoundsAwayFromZero()
    {
        // 0.50 × 21 % = 0.105 → 0.11; banker's rounding would give 0.10.
        var totals = DocumentTotals.Calculate([SalesBuilder.Line(unitPrice: 0.5m)]);

        Assert.Equal(0.11m, totals.TotalVatAmount);
    }

    [Fact]
    public void Calculate_NegativeInvoiceLine_ReducesBaseAndRoundsAwayFromZero()
    {
        // 100.00 − 10.005 → −10.01 (away from zero) gives a base of 89.99;
        // VAT 89.99 × 0.21 = 18.8979 → 18.90; total 108.89.
        SalesLine[] lines = [SalesBuilder.Line(), SalesBuilder.Line(description: "Returned deposit", quantity: -1m, unitPrice: 10.005m)];

        var totals = DocumentTotals.Calculate(lines);

        Assert.Equal(89.99m, totals.TotalWithoutVat);
        Assert.Equal(18.90m, totals.TotalVatAmount);
        Assert.Equal(108.89m, totals.TotalWithVat);
    }

    [Fact]
    public void Calculate_CategoriesWithoutVat_HaveZeroTaxAndTheirOwnEntries()
    {
        SalesLine[] lines =
        [
            SalesBuilder.ZeroRateLine(VatCategory.IntraCommunityServices),
            SalesBuilder.Line(),
            SalesBuilder.ZeroRateLine(VatCategory.Export),
            SalesBuilder.ZeroRateLine(VatCategory.IntraCommunityServices),
        ];

        var totals = DocumentTotals.Calculate(lines);

        Assert.Equal(
            [
                new VatBreakdown(VatCategory.Standard, 21m, 100m, 21m),
                new VatBreakdown(VatCategory.IntraCommunityServices, 0m, 200m, 0m),
                new VatBreakdown(VatCategory.Export, 0m, 100m, 0m),
            ],
            totals.VatBreakdown);
        Assert.Equal(21m, totals.TotalVatAmount);
        Assert.Equal(421m, totals.TotalWithVat);
    }

    [Fact]
    public void Calculate_ThousandLines_AddsUpExactly()
    {
        // 1,000 lines of 1 × 1.2345 → 1.23 each: base 1,230.00, VAT 1,230.00 × 0.21 = 258.30.
        var lines = Enumerable.Range(0, 1_000).Select(i => SalesBuilder.Line(description: $"Item {i}", unitPrice: 1.2345m)).ToArray();

        var totals = DocumentTotals.Calculate(lines);

        Assert.Equal(1_230.00m, totals.TotalWithoutVat);
        Assert.Equal(258.30m, totals.TotalVatAmount);
        Assert.Equal(1_488.30m, totals.TotalWithVat);
    }

    [Fact]
    public void Calculate_NoLines_IsZero()
    {
        var totals = DocumentTotals.Calculate([]);

        Assert.Equal(0m, totals.TotalWithVat);
        Assert.Empty(totals.VatBreakdown);
    }

    [Fact]
    public void ReturnGrid_OfBreakdown_FollowsCategoryAndRate()
    {
        var totals = DocumentTotals.Calculate([SalesBuilder.Line(vatRate: 6m), SalesBuilder.ZeroRateLine(VatCategory.IntraCommunityGoods)]);

        Assert.Equal(["01", "46"], totals.VatBreakdown.Select(entry => entry.ReturnGrid));
    }
}
