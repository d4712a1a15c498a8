using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Bilansoft.Formats.Tests.Documents.Pdf;

/// <summary>Reads rendered PDFs back the way a reader application sees them.</summary>
internal static class PdfInspection
{
    /// <summary>Returns each page's words joined by single spaces, in reading order as PdfPig extracts them.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(word => word.Text))).ToList();
    }

    public static string AllText(byte[] pdf) => string.Join('\n', PageTexts(pdf));

    public static List<List<Word>> PageWords(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Select(page => page.GetWords().ToList()).ToList();
    }

    public static HashSet<string> FontNames(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(page => page.Letters).Select(letter => letter.FontName ?? string.Empty).ToHashSet(StringComparer.Ordinal);
    }

    public static int ImageCount(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Sum(page => page.GetImages().Count());
    }

    /// <summary>Counts, per page, the form XObjects in the page's resources (an imported PDF page is one).</summary>
    public static List<int> FormXObjectsPerPage(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var counts = new List<int>();
        foreach (var page in document.Pages)
        {
            var xObjects = page.Resources.Elements.GetDictionary("/XObject");
            var count = 0;
            if (xObjects is not null)
            {
                foreach (var key in xObjects.Elements.Keys)
                {
                    var item = xObjects.Elements.GetReference(key)?.Value as PdfDictionary;
                    if (item?.Elements.GetName("/Subtype") == "/Form")
                    {
                        count++;
                    }
                }
            }

            counts.Add(count);
        }

        return counts;
    }
}
