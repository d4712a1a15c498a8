using System.Globalization;
using Bilansoft.Formats.Documents.Payments;
using PdfSharp.Drawing;

namespace Bilansoft.Formats.Documents.Pdf;

internal sealed partial class DocumentPdfWriter
{
    private static readonly double CellPadding = PdfComposer.Mm(1.2);

    private sealed record Column(string Header, double Width, bool AlignRight, Func<DocumentLine, string> Value);

    private List<Column>? _columns;

    private List<Column> Columns => _columns ??= BuildColumns();

    private XFont TableFont => _composer.Font(8.5);

    private XFont TableHeaderFont => _composer.Font(8, bold: true);

    /// <summary>
    /// Columns of the line table. Delivery notes print no prices; the discount column appears only
    /// when a line has a discount. The description takes the remaining width.
    /// </summary>
    private List<Column> BuildColumns()
    {
        var columns = new List<Column>
        {
            new(_labels.Position, PdfComposer.Mm(11), true, line => line.Position.ToString(CultureInfo.InvariantCulture)),
            new(_labels.Description, 0, false, line => line.Description),
            new(_labels.Quantity, PdfComposer.Mm(15), true, line => _format.Quantity(line.Quantity)),
            new(_labels.Unit, PdfComposer.Mm(14), false, line => _labels.UnitName(line.UnitCode)),
        };
        if (_document.Kind != DocumentKind.DeliveryNote)
        {
            columns.Add(new(_labels.UnitPrice, PdfComposer.Mm(24), true, line => _format.UnitPrice(line.UnitPrice, _document.CurrencyCode)));
            if (_document.Lines.Any(line => line.DiscountPercent != 0))
            {
                columns.Add(new(_labels.Discount, PdfComposer.Mm(14), true, line => line.DiscountPercent == 0 ? string.Empty : _format.Percent(line.DiscountPercent)));
            }

            columns.Add(new(_labels.Vat, PdfComposer.Mm(12), true, LineVatText));
            columns.Add(new(_labels.Amount, PdfComposer.Mm(24), true, line => _format.Money(line.NetAmount, _document.CurrencyCode)));
        }

        var fixedWidth = columns.Sum(column => column.Width);
        columns[1] = columns[1] with { Width = (PdfComposer.Right - PdfComposer.Left) - fixedWidth };
        return columns;
    }

    private string LineVatText(DocumentLine line) => line.VatCategory switch
    {
        VatCategory.OutsideScope => "–",
        _ => _format.Percent(line.VatRate),
    };

    private double TableHeaderHeight => PdfComposer.LineHeight(TableHeaderFont) + (2 * CellPadding);

    private void DrawTableHeader()
    {
        var y = _composer.Y;
        var height = TableHeaderHeight;
        if (_theme.TableHeaderFill is { } fill)
        {
            _composer.Fill(fill, PdfComposer.Left, y, PdfComposer.Right - PdfComposer.Left, height);
        }

        var x = PdfComposer.Left;
        foreach (var column in Columns)
        {
            DrawCell(column.Header, TableHeaderFont, _theme.TableHeaderText, x, y + CellPadding, column);
            x += column.Width;
        }

        if (_theme.TableHeaderRule > 0)
        {
            _composer.Rule(_theme.TableHeaderText, _theme.TableHeaderRule, PdfComposer.Left, y + height, PdfComposer.Right);
        }

        _composer.Y = y + height;
    }

