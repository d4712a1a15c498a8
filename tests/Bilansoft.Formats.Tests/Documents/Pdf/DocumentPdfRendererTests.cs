using Bilansoft.Domain;
using Bilansoft.Formats.Documents;
using Bilansoft.Formats.Documents.Pdf;

namespace Bilansoft.Formats.Tests.Documents.Pdf;

public sealed class DocumentPdfRendererTests
{
    private static readonly Lazy<byte[]> LongInvoice = new(() => DocumentPdfRenderer.Render(SampleDocuments.Long(LongInvoiceLines)));

    // Chosen so the long invoice fills exactly 20 pages with the business template.
    private const int LongInvoiceLines = 730;

    [Fact]
    public void Render_StandardInvoice_PrintsMandatoryMentions()
    {
        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(SampleDocuments.StandardMixedRates()));

        string[] expected =
        [
            "FACTUUR", "2026/0001", "04/03/2026", "03/04/2026",
            "Brasserie Élan & Zoë BV", "Korenmarkt 12 bus 3", "9000 Gent", "Btw BE 0123.456.749", "Ondernemingsnummer 0123.456.749", "RPR Gent",
            "Ωμέγα Иванов Consulting", "Rue de la Loi 155", "1040 Etterbeek", "BE 0566.988.259",
            "Consultancy in bedrijfsprocessen", "12,5", "uur", "€ 85,00", "€ 1.062,50",
            "€ 49,90", "10 %", "€ 134,73", "€ 1.200,1234", "5 %", "€ 1.140,12",
            "21 %", "6 %", "€ 2.202,62", "€ 462,55", "€ 8,08",
            "Totaal excl. btw", "€ 2.337,35", "€ 470,63", "Totaal incl. btw", "Te betalen", "€ 2.807,98",
            "+++202/6000/10397+++", "BE68 5390 0754 7034", "GKCCBEBB", "Scan en betaal", "Pagina 1 van 1",
        ];
        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_UsesOnlyEmbeddedDejaVu()
    {
        var fonts = PdfInspection.FontNames(DocumentPdfRenderer.Render(SampleDocuments.StandardMixedRates()));

        // Embedded subsets are named with a six-letter tag and a plus sign before the font name.
        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, font => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans(,Bold)?$", font));
    }

    [Fact]
    public void Render_DeliveryDifferentFromIssueDate_PrintsDeliveryDate()
    {
        var document = SampleDocuments.StandardMixedRates() with { DeliveryDate = new DateOnly(2026, 2, 20) };

        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(document));

