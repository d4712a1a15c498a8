using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Formats.Documents;

namespace Bilansoft.Formats.Tests.Documents;

/// <summary>
/// Valid Belgian sales documents for tests, one per VAT situation. The totals are computed here the
/// way the sales domain does: VAT per category and rate on the sum of the line amounts, rounded half
/// away from zero to cents.
/// </summary>
internal static class SampleDocuments
{
    public static readonly StructuredCommunication Communication = StructuredCommunication.FromBase(2026000103);

    public static SellerParty Seller() => new("Brasserie Élan & Zoë", new PostalAddress("Korenmarkt 12 bus 3", "9000", "Gent", "BE"))
    {
        LegalForm = "BV",
        EnterpriseNumber = EnterpriseNumber.Parse("0123.456.749"),
        VatNumber = VatNumber.Parse("BE0123456749"),
        RegisterMention = "RPR Gent",
        Email = "facturen@elan-zoe.be",
        Phone = "+32 9 123 45 67",
        Website = "www.elan-zoe.be",
        Iban = Iban.Parse("BE68 5390 0754 7034"),
        Bic = Bic.Parse("GKCCBEBB"),
    };

    public static BuyerParty BelgianBuyer() => new("Ωμέγα Иванов Consulting", new PostalAddress("Rue de la Loi 155", "1040", "Etterbeek", "BE"))
    {
        Attention = "Dhr. Jérôme Dubois",
        EnterpriseNumber = EnterpriseNumber.Parse("0566.988.259"),
        VatNumber = VatNumber.Parse("BE0566988259"),
    };

    public static BuyerParty DutchBuyer() => new("Groothandel De Vries B.V.", new PostalAddress("Keizersgracht 1", "1015 CJ", "Amsterdam", "NL"))
    {
        VatNumber = VatNumber.Parse("NL123456789B01"),
        PeppolId = PeppolParticipantId.Parse("9944:NL123456789B01"),
    };

    public static BuyerParty AmericanBuyer() => new("Hudson Trading Inc.", new PostalAddress("350 Fifth Avenue", "NY 10118", "New York", "US"))
    {
        PeppolId = PeppolParticipantId.Parse("0060:123456789"),
    };

    public static DocumentRenderModel StandardMixedRates(Language language = Language.Dutch) => Build(
        DocumentKind.Invoice,
        "2026/0001",
        BelgianBuyer(),
        language,
        [
            new DocumentLine(1, "Consultancy in bedrijfsprocessen", 12.5m, "HUR", 85m, 1062.50m, VatCategory.StandardRated, 21m),
            new DocumentLine(2, "Vakliteratuur: handboek btw", 3m, "C62", 49.9m, 134.73m, VatCategory.StandardRated, 6m) { DiscountPercent = 10m },
            new DocumentLine(3, "Licentie planningssoftware (jaar)", 1m, "C62", 1200.1234m, 1140.12m, VatCategory.StandardRated, 21m) { DiscountPercent = 5m },
        ],
        _ => null);

    public static DocumentRenderModel ReverseCharge() => Build(
        DocumentKind.Invoice,
        "2026/0002",
        BelgianBuyer(),
        Language.Dutch,
        [new DocumentLine(1, "Renovatiewerken badkamer", 1m, "C62", 8500m, 8500m, VatCategory.ReverseCharge, 0m)],
        _ => new Exemption("VATEX-EU-AE", "Reverse charge", "Btw verlegd – verlegging van heffing, art. 51 §2, 5° WBTW"));

    public static DocumentRenderModel IntraCommunityGoods() => Build(
        DocumentKind.Invoice,
        "2026/0003",
        DutchBuyer(),
        Language.English,
        [new DocumentLine(1, "Brewing kettle, stainless steel, 200 l", 2m, "C62", 3450m, 6900m, VatCategory.IntraCommunitySupply, 0m)],
        _ => new Exemption("VATEX-EU-IC", "Intra-Community supply", "Exempt intra-Community supply – art. 39bis Belgian VAT Code")) with
    {
        DeliveryDate = new DateOnly(2026, 3, 2),
    };

    public static DocumentRenderModel Export() => Build(
        DocumentKind.Invoice,
        "2026/0004",
        AmericanBuyer(),
        Language.English,
        [new DocumentLine(1, "Belgian abbey beer, 24 × 33 cl", 40m, "XBX", 38.5m, 1540m, VatCategory.Export, 0m)],
        _ => new Exemption("VATEX-EU-G", "Export outside the EU", "Export outside the EU – art. 39 Belgian VAT Code"));

    public static DocumentRenderModel Exempt() => Build(
        DocumentKind.Invoice,
        "2026/0005",
        BelgianBuyer(),
        Language.French,
        [new DocumentLine(1, "Formation professionnelle agréée", 2m, "DAY", 650m, 1300m, VatCategory.Exempt, 0m)],
        _ => new Exemption("VATEX-EU-132-1I", null, "Exonération de TVA – article 44, § 2, 4° du Code de la TVA"));

