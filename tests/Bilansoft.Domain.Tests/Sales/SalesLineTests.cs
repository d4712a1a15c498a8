using System.Globalization;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class SalesLineTests
{
    [Theory]
    [InlineData("1", "10.005", "0", "10.01")] // midpoint of the product rounds away from zero
    [InlineData("3", "3.3350", "0", "10.01")] // 3 × 3.3350 = 10.0050
    [InlineData("1", "20.01", "50", "10.01")] // 20.01 × 50 % = 10.005
    [InlineData("-1", "10.005", "0", "-10.01")] // negative line rounds away from zero too
    [InlineData("7.5", "85", "0", "637.50")] // fractional quantity
    [InlineData("1", "123.4567", "10", "111.11")] // 123.4567 × 0.9 = 111.11103
    [InlineData("2", "33.3333", "15", "56.67")] // 66.6666 × 0.85 = 56.66661
    [InlineData("1", "99.99", "100", "0.00")] // full discount
    public void NetAmount_RoundsOnceToCents(string quantity, string unitPrice, string discount, string expected)
    {
        var line = SalesBuilder.Line(quantity: Parse(quantity), unitPrice: Parse(unitPrice), discountPercent: Parse(discount));

        Assert.Equal(Parse(expected), line.NetAmount);
    }

    [Fact]
    public void DiscountAmount_IsGrossMinusNet()
    {
        // Gross 3 × 19.99 = 59.97; net 59.97 × 0.95 = 56.9715 → 56.97; discount 59.97 − 56.97 = 3.00.
        var line = SalesBuilder.Line(quantity: 3m, unitPrice: 19.99m, discountPercent: 5m);

        Assert.Equal(59.97m, line.GrossAmount);
        Assert.Equal(56.97m, line.NetAmount);
        Assert.Equal(3.00m, line.DiscountAmount);
    }

    [Fact]
    public void DiscountAmount_MayDifferFromPercentOfGrossByOneCent()
    {
        // Gross 1 × 0.0149 → 0.01; net 0.0149 × 0.5 = 0.00745 → 0.01; discount 0.01 − 0.01 = 0.00,
        // while 50 % of the rounded gross would be 0.005 → 0.01.
        var line = SalesBuilder.Line(quantity: 1m, unitPrice: 0.0149m, discountPercent: 50m);

        Assert.Equal(0.01m, line.GrossAmount);
        Assert.Equal(0.01m, line.NetAmount);
        Assert.Equal(0.00m, line.DiscountAmount);
    }

    [Fact]
    public void UnitCode_Default_IsOnePiece()
    {
        var line = SalesBuilder.Line();

        Assert.Equal("C62", line.UnitCode);
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