        Assert.Contains("Leveringsdatum 20/02/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeliveryOnIssueDate_OmitsDeliveryDate()
    {
        var document = SampleDocuments.StandardMixedRates() with { DeliveryDate = new DateOnly(2026, 3, 4) };

        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(document));

        Assert.DoesNotContain("Leveringsdatum", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CreditNote_ReferencesInvoiceWithVatMention()
    {
        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(SampleDocuments.CreditNote()));

        Assert.Contains("CREDITNOTA", text, StringComparison.Ordinal);
        Assert.Contains("Creditnota bij factuur 2026/0001 van 27/02/2026", text, StringComparison.Ordinal);
        Assert.Contains("Btw terug te storten aan de Staat in de mate waarin ze oorspronkelijk in aftrek werd gebracht.", text, StringComparison.Ordinal);
        Assert.Contains("Totaal creditnota", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Betaalgegevens", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reverse-charge", "Btw verlegd – verlegging van heffing, art. 51 §2, 5° WBTW")]
    [InlineData("intra-community", "Exempt intra-Community supply – art. 39bis Belgian VAT Code")]
    [InlineData("export", "Export outside the EU – art. 39 Belgian VAT Code")]
    [InlineData("exempt", "Exonération de TVA – article 44, § 2, 4° du Code de la TVA")]
    [InlineData("small-enterprise", "Régime particulier de franchise des petites entreprises")]
    public void Render_VatCategory_PrintsItsLegalMention(string name, string mention)
    {
        var document = name switch
        {
            "reverse-charge" => SampleDocuments.ReverseCharge(),
            "intra-community" => SampleDocuments.IntraCommunityGoods(),
            "export" => SampleDocuments.Export(),
            "exempt" => SampleDocuments.Exempt(),
            _ => SampleDocuments.SmallEnterprise(),
        };

        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(document));

        Assert.Contains(mention, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IntraCommunitySupply_PrintsBuyerVatAndCountry()
    {
        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(SampleDocuments.IntraCommunityGoods()));

        Assert.Contains("NL123456789B01", text, StringComparison.Ordinal);
        Assert.Contains("NETHERLANDS", text, StringComparison.Ordinal);
        Assert.Contains("Intra-Community", text, StringComparison.Ordinal);
        Assert.Contains("Delivery date 2 March 2026", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Dutch, new[] { "FACTUUR", "Omschrijving", "Eenheidsprijs", "Te betalen", "€ 2.807,98", "04/03/2026", "Mededeling", "Pagina 1 van 1" })]
    [InlineData(Language.French, new[] { "FACTURE", "Description", "Prix unitaire", "À payer", "€ 2.807,98", "04/03/2026", "Communication", "Page 1 sur 1" })]
    [InlineData(Language.English, new[] { "INVOICE", "Description", "Unit price", "Amount due", "€2,807.98", "4 March 2026", "Reference", "Page 1 of 1" })]
    [InlineData(Language.German, new[] { "RECHNUNG", "Beschreibung", "Einzelpreis", "Zu zahlen", "€ 2.807,98", "04.03.2026", "Mitteilung", "Seite 1 von 1" })]
    public void Render_Language_PrintsItsLabels(Language language, string[] labels)
    {
        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(SampleDocuments.StandardMixedRates(language)));

        foreach (var label in labels)
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_LongInvoice_HasTwentyNumberedPages()
    {
        var pages = PdfInspection.PageTexts(LongInvoice.Value);

        Assert.Equal(20, pages.Count);
        for (var page = 1; page <= pages.Count; page++)
        {
            Assert.Contains($"Pagina {page} van 20", pages[page - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_LongInvoice_RepeatsTableHeader()
    {
        var pages = PdfInspection.PageTexts(LongInvoice.Value);

        var pagesWithRows = pages.Where(text => text.Contains("montage en afstelling", StringComparison.Ordinal)).ToList();
        Assert.True(pagesWithRows.Count >= 19, $"Only {pagesWithRows.Count} pages hold table rows.");
        Assert.All(pagesWithRows, text => Assert.Contains("# Omschrijving Aantal Eenheid Eenheidsprijs Btw Bedrag", text, StringComparison.Ordinal));
        Assert.All(pages.Skip(1), text => Assert.Contains("Factuur 2026/0100", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_LongInvoice_ListsEveryLineOnce()
    {
        var text = string.Join('\n', PdfInspection.PageTexts(LongInvoice.Value));

        for (var position = 1; position <= LongInvoiceLines; position++)
        {
            if (position == 7)
            {
                continue;
            }

            var row = $"Onderdeel {position:D3} – montage";
            Assert.Equal(text.IndexOf(row, StringComparison.Ordinal), text.LastIndexOf(row, StringComparison.Ordinal));
            Assert.Contains(row, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_LongDescription_WrapsInsideItsColumn()
    {
        var words = PdfInspection.PageWords(LongInvoice.Value);

        var page = words.Single(pageWords => pageWords.Any(word => word.Text == "Volledige"));
        var first = page.Single(word => word.Text == "Volledige");
        var last = page.Single(word => word.Text == "EINDE-BESCHRIJVING");
        Assert.True(first.BoundingBox.Bottom - last.BoundingBox.Bottom > 30, "The description did not wrap onto several lines.");

        // Without a discount column the description spans from 31 mm to 101 mm.
        var columnLeft = PdfComposer.Mm(31);
        var columnRight = PdfComposer.Mm(101);
        var descriptionWords = page.Where(word => word.BoundingBox.Bottom <= first.BoundingBox.Bottom + 1 && word.BoundingBox.Bottom >= last.BoundingBox.Bottom - 1 && word.BoundingBox.Left > columnLeft && word.BoundingBox.Left < columnRight).ToList();
        Assert.True(descriptionWords.Count > 30, $"Found {descriptionWords.Count} description words.");
        Assert.All(descriptionWords, word => Assert.True(word.BoundingBox.Right <= columnRight, $"'{word.Text}' ends at {word.BoundingBox.Right:F1} pt, past the column edge at {columnRight:F1} pt."));
    }

    [Fact]
    public void Render_RowTallerThanPage_IsSplitAcrossPages()
    {
        var huge = string.Join(' ', Enumerable.Range(1, 900).Select(index => $"woord{index}"));
        var document = SampleDocuments.StandardMixedRates() with
        {
            Lines = [new DocumentLine(1, huge, 1m, "C62", 10m, 10m, VatCategory.StandardRated, 21m)],
        };

        var pages = PdfInspection.PageTexts(DocumentPdfRenderer.Render(document));

        Assert.True(pages.Count >= 2);
        Assert.Contains("woord1 ", pages[0], StringComparison.Ordinal);
        Assert.Contains("woord900", pages[^1] + pages[^2], StringComparison.Ordinal);
        Assert.Contains("# Omschrijving", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Letterhead_DrawnAsFormOnEveryPage()
    {
        var document = SampleDocuments.Long(120) with
        {
            Style = new HouseStyle { Letterhead = TestImages.Letterhead("Briefhoofd Élan & Zoë – Gent") },
        };

        var pdf = DocumentPdfRenderer.Render(document);

        var forms = PdfInspection.FormXObjectsPerPage(pdf);
        Assert.True(forms.Count > 1);
        Assert.All(forms, count => Assert.True(count >= 1));
        Assert.All(PdfInspection.PageTexts(pdf), text => Assert.Contains("Briefhoofd Élan & Zoë – Gent", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Logo_EmbedsImage()
    {
        var document = SampleDocuments.StandardMixedRates() with
        {
            Seller = SampleDocuments.Seller() with { Logo = TestImages.Png(240, 90) },
        };

        var pdf = DocumentPdfRenderer.Render(document);

        Assert.Equal(1, PdfInspection.ImageCount(pdf));
    }

    [Fact]
    public void Render_LogoHidden_EmbedsNoImage()
    {
        var document = SampleDocuments.StandardMixedRates() with
        {
            Seller = SampleDocuments.Seller() with { Logo = TestImages.Png(240, 90) },
            Style = new HouseStyle { Elements = new DocumentElements { Logo = false } },
        };

        Assert.Equal(0, PdfInspection.ImageCount(DocumentPdfRenderer.Render(document)));
    }

    [Theory]
    [InlineData(AddressWindow.Left, 20, 110)]
    [InlineData(AddressWindow.Right, 100, 190)]
    public void Render_AddressWindow_PlacesBuyerInWindow(AddressWindow window, double leftMm, double rightMm)
    {
        var document = SampleDocuments.StandardMixedRates() with { Style = new HouseStyle { AddressWindow = window } };

        var words = PdfInspection.PageWords(DocumentPdfRenderer.Render(document))[0];

        var street = words.First(word => word.Text == "Etterbeek");
        Assert.InRange(street.BoundingBox.Left, PdfComposer.Mm(leftMm), PdfComposer.Mm(rightMm));

        // PDF coordinates start at the bottom: the window spans 50 to 90 mm from the top.
        var fromTop = PdfComposer.PageHeight - street.BoundingBox.Top;
        Assert.InRange(fromTop, PdfComposer.Mm(50), PdfComposer.Mm(90));
    }

    [Theory]
    [InlineData(DocumentTemplate.Business)]
    [InlineData(DocumentTemplate.Creative)]
    [InlineData(DocumentTemplate.Colourful)]
    public void Render_Template_KeepsContent(DocumentTemplate template)
    {
        var document = SampleDocuments.StandardMixedRates() with
        {
            Style = new HouseStyle { Template = template, PrimaryColor = RgbColor.Parse("#0B6E4F"), AccentColor = RgbColor.Parse("#C2185B") },
        };

        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(document));

        Assert.Contains("FACTUUR", text, StringComparison.Ordinal);
        Assert.Contains("€ 2.807,98", text, StringComparison.Ordinal);
        Assert.Contains("+++202/6000/10397+++", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HiddenBlocks_AreLeftOut()
    {
        var document = SampleDocuments.StandardMixedRates() with
        {
            Style = new HouseStyle { Elements = new DocumentElements { PaymentQrCode = false, Notes = false, Footer = false } },
        };

        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(document));

        Assert.DoesNotContain("Scan en betaal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bedankt voor het vertrouwen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9000 Gent · RPR Gent", text, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van 1", text, StringComparison.Ordinal);
        Assert.Contains("Ondernemingsnummer 0123.456.749", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Quote_PrintsValidityWithoutPayment()
    {
        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(SampleDocuments.Quote()));

        Assert.Contains("OFFERTE", text, StringComparison.Ordinal);
        Assert.Contains("Geldig tot 30/04/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Betaalgegevens", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vervaldatum", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeliveryNote_PrintsNoPrices()
    {
        var text = PdfInspection.AllText(DocumentPdfRenderer.Render(SampleDocuments.DeliveryNote()));

        Assert.Contains("LEVERINGSBON", text, StringComparison.Ordinal);
        Assert.Contains("Consultancy in bedrijfsprocessen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("€", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Eenheidsprijs", text, StringComparison.Ordinal);
    }
}