    /// <summary>
    /// Draws the lines and repeats the header on every page. A row that does not fit moves whole to
    /// the next page. Only a row taller than a full page is split, between lines of its description.
    /// </summary>
    private void DrawLineTable()
    {
        _composer.BreakIfNeeded(TableHeaderHeight + PdfComposer.Mm(8));
        DrawTableHeader();

        var lineHeight = PdfComposer.LineHeight(TableFont);
        var fullPage = PdfComposer.BodyBottom - PdfComposer.ContinuationTop - TableHeaderHeight;
        for (var index = 0; index < _document.Lines.Count; index++)
        {
            var line = _document.Lines[index];
            var cells = Columns.Select(column => _composer.Wrap(column.Value(line), TableFont, column.Width - (2 * CellPadding))).ToList();
            var lineCount = cells.Max(cell => cell.Count);
            var rowHeight = (lineCount * lineHeight) + (2 * CellPadding);

            if (!_composer.Fits(rowHeight) && rowHeight <= fullPage)
            {
                _composer.NewPage();
                DrawTableHeader();
            }

            var firstLine = 0;
            while (firstLine < lineCount)
            {
                var available = (int)Math.Floor((PdfComposer.BodyBottom - _composer.Y - (2 * CellPadding)) / lineHeight);
                if (available < 1)
                {
                    _composer.NewPage();
                    DrawTableHeader();
                    continue;
                }

                var count = Math.Min(available, lineCount - firstLine);
                DrawRow(index, cells, firstLine, count, lineHeight);
                firstLine += count;
            }
        }

        _composer.Y += PdfComposer.Mm(4);
    }

    private void DrawRow(int index, List<List<string>> cells, int firstLine, int count, double lineHeight)
    {
        var top = _composer.Y;
        var height = (count * lineHeight) + (2 * CellPadding);
        if (_theme.AlternateRowFill is { } fill && index % 2 == 1)
        {
            _composer.Fill(fill, PdfComposer.Left, top, PdfComposer.Right - PdfComposer.Left, height);
        }

        var x = PdfComposer.Left;
        for (var column = 0; column < Columns.Count; column++)
        {
            var y = top + CellPadding;
            foreach (var text in cells[column].Skip(firstLine).Take(count))
            {
                DrawCell(text, TableFont, Text, x, y, Columns[column]);
                y += lineHeight;
            }

            x += Columns[column].Width;
        }

        if (_theme.RowRule is { } rule)
        {
            _composer.Rule(rule, 0.4, PdfComposer.Left, top + height, PdfComposer.Right);
        }

        _composer.Y = top + height;
    }

    private void DrawCell(string text, XFont font, XColor color, double x, double y, Column column)
    {
        if (column.AlignRight)
        {
            _composer.TextRight(text, font, color, x + column.Width - CellPadding, y);
        }
        else
        {
            _composer.Text(text, font, color, x + CellPadding, y);
        }
    }

