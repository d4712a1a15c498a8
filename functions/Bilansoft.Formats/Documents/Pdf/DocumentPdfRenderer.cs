using System.Globalization;
using Bilansoft.Domain;
using PdfSharp.Drawing;

namespace Bilansoft.Formats.Documents.Pdf;

/// <summary>
/// Renders an invoice, credit note, quote or delivery note as an A4 PDF in the document's language
/// and the organisation's house style, with DejaVu Sans embedded.
/// </summary>
/// <remarks>
/// The buyer's address sits in a 90 × 40 mm block whose top edge is 50 mm below the top of the
/// page. The block starts 20 mm from the left edge for a left window, or ends 20 mm from the right
/// edge for a right window. That places it in the window of a DL envelope (110 × 220 mm) with a 90 × 45 mm
/// window 20 mm from the side and 15 mm from the bottom, holding the A4 sheet folded in three.
/// NOTE: window positions differ between envelope makers; check a printed page against the
/// envelopes in use.
/// </remarks>
public static class DocumentPdfRenderer
{
    /// <summary>Renders <paramref name="document"/> to <paramref name="output"/>, which stays open.</summary>
    /// <exception cref="InvalidOperationException">Another PDFsharp font resolver is installed in the process.</exception>
    public static void Render(DocumentRenderModel document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var letterheadStream = document.Style.Letterhead is { } letterhead ? new MemoryStream(letterhead.ToArray(), writable: false) : null;
        using var letterheadForm = letterheadStream is null ? null : XPdfForm.FromStream(letterheadStream);
        using var composer = new PdfComposer(TemplateTheme.For(document.Style), letterheadForm);
        var writer = new DocumentPdfWriter(document, composer);
        writer.Write(output);
    }

    /// <summary>Renders <paramref name="document"/> and returns the PDF bytes.</summary>
    public static byte[] Render(DocumentRenderModel document)
    {
        using var buffer = new MemoryStream();
        Render(document, buffer);
        return buffer.ToArray();
    }
}

/// <summary>Draws one document with a <see cref="PdfComposer"/>, section by section.</summary>
internal sealed partial class DocumentPdfWriter
{
    private static readonly XColor Text = XColor.FromArgb(0x22, 0x22, 0x22);
    private static readonly XColor Muted = XColor.FromArgb(0x6B, 0x6B, 0x6B);

    private static readonly double WindowTop = PdfComposer.Mm(50);
    private static readonly double WindowWidth = PdfComposer.Mm(90);
    private static readonly double WindowHeight = PdfComposer.Mm(40);

    private readonly DocumentRenderModel _document;
    private readonly PdfComposer _composer;
    private readonly TemplateTheme _theme;
    private readonly DocumentLabels _labels;
    private readonly DocumentFormatting _format;
    private readonly bool _windowLeft;

    public DocumentPdfWriter(DocumentRenderModel document, PdfComposer composer)
    {
        _document = document;
        _composer = composer;
        _theme = TemplateTheme.For(document.Style);
        _labels = DocumentLabels.For(document.Language);
        _format = new DocumentFormatting(document.Language);
        _windowLeft = document.Style.AddressWindow == AddressWindow.Left;
    }

    private HouseStyle Style => _document.Style;

    private string Title => _labels.Title(_document.Kind);

    public void Write(Stream output)
    {
        _composer.Document.Info.Title = $"{Title} {_document.Number}";
        _composer.Document.Info.Author = _document.Seller.Name;
        _composer.Document.Info.Subject = $"{Title} {_document.Number} – {_document.Buyer.Name}";
        _composer.ContinuationHeader = DrawContinuationHeader;

        _composer.NewPage();
        DrawFirstPageHeader();
        DrawLineTable();
        if (_document.Kind != DocumentKind.DeliveryNote)
        {
            DrawTotals();
        }

        DrawMentions();
        DrawNotes();
        DrawPaymentBlock();

        _composer.Finish(DrawFooter, output);
    }

    private void DrawFirstPageHeader()
    {
        var top = PdfComposer.Mm(12);
        if (Style.Elements.Logo && _document.Seller.Logo is { } logo)
        {
            DrawLogo(logo, top);
        }

        DrawSellerBlock(top);
        DrawAddressBlock();
        var metaBottom = DrawMetaBlock();
        _composer.Y = Math.Max(WindowTop + WindowHeight, metaBottom) + PdfComposer.Mm(6);
    }

