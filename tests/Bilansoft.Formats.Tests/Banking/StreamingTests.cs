using System.Globalization;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

/// <summary>
/// Runs alone, because measuring live memory while other test classes allocate in the same
/// process would measure them too.
/// </summary>
[CollectionDefinition(nameof(StreamingTests), DisableParallelization = true)]
public sealed class StreamingTestsRunAlone
{
}

[Collection(nameof(StreamingTests))]
public class StreamingTests
{
    private const int TransactionCount = 50_000;

    /// <summary>One CODA statement of <paramref name="count"/> credits of 1.000 with a 2.2 and a 2.3 each.</summary>
    private static IEnumerable<string> CodaLines(int count)
    {
        yield return CodaSynthetic.Header;
        yield return CodaSynthetic.OldBalance;
        for (var i = 1; i <= count; i++)
        {
            var sequence = (i % 10_000).ToString("D4", CultureInfo.InvariantCulture);
            yield return CodaText.Put(CodaText.Put(CodaSynthetic.Movement, 3, sequence), 33, "000000000001000");
            yield return CodaText.Put(CodaSynthetic.MovementPart2, 3, sequence);
            yield return CodaText.Put(CodaSynthetic.MovementPart3, 3, sequence);
        }

        var closing = (10_000_000L + (count * 1000L)).ToString("D15", CultureInfo.InvariantCulture);
        yield return CodaText.Put(CodaSynthetic.NewBalance, 43, closing);
        yield return CodaSynthetic.Line(
            (1, "9"),
            (17, ((count * 3) + 2).ToString("D6", CultureInfo.InvariantCulture)),
            (23, "000000000000000"),
            (38, (count * 1000L).ToString("D15", CultureInfo.InvariantCulture)),
            (128, "2"));
    }

    [Fact]
    public async Task ReadAsync_YieldsHeaderTransactionsSummaryInOrder()
    {
        await using var stream = new LineStream(CodaSynthetic.Lines, CodaText.Encoding);

        var kinds = new List<string>();
        await foreach (var element in BankStatementReader.ReadAsync(stream))
        {
            kinds.Add(element.GetType().Name);
        }

        Assert.Equal(["StatementHeader", "BankTransaction", "StatementSummary"], kinds);
    }

    [Fact]
    public async Task ReadAsync_LargeCodaFile_KeepsMemoryFlat()
    {
        await using var stream = new LineStream(CodaLines(TransactionCount), CodaText.Encoding);
        var liveBytes = new List<long>();
        var transactions = 0;
        StatementSummary? summary = null;

        await foreach (var element in BankStatementReader.ReadAsync(stream))
        {
            if (element is BankTransaction && ++transactions % 10_000 == 0)
            {
                liveBytes.Add(GC.GetTotalMemory(forceFullCollection: true));
            }

            summary = element as StatementSummary ?? summary;
        }

        // The file is 19.5 MB (150 002 records of 130 bytes); what the reader keeps alive must not grow with it.
        Assert.Equal(TransactionCount, transactions);
        Assert.Equal(TransactionCount * 1.000m, summary?.CreditTotal);
        Assert.True(stream.BytesRead > 19_000_000, $"Only {stream.BytesRead} bytes were read.");
        var growth = liveBytes[^1] - liveBytes[0];
        Assert.True(growth < 4_000_000, $"Live memory grew by {growth} bytes between the 10 000th and the {TransactionCount}th transaction.");
    }

    [Fact]
    public async Task ReadAsync_CancelledToken_Stops()
    {
        await using var stream = new LineStream(CodaLines(1_000), CodaText.Encoding);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var element in BankStatementReader.ReadAsync(stream, cancellationToken: cancellation.Token))
            {
                if (element is BankTransaction)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
    }
}