    /// <summary>VAT breakdown per category and rate on the left, document totals on the right, kept on one page.</summary>
    private void DrawTotals()
    {
        var font = _composer.Font(8.5);
        var bold = _composer.Font(8.5, bold: true);
        var lineHeight = PdfComposer.LineHeight(font) + PdfComposer.Mm(1);

        var rateWidth = PdfComposer.Mm(44);
        var amountWidth = PdfComposer.Mm(22);
        var breakdownRows = _document.VatBreakdown
            .Select(entry => (Label: _composer.Wrap(BreakdownLabel(entry), font, rateWidth - CellPadding), Entry: entry))
            .ToList();
        var breakdownHeight = (2 * lineHeight) + breakdownRows.Sum(row => row.Label.Count * lineHeight);

        var totals = new List<(string Label, string Value, bool Emphasis)>
        {
            (_labels.TotalExclusive, _format.Money(_document.Totals.TaxExclusive, _document.CurrencyCode), false),
            (_labels.TotalVat, _format.Money(_document.Totals.TaxTotal, _document.CurrencyCode), false),
            (_labels.TotalInclusive, _format.Money(_document.Totals.TaxInclusive, _document.CurrencyCode), false),
        };
        if (_document.Totals.Prepaid != 0)
        {
            totals.Add((_labels.Prepaid, _format.Money(_document.Totals.Prepaid, _document.CurrencyCode), false));
        }

        var lastLabel = _document.Kind switch
        {
            DocumentKind.CreditNote => _labels.CreditNoteTotal,
            DocumentKind.Quote => _labels.TotalInclusive,
            _ => _labels.Payable,
        };
        if (_document.Kind != DocumentKind.Quote || _document.Totals.Prepaid != 0)
        {
            totals.Add((lastLabel, _format.Money(_document.Totals.Payable, _document.CurrencyCode), true));
        }

        var totalsHeight = (totals.Count * lineHeight) + PdfComposer.Mm(2);
        _composer.BreakIfNeeded(Math.Max(breakdownHeight, totalsHeight) + PdfComposer.Mm(2));
        var top = _composer.Y;

        var y = top;
        var x = PdfComposer.Left;
        _composer.Text(_labels.VatSummary, bold, _theme.Primary, x, y);
        y += lineHeight;

        // Column titles get their own row because some languages have long ones ("Bemessungsgrundlage").
        var columnFont = _composer.Font(7.5, bold: true);
        _composer.Text(_labels.Rate, columnFont, Muted, x, y);
        _composer.TextRight(_labels.TaxableAmount, columnFont, Muted, x + rateWidth + amountWidth, y);
        _composer.TextRight(_labels.Vat, columnFont, Muted, x + rateWidth + (2 * amountWidth), y);
        y += lineHeight;
        _composer.Rule(XColor.FromArgb(0xCC, 0xCC, 0xCC), 0.5, x, y - PdfComposer.Mm(0.8), x + rateWidth + (2 * amountWidth));
        foreach (var (label, entry) in breakdownRows)
        {
            _composer.TextRight(_format.Money(entry.TaxableAmount, _document.CurrencyCode), font, Text, x + rateWidth + amountWidth, y);
            _composer.TextRight(_format.Money(entry.TaxAmount, _document.CurrencyCode), font, Text, x + rateWidth + (2 * amountWidth), y);
            foreach (var part in label)
            {
                _composer.Text(part, font, Text, x, y);
                y += lineHeight;
            }
        }

        var boxLeft = PdfComposer.Right - PdfComposer.Mm(72);
        var totalsY = top;
        foreach (var (label, value, emphasis) in totals)
        {
            var rowFont = emphasis ? _composer.Font(10, bold: true) : font;
            var color = Text;
            if (emphasis)
            {
                totalsY += PdfComposer.Mm(1);
                if (_theme.PayableFill is { } fill)
                {
                    _composer.Fill(fill, boxLeft - PdfComposer.Mm(1.5), totalsY - PdfComposer.Mm(1), PdfComposer.Right - boxLeft + PdfComposer.Mm(3), PdfComposer.LineHeight(rowFont) + PdfComposer.Mm(1.5));
                    color = XColors.White;
                }
                else
                {
                    _composer.Rule(_theme.Accent, 1, boxLeft, totalsY - PdfComposer.Mm(1), PdfComposer.Right);
                    color = _theme.Accent;
                }
            }

            _composer.Text(label, rowFont, color, boxLeft, totalsY);
            _composer.TextRight(value, rowFont, color, PdfComposer.Right, totalsY);
            totalsY += emphasis ? PdfComposer.LineHeight(rowFont) : lineHeight;
        }

        _composer.Y = Math.Max(y, totalsY) + PdfComposer.Mm(5);
    }

    private string BreakdownLabel(VatBreakdown entry) => entry.Category switch
    {
        VatCategory.StandardRated or VatCategory.ZeroRated => _format.Percent(entry.Rate),
        VatCategory.ReverseCharge => _labels.ReverseCharge,
        VatCategory.IntraCommunitySupply => _labels.IntraCommunity,
        VatCategory.Export => _labels.Export,
        VatCategory.OutsideScope => _labels.OutsideScope,
        _ => _labels.Exempt,
    };

