using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bilansoft.Formats.Documents.Pdf;

/// <summary>
/// The layout engine the three templates share. It starts A4 pages with the letterhead and the
/// template bands as background, keeps a vertical cursor, wraps words and repeats a continuation
/// header after each page break. A last pass draws the footers once the page count is known.
/// Units are points (1/72 inch), and <see cref="Mm"/> converts millimetres.
/// </summary>
internal sealed class PdfComposer : IDisposable
{
    /// <summary>A4 width in points (210 mm).</summary>
    public static readonly double PageWidth = Mm(210);

    /// <summary>A4 height in points (297 mm).</summary>
    public static readonly double PageHeight = Mm(297);

    /// <summary>Left edge of the content (20 mm margin).</summary>
    public static readonly double Left = Mm(20);

    /// <summary>Right edge of the content (20 mm margin).</summary>
    public static readonly double Right = PageWidth - Mm(20);

    /// <summary>Lowest point content may reach; the footer sits below it.</summary>
    public static readonly double BodyBottom = PageHeight - Mm(24);

    /// <summary>Top of the content on continuation pages, below their header.</summary>
    public static readonly double ContinuationTop = Mm(25);

    private readonly TemplateTheme _theme;
    private readonly XPdfForm? _letterhead;
    private readonly Dictionary<(double Size, bool Bold), XFont> _fonts = [];
    private XGraphics? _graphics;

    public PdfComposer(TemplateTheme theme, XPdfForm? letterhead)
    {
        EmbeddedFontResolver.EnsureRegistered();
        _theme = theme;
        _letterhead = letterhead;
        Document = new PdfDocument();
        Document.Options.CompressContentStreams = true;
        Document.Options.NoCompression = false;
    }

    public PdfDocument Document { get; }

    /// <summary>The drawing surface of the current page.</summary>
    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page has been started.");

    /// <summary>Vertical cursor: where the next block starts, measured from the top of the page.</summary>
    public double Y { get; set; }

    /// <summary>Draws the header of a continuation page and moves <see cref="Y"/> below it.</summary>
    public Action<PdfComposer>? ContinuationHeader { get; set; }

    public static double Mm(double millimetres) => millimetres * 72.0 / 25.4;

    public XFont Font(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out var font))
        {
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            font = new XFont(EmbeddedFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, options);
            _fonts[(size, bold)] = font;
        }

        return font;
    }

    public static double LineHeight(XFont font) => font.Size * 1.25;

    /// <summary>Starts a page: background letterhead, template bands, and on later pages the continuation header.</summary>
    public void NewPage()
    {
        _graphics?.Dispose();
        var page = Document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);

        if (_letterhead is not null)
        {
            _graphics.DrawImage(_letterhead, 0, 0, PageWidth, PageHeight);
        }

        if (_theme.TopBandHeight > 0)
        {
            _graphics.DrawRectangle(new XSolidBrush(_theme.Primary), 0, 0, PageWidth, _theme.TopBandHeight);
            _graphics.DrawRectangle(new XSolidBrush(_theme.Accent), 0, _theme.TopBandHeight, PageWidth, Mm(1));
        }

        if (_theme.SideBandWidth > 0)
        {
            _graphics.DrawRectangle(new XSolidBrush(_theme.Primary), 0, 0, _theme.SideBandWidth, PageHeight);
        }

        Y = ContinuationTop;
        if (Document.PageCount > 1)
        {
            ContinuationHeader?.Invoke(this);
        }
    }

    /// <summary>Whether a block of <paramref name="height"/> points still fits on the current page.</summary>
    public bool Fits(double height) => Y + height <= BodyBottom;

    /// <summary>Starts a new page when a block of <paramref name="height"/> points does not fit; returns whether it did.</summary>
    public bool BreakIfNeeded(double height)
    {
        if (Fits(height))
        {
            return false;
        }

        NewPage();
        return true;
    }

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

    public void Text(string text, XFont font, XColor color, double x, double y) =>
        Graphics.DrawString(text, font, new XSolidBrush(color), x, y, XStringFormats.TopLeft);

    public void TextRight(string text, XFont font, XColor color, double right, double y) =>
        Text(text, font, color, right - Measure(text, font), y);

    public void Fill(XColor color, double x, double y, double width, double height) =>
        Graphics.DrawRectangle(new XSolidBrush(color), x, y, width, height);

    public void Rule(XColor color, double width, double x1, double y, double x2) =>
        Graphics.DrawLine(new XPen(color, width), x1, y, x2, y);

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at explicit line breaks, then
    /// between words, and inside a word only when the word alone is wider than the column.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Measure(current, font) > width && current.Length > 1)
                {
                    var cut = LongestFittingPrefix(current, font, width);
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private int LongestFittingPrefix(string word, XFont font, double width)
    {
        var length = 1;
        while (length < word.Length && Measure(word[..(length + 1)], font) <= width)
        {
            length++;
        }

        return length;
    }

    /// <summary>Draws the footer of every page once the page count is known, then saves.</summary>
    public void Finish(Action<XGraphics, int, int> drawFooter, Stream output)
    {
        _graphics?.Dispose();
        _graphics = null;

        var count = Document.PageCount;
        for (var index = 0; index < count; index++)
        {
            using var graphics = XGraphics.FromPdfPage(Document.Pages[index], XGraphicsPdfPageOptions.Append);
            drawFooter(graphics, index + 1, count);
        }

        Document.Save(output, closeStream: false);
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        Document.Dispose();
    }
}
