using PdfSharp.Drawing;

namespace Bilansoft.Formats.Documents.Pdf;

/// <summary>
/// The decoration of one template: what the shared layout engine paints around the same content.
/// Sizes are in points.
/// </summary>
internal sealed record TemplateTheme
{
    public required XColor Primary { get; init; }
    public required XColor Accent { get; init; }

    /// <summary>Colour of the document title.</summary>
    public required XColor TitleColor { get; init; }

    public required double TitleSize { get; init; }

    /// <summary>Filled band across the top of every page; zero for none.</summary>
    public double TopBandHeight { get; init; }

    /// <summary>Filled band along the left edge of every page; zero for none.</summary>
    public double SideBandWidth { get; init; }

    /// <summary>Background of the table header row; null for none.</summary>
    public XColor? TableHeaderFill { get; init; }

    public required XColor TableHeaderText { get; init; }

    /// <summary>Rule under the table header, in the header text colour; zero for none.</summary>
    public double TableHeaderRule { get; init; }

    /// <summary>Background of every second table row; null for none.</summary>
    public XColor? AlternateRowFill { get; init; }

    /// <summary>Thin rule between table rows; null for none.</summary>
    public XColor? RowRule { get; init; }

    /// <summary>Background of the amount-due row; null to print it in the accent colour instead.</summary>
    public XColor? PayableFill { get; init; }

    public static TemplateTheme For(HouseStyle style)
    {
        var primary = XColor.FromArgb(style.PrimaryColor.Red, style.PrimaryColor.Green, style.PrimaryColor.Blue);
        var accent = XColor.FromArgb(style.AccentColor.Red, style.AccentColor.Green, style.AccentColor.Blue);
        return style.Template switch
        {
            DocumentTemplate.Creative => new TemplateTheme
            {
                Primary = primary,
                Accent = accent,
                TitleColor = accent,
                TitleSize = 24,
                SideBandWidth = PdfComposer.Mm(9),
                TableHeaderText = accent,
                TableHeaderRule = 1.2,
                RowRule = XColor.FromArgb(0xE4, 0xE4, 0xE4),
            },
            DocumentTemplate.Colourful => new TemplateTheme
            {
                Primary = primary,
                Accent = accent,
                TitleColor = primary,
                TitleSize = 20,
                TopBandHeight = PdfComposer.Mm(8),
                TableHeaderFill = primary,
                TableHeaderText = XColors.White,
                AlternateRowFill = Tint(primary, 0.08),
                PayableFill = accent,
            },
            _ => new TemplateTheme
            {
                Primary = primary,
                Accent = accent,
                TitleColor = primary,
                TitleSize = 18,
                TableHeaderFill = XColor.FromArgb(0xEE, 0xF1, 0xF5),
                TableHeaderText = primary,
                TableHeaderRule = 0.8,
                RowRule = XColor.FromArgb(0xDD, 0xDD, 0xDD),
            },
        };
    }

    /// <summary>Mixes <paramref name="share"/> of the colour with white, for light backgrounds.</summary>
    private static XColor Tint(XColor color, double share) => XColor.FromArgb(
        (int)Math.Round(255 - ((255 - color.R) * share)),
        (int)Math.Round(255 - ((255 - color.G) * share)),
        (int)Math.Round(255 - ((255 - color.B) * share)));
}