    private void DrawLogo(ReadOnlyMemory<byte> logo, double top)
    {
        using var stream = new MemoryStream(logo.ToArray(), writable: false);
        using var image = XImage.FromStream(stream);
        var maxWidth = PdfComposer.Mm(60);
        var maxHeight = PdfComposer.Mm(24);
        var scale = Math.Min(maxWidth / image.PointWidth, maxHeight / image.PointHeight);
        var width = image.PointWidth * scale;
        var height = image.PointHeight * scale;
        var x = _windowLeft ? PdfComposer.Left : PdfComposer.Right - width;
        _composer.Graphics.DrawImage(image, x, top, width, height);
    }

    /// <summary>Seller identity with the company-law mentions: name, legal form, seat, VAT and enterprise number, register.</summary>
    private void DrawSellerBlock(double top)
    {
        var seller = _document.Seller;
        var lines = new List<(string Text, bool Bold)>
        {
            (Join(" ", seller.Name, seller.LegalForm), true),
            (Join(", ", seller.Address.Street, seller.Address.AdditionalStreet), false),
            (Join(" ", seller.Address.PostalCode, seller.Address.City, seller.Address.CountryCode == "BE" ? null : _labels.CountryName(seller.Address.CountryCode)), false),
        };
        if (seller.VatNumber is { } vat)
        {
            lines.Add(($"{_labels.VatNumber} {vat.ToPrinted()}", false));
        }

        var enterprise = seller.EnterpriseNumber is { } number ? $"{_labels.EnterpriseNumber} {number.ToPrinted()}" : null;
        var register = Join(" · ", enterprise, seller.RegisterMention);
        if (register.Length > 0)
        {
            lines.Add((register, false));
        }

        var contact = Join(" · ", seller.Email, seller.Phone is null ? null : $"{_labels.Phone} {seller.Phone}");
        if (contact.Length > 0)
        {
            lines.Add((contact, false));
        }

        if (!string.IsNullOrWhiteSpace(seller.Website))
        {
            lines.Add((seller.Website, false));
        }

        var y = top;
        foreach (var (text, bold) in lines.Where(line => line.Text.Length > 0))
        {
            var font = _composer.Font(bold ? 10.5 : 8, bold);
            var color = bold ? _theme.Primary : Text;
            if (_windowLeft)
            {
                _composer.TextRight(text, font, color, PdfComposer.Right, y);
            }
            else
            {
                _composer.Text(text, font, color, PdfComposer.Left, y);
            }

            y += PdfComposer.LineHeight(font);
        }
    }

    private void DrawAddressBlock()
    {
        var buyer = _document.Buyer;
        var x = _windowLeft ? PdfComposer.Left : PdfComposer.Right - WindowWidth;
        var inner = WindowWidth - PdfComposer.Mm(4);
        var y = WindowTop + PdfComposer.Mm(2);
        var lines = new List<(string Text, bool Bold)> { (buyer.Name, true) };
        lines.Add((buyer.Attention ?? string.Empty, false));
        lines.Add((buyer.Address.Street, false));
        lines.Add((buyer.Address.AdditionalStreet ?? string.Empty, false));
        lines.Add((Join(" ", buyer.Address.PostalCode, buyer.Address.City), false));
        if (buyer.Address.CountryCode != _document.Seller.Address.CountryCode)
        {
            lines.Add((_labels.CountryName(buyer.Address.CountryCode).ToUpper(CultureInfo.InvariantCulture), false));
        }

        foreach (var (text, bold) in lines.Where(line => line.Text.Length > 0))
        {
            var font = _composer.Font(bold ? 10 : 9.5, bold);
            foreach (var wrapped in _composer.Wrap(text, font, inner))
            {
                if (y + PdfComposer.LineHeight(font) > WindowTop + WindowHeight)
                {
                    return;
                }

                _composer.Text(wrapped, font, Text, x + PdfComposer.Mm(2), y);
                y += PdfComposer.LineHeight(font);
            }
        }
    }

