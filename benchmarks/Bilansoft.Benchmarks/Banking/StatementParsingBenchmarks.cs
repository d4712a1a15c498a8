using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Benchmarks.Banking;

/// <summary>
/// Parses generated CODA and camt.053 files from disk with the streaming reader. Compare the peak
/// heap of 10,000 and 100,000 transactions to see that memory does not grow with the file.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BankStatementBenchmarkConfig))]
public class StatementParsingBenchmarks
{
    private const int Seed = 20_260_105;
    private long _peakHeap;

    [Params(10_000, 100_000)]
    public int TransactionCount { get; set; }

    [GlobalSetup]
    public void GenerateFiles()
    {
        Directory.CreateDirectory(BankStatementBenchmarkConfig.WorkFolder);
        var generator = new StatementFileGenerator(Seed);
        var coda = BankStatementBenchmarkConfig.FilePath("coda", TransactionCount);
        var camt = BankStatementBenchmarkConfig.FilePath("camt", TransactionCount);
        if (!File.Exists(coda))
        {
            generator.WriteCoda(coda, TransactionCount);
        }

        if (!File.Exists(camt))
        {
            generator.WriteCamt(camt, TransactionCount);
        }

        Console.WriteLine($"// CODA {new FileInfo(coda).Length:N0} bytes, camt.053 {new FileInfo(camt).Length:N0} bytes");
    }

    [Benchmark]
    public Task<int> ParseCoda() => ParseAsync(BankStatementBenchmarkConfig.FilePath("coda", TransactionCount));

    [Benchmark]
    public Task<int> ParseCamt() => ParseAsync(BankStatementBenchmarkConfig.FilePath("camt", TransactionCount));

    [GlobalCleanup(Target = nameof(ParseCoda))]
    public void RecordCodaPeak() => RecordPeak(nameof(ParseCoda));

    [GlobalCleanup(Target = nameof(ParseCamt))]
    public void RecordCamtPeak() => RecordPeak(nameof(ParseCamt));

    private void RecordPeak(string method) =>
        File.WriteAllText(
            BankStatementBenchmarkConfig.PeakPath(method, TransactionCount),
            (_peakHeap / 1e6).ToString("0.0", CultureInfo.InvariantCulture));

    private async Task<int> ParseAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var count = 0;
        await foreach (var element in BankStatementReader.ReadAsync(stream))
        {
            if (element is BankTransaction && ++count % 1_000 == 0)
            {
                _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        if (count != TransactionCount)
        {
            throw new InvalidOperationException($"Read {count} transactions instead of {TransactionCount}.");
        }

        return count;
    }
}