    /// <summary>Legal mentions: one per VAT category used, the credit-note VAT mention, then the document's own.</summary>
    private void DrawMentions()
    {
        var mentions = _document.VatBreakdown
            .Select(entry => entry.LegalMention)
            .Where(mention => !string.IsNullOrWhiteSpace(mention))
            .Select(mention => mention!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (_document.Kind == DocumentKind.CreditNote && _document.Totals.TaxTotal != 0)
        {
            mentions.Add(_labels.CreditNoteVatMention);
        }

        mentions.AddRange(_document.LegalMentions.Where(mention => !string.IsNullOrWhiteSpace(mention)));
        DrawParagraphs(null, mentions, _composer.Font(8));
    }

    private void DrawNotes()
    {
        if (Style.Elements.Notes)
        {
            DrawParagraphs(_labels.Notes, _document.Notes.Where(note => !string.IsNullOrWhiteSpace(note)).ToList(), _composer.Font(8.5));
        }
    }

    /// <summary>Draws paragraphs under an optional heading, breaking pages between lines when needed.</summary>
    private void DrawParagraphs(string? heading, List<string> paragraphs, XFont font)
    {
        if (paragraphs.Count == 0)
        {
            return;
        }

        var width = PdfComposer.Right - PdfComposer.Left;
        var lineHeight = PdfComposer.LineHeight(font);
        var lines = paragraphs.Select(paragraph => _composer.Wrap(paragraph, font, width)).ToList();
        var headingFont = _composer.Font(9, bold: true);
        var headingHeight = heading is null ? 0 : PdfComposer.LineHeight(headingFont) + PdfComposer.Mm(1);

        // Keep the heading with at least the first paragraph line.
        _composer.BreakIfNeeded(headingHeight + lineHeight);
        if (heading is not null)
        {
            _composer.Text(heading, headingFont, _theme.Primary, PdfComposer.Left, _composer.Y);
            _composer.Y += headingHeight;
        }

        foreach (var paragraph in lines)
        {
            foreach (var line in paragraph)
            {
                _composer.BreakIfNeeded(lineHeight);
                _composer.Text(line, font, Text, PdfComposer.Left, _composer.Y);
                _composer.Y += lineHeight;
            }

            _composer.Y += PdfComposer.Mm(1.5);
        }

        _composer.Y += PdfComposer.Mm(2);
    }

    /// <summary>
    /// Payment block of an invoice with an amount due: amount, account, structured communication in
    /// its printed form, due date, terms, and the EPC QR code drawn as vector squares.
    /// </summary>
    private void DrawPaymentBlock()
    {
        if (_document.Kind != DocumentKind.Invoice || _document.Payment is not { } payment || !Style.Elements.PaymentBlock || _document.Totals.Payable <= 0)
        {
            return;
        }

        var font = _composer.Font(9);
        var bold = _composer.Font(9, bold: true);
        var lineHeight = PdfComposer.LineHeight(font) + PdfComposer.Mm(0.6);
        var rows = new List<(string Label, string Value, bool Emphasis)>
        {
            (_labels.Payable, _format.Money(_document.Totals.Payable, _document.CurrencyCode), true),
            ("IBAN", DocumentFormatting.Iban(payment.Iban.Value), false),
        };
        if (payment.Bic is { } bic)
        {
            rows.Add(("BIC", bic.Value, false));
        }

        if (payment.StructuredCommunication is { } communication)
        {
            rows.Add((_labels.Communication, communication.ToPrinted(), true));
        }

        if (_document.DueDate is { } due)
        {
            rows.Add((_labels.DueDate, _format.Date(due), false));
        }

        var qrSize = PdfComposer.Mm(30);
        var textWidth = PdfComposer.Right - PdfComposer.Left - qrSize - PdfComposer.Mm(12);
        var terms = string.IsNullOrWhiteSpace(payment.PaymentTerms) ? [] : _composer.Wrap(payment.PaymentTerms, font, textWidth);
        var matrix = Style.Elements.PaymentQrCode ? CreatePaymentMatrix(payment) : null;

        var headingHeight = PdfComposer.LineHeight(bold) + PdfComposer.Mm(1.5);
        var textHeight = headingHeight + (rows.Count * lineHeight) + (terms.Count * lineHeight);
        var qrHeight = matrix is null ? 0 : qrSize + PdfComposer.Mm(5);
        var height = Math.Max(textHeight, qrHeight) + PdfComposer.Mm(6);
        _composer.BreakIfNeeded(height);

        var top = _composer.Y;
        _composer.Graphics.DrawRectangle(new XPen(_theme.Primary, 0.8), PdfComposer.Left, top, PdfComposer.Right - PdfComposer.Left, height);
        var x = PdfComposer.Left + PdfComposer.Mm(4);
        var y = top + PdfComposer.Mm(3);
        _composer.Text(_labels.PaymentDetails, bold, _theme.Primary, x, y);
        y += headingHeight;
        foreach (var (label, value, emphasis) in rows)
        {
            _composer.Text(label, font, Muted, x, y);
            _composer.Text(value, emphasis ? bold : font, Text, x + PdfComposer.Mm(30), y);
            y += lineHeight;
        }

        foreach (var line in terms)
        {
            _composer.Text(line, font, Text, x, y);
            y += lineHeight;
        }

        if (matrix is not null)
        {
            var qrLeft = PdfComposer.Right - PdfComposer.Mm(4) - qrSize;
            DrawQrCode(matrix, qrLeft, top + PdfComposer.Mm(2), qrSize);
            var caption = _composer.Font(7);
            var captionWidth = _composer.Measure(_labels.ScanToPay, caption);
            _composer.Text(_labels.ScanToPay, caption, Muted, qrLeft + ((qrSize - captionWidth) / 2), top + PdfComposer.Mm(2) + qrSize + PdfComposer.Mm(0.5));
        }

        _composer.Y = top + height + PdfComposer.Mm(4);
    }

    /// <summary>Builds the EPC QR code of the amount due; null when the payment cannot be encoded (for example a non-euro currency).</summary>
    private QrModuleMatrix? CreatePaymentMatrix(PaymentInstructions payment)
    {
        if (_document.CurrencyCode != "EUR")
        {
            return null;
        }

        // EPC069-12 limits the beneficiary name to 70 characters; the printed name stays complete.
        var name = _document.Seller.Name.Trim();
        var request = new EpcPaymentRequest(name.Length > EpcQrPayload.MaxBeneficiaryNameLength ? name[..EpcQrPayload.MaxBeneficiaryNameLength] : name, payment.Iban)
        {
            Bic = payment.Bic,
            Amount = _document.Totals.Payable,
            StructuredCommunication = payment.StructuredCommunication,
            RemittanceText = payment.StructuredCommunication is null ? _document.Number : null,
        };
        var payload = EpcQrPayload.Build(request);
        return payload.Payload is null ? null : EpcQrCode.CreateMatrix(payload.Payload);
    }

    /// <summary>Draws the symbol on a white quiet zone, merging each horizontal run of dark modules into one rectangle.</summary>
    private void DrawQrCode(QrModuleMatrix matrix, double left, double top, double size)
    {
        var modules = matrix.Size + (2 * QrModuleMatrix.QuietZone);
        var module = size / modules;
        _composer.Fill(XColors.White, left, top, size, size);
        var brush = new XSolidBrush(XColors.Black);
        var originX = left + (QrModuleMatrix.QuietZone * module);
        var originY = top + (QrModuleMatrix.QuietZone * module);
        for (var row = 0; row < matrix.Size; row++)
        {
            var column = 0;
            while (column < matrix.Size)
            {
                if (!matrix.IsDark(row, column))
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < matrix.Size && matrix.IsDark(row, column))
                {
                    column++;
                }

                _composer.Graphics.DrawRectangle(brush, originX + (start * module), originY + (row * module), (column - start) * module, module);
            }
        }
    }
}
