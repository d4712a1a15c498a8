using BenchmarkDotNet.Attributes;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Formats.Documents;
using Bilansoft.Formats.Documents.Pdf;
using Bilansoft.Formats.Documents.Ubl;

namespace Bilansoft.Benchmarks.Documents;

/// <summary>
/// Renders a one-page and a 20-page invoice to PDF, and writes and checks the Peppol UBL of the
/// one-page invoice with its PDF embedded.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private DocumentRenderModel _singlePage = null!;
    private DocumentRenderModel _twentyPages = null!;
    private UblAttachment _pdf = null!;
    private byte[] _ubl = null!;

    [GlobalSetup]
    public void Setup()
    {
        _singlePage = Invoice(3);

        // 730 lines fill 20 pages with the business template.
        _twentyPages = Invoice(730);
        _pdf = new UblAttachment("2026-0001.pdf", DocumentPdfRenderer.Render(_singlePage));
        _ubl = PeppolUblWriter.ToBytes(_singlePage, _pdf);
    }

    [Benchmark]
    public byte[] RenderSinglePagePdf() => DocumentPdfRenderer.Render(_singlePage);

    [Benchmark]
    public byte[] RenderTwentyPagePdf() => DocumentPdfRenderer.Render(_twentyPages);

    [Benchmark]
    public byte[] WriteUblWithPdf() => PeppolUblWriter.ToBytes(_singlePage, _pdf);

    [Benchmark]
    public bool CheckUbl() => UblRuleChecker.Check(new MemoryStream(_ubl, writable: false)).IsValid;

    private static DocumentRenderModel Invoice(int lineCount)
    {
        var lines = Enumerable.Range(1, lineCount)
            .Select(position => new DocumentLine(position, $"Onderdeel {position:D3} – montage en afstelling", (position % 4) + 1, "C62", 12.5m + position, ((position % 4) + 1) * (12.5m + position), VatCategory.StandardRated, 21m))
            .ToList();
        var net = lines.Sum(line => line.NetAmount);
        var vat = decimal.Round(net * 0.21m, 2, MidpointRounding.AwayFromZero);
        var seller = new SellerParty("Brasserie Élan & Zoë", new PostalAddress("Korenmarkt 12", "9000", "Gent", "BE"))
        {
            LegalForm = "BV",
            EnterpriseNumber = EnterpriseNumber.Parse("0123456749"),
            VatNumber = VatNumber.Parse("BE0123456749"),
            RegisterMention = "RPR Gent",
            Iban = Iban.Parse("BE68539007547034"),
        };
        var buyer = new BuyerParty("Ωμέγα Иванов Consulting", new PostalAddress("Rue de la Loi 155", "1040", "Etterbeek", "BE"))
        {
            EnterpriseNumber = EnterpriseNumber.Parse("0566988259"),
            VatNumber = VatNumber.Parse("BE0566988259"),
        };
        var issueDate = new DateOnly(2026, 3, 4);
        return new DocumentRenderModel(
            DocumentKind.Invoice,
            "2026/0001",
            issueDate,
            Language.Dutch,
            seller,
            buyer,
            lines,
            [new VatBreakdown(VatCategory.StandardRated, 21m, net, vat)],
            new DocumentTotals(net, net, vat, net + vat, 0m, net + vat))
        {
            DueDate = issueDate.AddDays(30),
            BuyerReference = "PO-REF-77",
            Payment = new PaymentInstructions(Iban.Parse("BE68539007547034"))
            {
                Bic = Bic.Parse("GKCCBEBB"),
                StructuredCommunication = StructuredCommunication.FromBase(2026000103),
            },
        };
    }
}
