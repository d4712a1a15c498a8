using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Bilansoft.Benchmarks.Banking;

/// <summary>
/// Adds two columns to the parsing benchmarks: throughput (file size divided by the mean time) and
/// the peak managed heap seen while parsing, which stays flat when the reader streams.
/// </summary>
public sealed class BankStatementBenchmarkConfig : ManualConfig
{
    public BankStatementBenchmarkConfig()
    {
        AddColumn(new ThroughputColumn(), new PeakHeapColumn());
    }

    /// <summary>Folder of the generated files and of the memory samples, shared by the host and the benchmark processes.</summary>
    public static string WorkFolder { get; } = Path.Combine(Path.GetTempPath(), "bilansoft-bank-benchmarks");

    public static string FilePath(string format, int transactions) =>
        Path.Combine(WorkFolder, string.Create(CultureInfo.InvariantCulture, $"{format}-{transactions}.{(format == "coda" ? "cod" : "xml")}"));

    public static string PeakPath(string method, int transactions) =>
        Path.Combine(WorkFolder, string.Create(CultureInfo.InvariantCulture, $"{method}-{transactions}.peak"));

    private static int Transactions(BenchmarkCase benchmarkCase) =>
        (int)benchmarkCase.Parameters["TransactionCount"];

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "File size in MB (10^6 bytes) divided by the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var format = benchmarkCase.Descriptor.WorkloadMethod.Name.Contains("Coda", StringComparison.Ordinal) ? "coda" : "camt";
            var file = new FileInfo(FilePath(format, Transactions(benchmarkCase)));
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return file.Exists && mean is > 0
                ? (file.Length / 1e6 / (mean.Value / 1e9)).ToString("0.0", CultureInfo.InvariantCulture)
                : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class PeakHeapColumn : IColumn
    {
        public string Id => nameof(PeakHeapColumn);

        public string ColumnName => "Peak heap MB";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Largest GC.GetTotalMemory(false) sampled every 1,000 elements while parsing, in MB";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var path = PeakPath(benchmarkCase.Descriptor.WorkloadMethod.Name, Transactions(benchmarkCase));
            return File.Exists(path) ? File.ReadAllText(path).Trim() : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
