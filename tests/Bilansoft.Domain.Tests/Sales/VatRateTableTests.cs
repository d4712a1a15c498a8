using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class VatRateTableTests
{
    [Theory]
    [InlineData(21, true)]
    [InlineData(12, true)]
    [InlineData(6, true)]
    [InlineData(0, true)]
    [InlineData(9, false)] // not a Belgian rate
    [InlineData(5.5, false)] // a rate with decimals that Belgium does not use
    public void IsValid_Belgium_KnowsFourRates(decimal rate, bool expected)
    {
        var valid = VatRateTable.Belgium.IsValid(rate, new DateOnly(2026, 3, 1));

        Assert.Equal(expected, valid);
    }

    [Fact]
    public void IsValid_BeforeTableStart_ReturnsFalse()
    {
        var valid = VatRateTable.Belgium.IsValid(21m, new DateOnly(1999, 12, 31));

        Assert.False(valid);
    }

    [Fact]
    public void IsValid_DatedRate_OnlyWithinItsPeriod()
    {
        var table = new VatRateTable(
        [
            new VatRatePeriod(21m, new DateOnly(2000, 1, 1)),
            new VatRatePeriod(9m, new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31)),
        ]);

        Assert.False(table.IsValid(9m, new DateOnly(2026, 2, 28)));
        Assert.True(table.IsValid(9m, new DateOnly(2026, 3, 1)));
        Assert.True(table.IsValid(9m, new DateOnly(2026, 12, 31)));
        Assert.False(table.IsValid(9m, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void RatesOn_ReturnsRatesHighestFirst()
    {
        var rates = VatRateTable.Belgium.RatesOn(new DateOnly(2026, 3, 1));

        Assert.Equal([21m, 12m, 6m, 0m], rates);
    }

    [Fact]
    public void Constructor_OverlappingPeriods_Throws()
    {
        VatRatePeriod[] periods =
        [
            new VatRatePeriod(6m, new DateOnly(2020, 1, 1), new DateOnly(2026, 3, 1)),
            new VatRatePeriod(6m, new DateOnly(2026, 3, 1)),
        ];

        Assert.Throws<ArgumentException>(() => new VatRateTable(periods));
    }

    [Fact]
    public void Constructor_PeriodEndingBeforeStart_Throws()
    {
        VatRatePeriod[] periods = [new VatRatePeriod(6m, new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1))];

        Assert.Throws<ArgumentException>(() => new VatRateTable(periods));
    }

    [Fact]
    public void Constructor_AdjacentPeriods_AreAccepted()
    {
        var table = new VatRateTable(
        [
            new VatRatePeriod(6m, new DateOnly(2020, 1, 1), new DateOnly(2026, 2, 28)),
            new VatRatePeriod(6m, new DateOnly(2026, 3, 1)),
        ]);

        Assert.True(table.IsValid(6m, new DateOnly(2026, 2, 28)));
        Assert.True(table.IsValid(6m, new DateOnly(2026, 3, 1)));
    }
}
