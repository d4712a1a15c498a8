using BenchmarkDotNet.Attributes;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Benchmarks.Sales;

/// <summary>
/// Measures <see cref="DocumentTotals.Calculate"/> on invoices of 10, 100 and 1,000 lines that mix
/// the three Belgian rates, discounts and a reverse-charge line, as a large freelancer invoice does.
/// </summary>
[MemoryDiagnoser]
public class TotalsBenchmarks
{
    private SalesLine[] _lines = [];

    [Params(10, 100, 1_000)]
    public int LineCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        decimal[] rates = [21m, 12m, 6m];
        _lines = [.. Enumerable.Range(0, LineCount).Select(i => i % 10 == 9
            ? new SalesLine
            {
                Description = $"Works {i}",
                Quantity = 1m,
                UnitPrice = 250m,
                VatCategory = VatCategory.DomesticReverseCharge,
                VatRate = 0m,
            }
            : new SalesLine
            {
                Description = $"Item {i}",
                Quantity = 1m + (i % 7 * 0.25m),
                UnitPrice = 12.3456m + i,
                DiscountPercent = i % 3 * 5m,
                VatCategory = VatCategory.Standard,
                VatRate = rates[i % 3],
            })];
    }

    [Benchmark]
    public decimal Totals() => DocumentTotals.Calculate(_lines).TotalWithVat;
}