    public static DocumentRenderModel SmallEnterprise() => Build(
        DocumentKind.Invoice,
        "2026/0006",
        BelgianBuyer(),
        Language.French,
        [new DocumentLine(1, "Création graphique du logo", 1m, "C62", 450m, 450m, VatCategory.Exempt, 0m)],
        _ => new Exemption(null, "Régime particulier de franchise des petites entreprises", "Régime particulier de franchise des petites entreprises"));

    public static DocumentRenderModel CreditNote() => Build(
        DocumentKind.CreditNote,
        "CN-2026/0001",
        BelgianBuyer(),
        Language.Dutch,
        [new DocumentLine(1, "Consultancy in bedrijfsprocessen (teruggenomen uren)", 2m, "HUR", 85m, 170m, VatCategory.StandardRated, 21m)],
        _ => null) with
    {
        PrecedingInvoice = new InvoiceReference("2026/0001", new DateOnly(2026, 2, 27)),
    };

    public static DocumentRenderModel Quote() => StandardMixedRates() with
    {
        Kind = DocumentKind.Quote,
        Number = "OFF-2026/0007",
        ValidUntil = new DateOnly(2026, 4, 30),
        Payment = null,
        DueDate = null,
    };

    public static DocumentRenderModel DeliveryNote() => StandardMixedRates() with
    {
        Kind = DocumentKind.DeliveryNote,
        Number = "LB-2026/0003",
        Payment = null,
        DueDate = null,
    };

    /// <summary>An invoice long enough to fill about 20 pages, with one very long description.</summary>
    public static DocumentRenderModel Long(int lineCount = 330, Language language = Language.Dutch)
    {
        var lines = new List<DocumentLine>();
        for (var position = 1; position <= lineCount; position++)
        {
            var description = position == 7 ? VeryLongDescription : $"Onderdeel {position:D3} – montage en afstelling";
            lines.Add(new DocumentLine(position, description, position % 4 + 1, "C62", 12.5m + position, (position % 4 + 1) * (12.5m + position), VatCategory.StandardRated, position % 3 == 0 ? 6m : 21m));
        }

        return Build(DocumentKind.Invoice, "2026/0100", BelgianBuyer(), language, lines, _ => null);
    }

    public const string VeryLongDescription =
        "Volledige herinrichting van de brouwzaal, inclusief het demonteren van de oude installatie, het plaatsen van " +
        "nieuwe roestvrijstalen leidingen, het aansluiten van de koelmantels op het bestaande glycolcircuit, het " +
        "kalibreren van alle temperatuursensoren en het opleiden van het personeel in twee sessies van een halve dag. " +
        "Werfverslag en meetrapporten worden digitaal bezorgd. EINDE-BESCHRIJVING";

    private sealed record Exemption(string? Code, string? Text, string Mention);

    private static DocumentRenderModel Build(
        DocumentKind kind,
        string number,
        BuyerParty buyer,
        Language language,
        IReadOnlyList<DocumentLine> lines,
        Func<VatCategory, Exemption?> exemption)
    {
        var breakdown = lines
            .GroupBy(line => (line.VatCategory, line.VatRate))
            .OrderBy(group => group.Key.VatCategory)
            .ThenByDescending(group => group.Key.VatRate)
            .Select(group =>
            {
                var taxable = group.Sum(line => line.NetAmount);
                var tax = decimal.Round(taxable * group.Key.VatRate / 100m, 2, MidpointRounding.AwayFromZero);
                var reason = exemption(group.Key.VatCategory);
                return new VatBreakdown(group.Key.VatCategory, group.Key.VatRate, taxable, tax)
                {
                    ExemptionReasonCode = reason?.Code,
                    ExemptionReasonText = reason?.Text,
                    LegalMention = reason?.Mention,
                };
            })
            .ToList();
        var lineTotal = lines.Sum(line => line.NetAmount);
        var taxTotal = breakdown.Sum(entry => entry.TaxAmount);
        var totals = new DocumentTotals(lineTotal, lineTotal, taxTotal, lineTotal + taxTotal, 0m, lineTotal + taxTotal);
        var issueDate = new DateOnly(2026, 3, 4);

        return new DocumentRenderModel(kind, number, issueDate, language, Seller(), buyer, lines, breakdown, totals)
        {
            DueDate = issueDate.AddDays(30),
            BuyerReference = "PO-REF-77",
            Notes = ["Bedankt voor het vertrouwen."],
            Payment = new PaymentInstructions(Iban.Parse("BE68 5390 0754 7034"))
            {
                Bic = Bic.Parse("GKCCBEBB"),
                StructuredCommunication = Communication,
                PaymentTerms = "Betaling binnen 30 dagen na factuurdatum.",
            },
        };
    }
}
