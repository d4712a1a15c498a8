using System.Globalization;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class AmountRoundingTests
{
    [Theory]
    [InlineData("10.005", "10.01")] // midpoint goes away from zero; banker's rounding would give 10.00
    [InlineData("0.125", "0.13")] // midpoint after an even digit still goes up
    [InlineData("-10.005", "-10.01")] // negative midpoint goes away from zero, not up
    [InlineData("10.0049", "10.00")] // below the midpoint goes down
    [InlineData("2.675", "2.68")] // exact decimal, no binary floating-point surprise
    [InlineData("7", "7")] // whole euros stay
    public void ToCents_RoundsHalfAwayFromZero(string amount, string expected)
    {
        var rounded = AmountRounding.ToCents(decimal.Parse(amount, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), rounded);
    }

    [Theory]
    [InlineData("1.2345", 4, true)] // exactly four decimals
    [InlineData("1.23450000", 4, true)] // trailing zeros are not significant
    [InlineData("1.23451", 4, false)] // a fifth significant decimal
    [InlineData("-0.001", 2, false)] // negative values are checked the same way
    [InlineData("12", 0, true)] // whole number
    public void HasAtMostDecimals_CountsSignificantDecimals(string value, int decimals, bool expected)
    {
        var result = AmountRounding.HasAtMostDecimals(decimal.Parse(value, CultureInfo.InvariantCulture), decimals);

        Assert.Equal(expected, result);
    }
}
