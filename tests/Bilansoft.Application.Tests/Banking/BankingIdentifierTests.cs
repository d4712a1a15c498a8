using Bilansoft.Application.Banking;

namespace Bilansoft.Application.Tests.Banking;

public class BankingIdentifierTests
{
    [Fact]
    public void ImportIds_SortNewestFirst()
    {
        var earlier = BankImportIds.New(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var later = BankImportIds.New(new DateTimeOffset(2026, 1, 1, 8, 0, 1, TimeSpan.Zero));

        Assert.Equal(32, later.Length);
        Assert.True(string.CompareOrdinal(later, earlier) < 0);
    }

    [Fact]
    public void TransactionId_RoundTrips()
    {
        var importId = BankImportIds.New(DateTimeOffset.UtcNow);

        var id = StatementTransaction.IdFor(importId, 42);

        Assert.True(StatementTransaction.TryParseId(id, out var parsedImport, out var position));
        Assert.Equal(importId, parsedImport);
        Assert.Equal(42, position);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef-00000x")]
    [InlineData("0123456789abcdef0123456789abcdef-000000")]
    [InlineData(null)]
    public void TransactionId_OfAnotherShape_IsRejected(string? id)
    {
        Assert.False(StatementTransaction.TryParseId(id, out _, out _));
    }

    [Theory]
    [InlineData("2026-03-01", 5, "2026-03-02", 6, true)]
    [InlineData("2026-03-02", 6, "2026-03-01", 5, false)]
    [InlineData("2026-03-02", 6, "2026-03-02", 7, true)]
    [InlineData("2026-03-02", 7, "2026-03-02", 6, false)]
    public void StatementPosition_LaterStatementWins(string date, long sequence, string otherDate, long otherSequence, bool older)
    {
        var position = new StatementPosition(sequence, 0m, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "a");
        var other = new StatementPosition(otherSequence, 0m, DateOnly.Parse(otherDate, System.Globalization.CultureInfo.InvariantCulture), "b");

        Assert.Equal(older, position.IsOlderThan(other));
    }
}
