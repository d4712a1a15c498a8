using Bilansoft.Formats.Documents;
using Bilansoft.Formats.Documents.Pdf;
using UglyToad.PdfPig;

namespace Bilansoft.Application.Documents;

/// <summary>
/// Checks an uploaded letterhead before it is stored: it must be a PDF that PdfPig can read, not
/// encrypted, with at least one page, and the PDF renderer must be able to draw it under a page.
/// </summary>
public static class LetterheadCheck
{
    /// <summary>Largest letterhead accepted (2 MiB); a one-page vector letterhead is far smaller.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    /// <summary>Returns the number of pages, or the reason the file cannot serve as letterhead.</summary>
    public static (int Pages, string? Problem) Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);

        if (!content.AsSpan().StartsWith(PdfSignature))
        {
            return (0, "the file does not start with %PDF-");
        }

        int pages;
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.IsEncrypted)
            {
                return (0, "the PDF is encrypted");
            }

            pages = document.NumberOfPages;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // PdfPig reports broken files with several exception types; any of them means the
            // upload is not a usable PDF.
            return (0, "the PDF cannot be read");
        }

        if (pages < 1)
        {
            return (0, "the PDF has no page");
        }

        return CanDraw(content) ? (pages, null) : (pages, "the PDF cannot be drawn as page background");
    }

    // The renderer imports the letterhead with PDFsharp, which reads fewer PDF variants than PdfPig;
    // one trial page proves that every later document can be rendered with it.
    private static bool CanDraw(byte[] content)
    {
        var address = new PostalAddress("Kerkstraat 1", "9000", "Gent", "BE");
        var model = new DocumentRenderModel(
            DocumentKind.Quote,
            "letterhead-check",
            new DateOnly(2026, 1, 1),
            Domain.Language.Dutch,
            new SellerParty("Letterhead check", address),
            new BuyerParty("Letterhead check", address),
            [new DocumentLine(1, "Letterhead check", 1m, "C62", 1m, 1m, VatCategory.StandardRated, 21m)],
            [new VatBreakdown(VatCategory.StandardRated, 21m, 1m, 0.21m)],
            new DocumentTotals(1m, 1m, 0.21m, 1.21m, 0m, 1.21m))
        {
            Style = HouseStyle.Default with { Letterhead = content },
        };
        try
        {
            DocumentPdfRenderer.Render(model);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return false;
        }
    }
}
