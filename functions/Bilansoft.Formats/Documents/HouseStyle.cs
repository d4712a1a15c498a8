namespace Bilansoft.Formats.Documents;

/// <summary>Visual template of the PDF; all three share one layout engine and differ in decoration.</summary>
public enum DocumentTemplate
{
    /// <summary>Sober: thin rules in the primary colour, grey table header.</summary>
    Business = 0,

    /// <summary>A vertical band in the primary colour along the left edge and a large accent title.</summary>
    Creative,

    /// <summary>A filled header band, a coloured table header and tinted alternate rows.</summary>
    Colourful,
}

/// <summary>Side of the window of the DL envelope the document is posted in.</summary>
public enum AddressWindow
{
    /// <summary>Window on the left; the address block starts 20 mm from the left edge.</summary>
    Left = 0,

    /// <summary>Window on the right; the address block ends 20 mm from the right edge.</summary>
    Right,
}

/// <summary>An sRGB colour.</summary>
public readonly record struct RgbColor(byte Red, byte Green, byte Blue)
{
    /// <summary>Parses <c>#RRGGBB</c> or <c>RRGGBB</c>.</summary>
    /// <exception cref="FormatException">The text is not six hexadecimal digits.</exception>
    public static RgbColor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var hex = text.Trim().TrimStart('#');
        if (hex.Length != 6 || !uint.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{text}' is not a colour of the form #RRGGBB.");
        }

        return new RgbColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>Returns <c>#RRGGBB</c>.</summary>
    public override string ToString() => $"#{Red:X2}{Green:X2}{Blue:X2}";
}

/// <summary>Which optional blocks the PDF shows.</summary>
public sealed record DocumentElements
{
    /// <summary>The organisation's logo.</summary>
    public bool Logo { get; init; } = true;

    /// <summary>The EPC payment QR code in the payment block.</summary>
    public bool PaymentQrCode { get; init; } = true;

    /// <summary>The notes of the document.</summary>
    public bool Notes { get; init; } = true;

    /// <summary>The payment block: amount due, account, structured communication and due date.</summary>
    public bool PaymentBlock { get; init; } = true;

    /// <summary>The seller's identity and bank details in the footer of every page.</summary>
    public bool Footer { get; init; } = true;
}

/// <summary>An organisation's house style for PDF documents.</summary>
public sealed record HouseStyle
{
    /// <summary>The business template with the left window and blue-grey colours.</summary>
    public static HouseStyle Default { get; } = new();

    /// <summary>Template.</summary>
    public DocumentTemplate Template { get; init; } = DocumentTemplate.Business;

    /// <summary>Envelope window side that decides where the buyer's address block goes.</summary>
    public AddressWindow AddressWindow { get; init; } = AddressWindow.Left;

    /// <summary>Primary colour: title, rules and bands.</summary>
    public RgbColor PrimaryColor { get; init; } = new(0x1F, 0x3A, 0x5F);

    /// <summary>Accent colour: highlights such as the amount due and the colourful table header.</summary>
    public RgbColor AccentColor { get; init; } = new(0xD9, 0x6C, 0x1E);

    /// <summary>Optional blocks to show.</summary>
    public DocumentElements Elements { get; init; } = new();

    /// <summary>
    /// Uploaded letterhead: a PDF whose first page is drawn as the background of every page. Its
    /// page should be A4; other sizes are scaled to A4.
    /// </summary>
    public ReadOnlyMemory<byte>? Letterhead { get; init; }
}
