using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Benchmarks.Banking;

/// <summary>
/// Matches 100,000 payments against 100,000 open invoices: 60 % quote a structured communication
/// (in the field or in the text), the rest are found by amount, IBAN, name or invoice number, or
/// not at all.
/// </summary>
[MemoryDiagnoser]
public class PaymentMatchingBenchmarks
{
    private const int Count = 100_000;
    private static readonly string[] Names = ["Klant NV", "Bakkerij Peeters BV", "Garage Janssens", "Immo De Smet SRL", "Studio Maes"];

    private List<OpenItem> _items = [];
    private List<BankPayment> _payments = [];
    private PaymentMatcher _matcher = null!;

    [GlobalSetup]
    public void CreateData()
    {
        var random = new Random(20_260_105);
        _items = new List<OpenItem>(Count);
        _payments = new List<BankPayment>(Count);
        for (var i = 1; i <= Count; i++)
        {
            var kind = i % 4 == 0 ? OpenItemKind.PurchaseInvoice : OpenItemKind.SalesInvoice;
            var communication = StructuredCommunication.FromBase(2_026_000_000L + i);
            var amount = random.Next(1_000, 1_000_000) / 100m;
            var iban = Iban.Parse(StatementFileGenerator.BelgianIban(random));
            var name = $"{Names[i % Names.Length]} {i % 5_000}";
            var number = string.Create(CultureInfo.InvariantCulture, $"2026-{i:D6}");
            _items.Add(new OpenItem($"item-{i}", kind, number, communication, null, amount, "EUR", name, iban, new DateOnly(2026, 1, 1).AddDays(i % 90)));

            var sign = kind == OpenItemKind.SalesInvoice ? 1 : -1;
            var payment = (i % 10) switch
            {
                < 4 => new BankPayment($"pay-{i}", sign * amount, "EUR", null, communication, null, name, iban),
                < 6 => new BankPayment($"pay-{i}", sign * amount, "EUR", null, null, "Betaling " + communication.ToPrinted(), name, null),
                6 => new BankPayment($"pay-{i}", sign * amount, "EUR", null, null, "factuur " + number, null, null),
                7 => new BankPayment($"pay-{i}", sign * (amount - 1m), "EUR", null, null, "voorschot", name, iban),
                8 => new BankPayment($"pay-{i}", sign * amount, "EUR", null, null, null, null, null),
                _ => new BankPayment($"pay-{i}", sign * 12.34m, "EUR", null, null, "onbekend", "Iemand Anders", null),
            };
            _payments.Add(payment);
        }

        _matcher = new PaymentMatcher(_items);
    }

    /// <summary>Builds the indexes over the open items.</summary>
    [Benchmark]
    public int BuildIndex() => new PaymentMatcher(_items).Count;

    /// <summary>Matches every payment against the indexed items.</summary>
    [Benchmark]
    public int MatchAll() => _matcher.MatchAll(_payments).Count(match => match.Kind == MatchKind.Automatic);
}