    /// <summary>Title, number, dates and references beside the address window; returns its bottom.</summary>
    private double DrawMetaBlock()
    {
        var x = _windowLeft ? PdfComposer.Mm(118) : PdfComposer.Left;
        var width = _windowLeft ? PdfComposer.Right - x : PdfComposer.Mm(78);
        var titleFont = _composer.Font(_theme.TitleSize, bold: true);
        var y = WindowTop - PdfComposer.Mm(2);
        _composer.Text(Title.ToUpper(_document.Language.ToCulture()), titleFont, _theme.TitleColor, x, y);
        y += PdfComposer.LineHeight(titleFont) + PdfComposer.Mm(1);

        var rows = new List<(string Label, string Value)>
        {
            (_labels.Number, _document.Number),
            (_labels.Date, _format.Date(_document.IssueDate)),
        };
        if (_document.Kind == DocumentKind.Invoice && _document.DueDate is { } due)
        {
            rows.Add((_labels.DueDate, _format.Date(due)));
        }

        // The date of the chargeable event is a mandatory mention only when it differs from the issue date.
        if (_document.DeliveryDate is { } delivery && delivery != _document.IssueDate)
        {
            rows.Add((_labels.DeliveryDate, _format.Date(delivery)));
        }

        if (_document.Kind == DocumentKind.Quote && _document.ValidUntil is { } validUntil)
        {
            rows.Add((_labels.ValidUntil, _format.Date(validUntil)));
        }

        AddIfPresent(rows, _labels.BuyerReference, _document.BuyerReference);
        AddIfPresent(rows, _labels.OrderReference, _document.OrderReference);
        AddIfPresent(rows, _labels.CustomerVat, _document.Buyer.VatNumber?.ToPrinted());
        if (_document.Buyer.VatNumber is null)
        {
            AddIfPresent(rows, _labels.CustomerEnterprise, _document.Buyer.EnterpriseNumber?.ToPrinted());
        }

        var labelFont = _composer.Font(8.5);
        var valueFont = _composer.Font(8.5, bold: true);
        var labelWidth = PdfComposer.Mm(32);
        foreach (var (label, value) in rows)
        {
            _composer.Text(label, labelFont, Muted, x, y);
            foreach (var line in _composer.Wrap(value, valueFont, width - labelWidth))
            {
                _composer.Text(line, valueFont, Text, x + labelWidth, y);
                y += PdfComposer.LineHeight(valueFont);
            }
        }

        if (_document.Kind == DocumentKind.CreditNote && _document.PrecedingInvoice is { } preceding)
        {
            y += PdfComposer.Mm(1.5);
            var reference = string.Format(CultureInfo.InvariantCulture, _labels.CreditsInvoice, preceding.Number, _format.Date(preceding.IssueDate));
            foreach (var line in _composer.Wrap(reference, valueFont, width))
            {
                _composer.Text(line, valueFont, _theme.Primary, x, y);
                y += PdfComposer.LineHeight(valueFont);
            }
        }

        return y;
    }

    private void DrawContinuationHeader(PdfComposer composer)
    {
        var top = PdfComposer.Mm(13);
        var font = composer.Font(9, bold: true);
        composer.Text(_document.Seller.Name, font, _theme.Primary, PdfComposer.Left, top);
        composer.TextRight($"{Title} {_document.Number}", font, Text, PdfComposer.Right, top);
        composer.Rule(_theme.Primary, 0.6, PdfComposer.Left, top + PdfComposer.LineHeight(font) + PdfComposer.Mm(1), PdfComposer.Right);
        composer.Y = PdfComposer.ContinuationTop;
    }

    /// <summary>Footer of every page: bank and contact details, and "page x of y".</summary>
    private void DrawFooter(XGraphics graphics, int page, int pageCount)
    {
        var font = _composer.Font(7);
        var brush = new XSolidBrush(Muted);
        var top = PdfComposer.BodyBottom + PdfComposer.Mm(3);
        graphics.DrawLine(new XPen(XColor.FromArgb(0xCC, 0xCC, 0xCC), 0.5), PdfComposer.Left, top, PdfComposer.Right, top);

        if (Style.Elements.Footer)
        {
            var seller = _document.Seller;
            var identity = Join(" · ", Join(" ", seller.Name, seller.LegalForm), Join(", ", seller.Address.Street, Join(" ", seller.Address.PostalCode, seller.Address.City)), seller.RegisterMention);
            var bank = Join(
                " · ",
                seller.Iban is { } iban ? "IBAN " + DocumentFormatting.Iban(iban.Value) : null,
                seller.Bic is { } bic ? "BIC " + bic.Value : null,
                seller.Email,
                seller.Phone is null ? null : $"{_labels.Phone} {seller.Phone}",
                seller.Website);
            var y = top + PdfComposer.Mm(1.5);
            foreach (var line in new[] { identity, bank }.Where(line => line.Length > 0))
            {
                var width = graphics.MeasureString(line, font).Width;
                graphics.DrawString(line, font, brush, (PdfComposer.PageWidth - width) / 2, y, XStringFormats.TopLeft);
                y += PdfComposer.LineHeight(font);
            }
        }

        var pageText = string.Format(CultureInfo.InvariantCulture, _labels.PageOf, page, pageCount);
        var pageFont = _composer.Font(7.5);
        var pageWidth = graphics.MeasureString(pageText, pageFont).Width;
        graphics.DrawString(pageText, pageFont, brush, PdfComposer.Right - pageWidth, PdfComposer.PageHeight - PdfComposer.Mm(11), XStringFormats.TopLeft);
    }

    private static void AddIfPresent(List<(string Label, string Value)> rows, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            rows.Add((label, value));
        }
    }

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
}
