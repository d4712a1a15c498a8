using BenchmarkDotNet.Running;

namespace Bilansoft.Benchmarks;

/// <summary>
/// Runs the suites chosen on the command line, for example
/// <c>dotnet run -c Release --project benchmarks/Bilansoft.Benchmarks -- --filter '*Totals*'</c>.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
