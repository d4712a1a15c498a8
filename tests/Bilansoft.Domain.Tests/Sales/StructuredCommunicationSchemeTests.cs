using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class StructuredCommunicationSchemeTests
{
    [Theory]
    [InlineData(2026, 1, 7, "+++261/0000/00755+++")] // 2610000007 = 97 × 26907216 + 55
    [InlineData(2026, 0, 7, "+++260/0000/00776+++")] // 2600000007 = 97 × 26804123 + 76
    [InlineData(2025, 1, 7, "+++251/0000/00771+++")] // 2510000007 = 97 × 25876288 + 71
    [InlineData(2025, 2, 1, "+++252/0000/00144+++")] // 2520000001 = 97 × 25979381 + 44
    public void For_Number_ComputesBaseAndCheckDigits(int year, int series, long sequence, string expected)
    {
        var number = new DocumentNumber(series, year, sequence, "ignored");

        var communication = StructuredCommunicationScheme.For(number);

        Assert.Equal(expected, communication.ToPrinted());
        Assert.True(StructuredCommunication.TryParse(communication.Digits, out _));
    }

    [Fact]
    public void For_SameNumber_IsDeterministic()
    {
        var first = StructuredCommunicationScheme.For(new DocumentNumber(1, 2026, 42, "F-2026-000042"));
        var second = StructuredCommunicationScheme.For(new DocumentNumber(1, 2026, 42, "F-2026-000042"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void For_TwoSeriesAndTwoYears_AreAllDifferent()
    {
        var invoices = NumberingSeries.Create(0).Value;
        var prefixed = NumberingSeries.Create(1, "F-", yearSeparator: "-", paddingWidth: 6).Value;
        var communications = new List<string>();

        foreach (var series in new[] { invoices, prefixed })
        {
            NumberingCounter? counter = null;
            foreach (var date in new[] { new DateOnly(2025, 12, 30), new DateOnly(2026, 1, 2) })
            {
                for (var i = 0; i < 250; i++)
                {
                    var step = series.Next(counter, date).Value;
                    counter = step.Counter;
                    communications.Add(StructuredCommunicationScheme.For(step.Number).Digits);
                }
            }
        }

        Assert.Equal(1_000, communications.Count);
        Assert.Equal(1_000, communications.Distinct().Count());
    }

    [Fact]
    public void BaseFor_CheckDigitsRemainderZero_Become97()
    {
        // 2600000000 mod 97 = 69, so sequence 28 gives 2600000028 = 97 × 26804124 and a
        // remainder of 0, which the check digits write as 97.
        var baseNumber = StructuredCommunicationScheme.BaseFor(2026, 0, 28);

        var communication = StructuredCommunication.FromBase(baseNumber);

        Assert.Equal(0, baseNumber % 97);
        Assert.EndsWith("97", communication.Digits, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 1)] // series index has one digit
    [InlineData(0, 0)] // sequences start at 1
    [InlineData(0, 10_000_000)] // sequence has seven digits
    public void BaseFor_OutOfRange_Throws(int series, long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuredCommunicationScheme.BaseFor(2026, series, sequence));
    }
}
