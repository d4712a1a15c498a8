using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class NumberingSeriesTests
{
    [Fact]
    public void Format_DefaultSeries_IsYearSlashFourDigits()
    {
        var series = NumberingSeries.Create(0).Value;

        Assert.Equal("2026/0007", series.Format(2026, 7));
    }

    [Fact]
    public void Format_PrefixedSeries_HasPrefixAndSixDigits()
    {
        var series = NumberingSeries.Create(1, "F-", yearSeparator: "-", paddingWidth: 6).Value;

        Assert.Equal("F-2026-000007", series.Format(2026, 7));
    }

    [Fact]
    public void Format_PlainSeries_IsSequenceOnly()
    {
        var series = NumberingSeries.Create(2, includeYear: false, paddingWidth: 0, restartsYearly: false).Value;

        Assert.Equal("7", series.Format(2026, 7));
    }

    [Fact]
    public void Format_SequenceWiderThanPadding_IsNotCut()
    {
        var series = NumberingSeries.Create(0).Value;

        Assert.Equal("2026/12345", series.Format(2026, 12_345));
    }

    [Fact]
    public void Next_NoCounter_StartsAtOne()
    {
        var series = NumberingSeries.Create(0).Value;

        var step = series.Next(null, new DateOnly(2026, 1, 2)).Value;

        Assert.Equal(new DocumentNumber(0, 2026, 1, "2026/0001"), step.Number);
        Assert.Equal(new NumberingCounter(2026, 1), step.Counter);
    }

    [Fact]
    public void Next_SameYear_IncrementsSequence()
    {
        var series = NumberingSeries.Create(0).Value;

        var step = series.Next(new NumberingCounter(2026, 6), new DateOnly(2026, 12, 31)).Value;

        Assert.Equal("2026/0007", step.Number.Text);
        Assert.Equal(new NumberingCounter(2026, 7), step.Counter);
    }

    [Fact]
    public void Next_NewYearInYearlySeries_RestartsAtOne()
    {
        var series = NumberingSeries.Create(0).Value;

        var step = series.Next(new NumberingCounter(2026, 412), new DateOnly(2027, 1, 1)).Value;

        Assert.Equal("2027/0001", step.Number.Text);
        Assert.Equal(new NumberingCounter(2027, 1), step.Counter);
    }

    [Fact]
    public void Next_NewYearInContinuousSeries_KeepsCounting()
    {
        var series = NumberingSeries.Create(2, includeYear: false, paddingWidth: 0, restartsYearly: false).Value;

        var step = series.Next(new NumberingCounter(2026, 412), new DateOnly(2027, 1, 1)).Value;

        Assert.Equal("413", step.Number.Text);
        Assert.Equal(new NumberingCounter(2027, 413), step.Counter);
    }

    [Fact]
    public void Next_YearBeforeCounter_IsInvalid()
    {
        var series = NumberingSeries.Create(0).Value;

        var failure = SalesBuilder.FailureOf(series.Next(new NumberingCounter(2027, 3), new DateOnly(2026, 12, 31)));

        Assert.Equal([SalesRuleCodes.NumberingYearBeforeCounter], SalesBuilder.Codes(failure.Violations));
    }

    [Fact]
    public void Next_PastMaximumSequence_IsInvalid()
    {
        var series = NumberingSeries.Create(0).Value;

        var failure = SalesBuilder.FailureOf(series.Next(new NumberingCounter(2026, 9_999_999), new DateOnly(2026, 12, 31)));

        Assert.Equal([SalesRuleCodes.NumberingSequenceExhausted], SalesBuilder.Codes(failure.Violations));
    }

    [Theory]
    [InlineData(-1, 4, SalesRuleCodes.NumberingSeriesIndexOutOfRange)] // negative index
    [InlineData(10, 4, SalesRuleCodes.NumberingSeriesIndexOutOfRange)] // the communication has one digit for it
    [InlineData(0, 8, SalesRuleCodes.NumberingPaddingOutOfRange)] // wider than the longest sequence
    [InlineData(0, -1, SalesRuleCodes.NumberingPaddingOutOfRange)] // negative width
    public void Create_InvalidSettings_IsInvalid(int index, int padding, string code)
    {
        var failure = SalesBuilder.FailureOf(NumberingSeries.Create(index, paddingWidth: padding));

        Assert.Equal([code], SalesBuilder.Codes(failure.Violations));
    }
}
