using Bilansoft.Formats.Documents;

namespace Bilansoft.Application.Documents;

/// <summary>
/// An organisation's house style for its PDF documents, as stored. Colours are kept as
/// <c>#RRGGBB</c> text; the letterhead itself is a blob and only its facts are kept here.
/// </summary>
public sealed record DocumentSettings
{
    /// <summary>The settings of an organisation that never changed them.</summary>
    public static DocumentSettings Default { get; } = new();

    public DocumentTemplate Template { get; init; } = HouseStyle.Default.Template;

    public string PrimaryColor { get; init; } = HouseStyle.Default.PrimaryColor.ToString();

    public string AccentColor { get; init; } = HouseStyle.Default.AccentColor.ToString();

    public AddressWindow AddressWindow { get; init; } = HouseStyle.Default.AddressWindow;

    public DocumentElements Elements { get; init; } = new();

    /// <summary>The uploaded letterhead, or null when pages have a plain background.</summary>
    public LetterheadInfo? Letterhead { get; init; }

    /// <summary>Builds the render model's house style, with the letterhead PDF when one is stored.</summary>
    public HouseStyle ToHouseStyle(ReadOnlyMemory<byte>? letterhead) => new()
    {
        Template = Template,
        AddressWindow = AddressWindow,
        PrimaryColor = RgbColor.Parse(PrimaryColor),
        AccentColor = RgbColor.Parse(AccentColor),
        Elements = Elements,
        Letterhead = Letterhead is null ? null : letterhead,
    };
}

/// <summary>Facts of the stored letterhead PDF.</summary>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Pages">Number of pages; only the first is drawn.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
public sealed record LetterheadInfo(long Bytes, int Pages, string Sha256, DateTimeOffset UploadedAt);

/// <summary>House style settings as a client sends them, before validation; absent values keep their defaults.</summary>
public sealed record DocumentSettingsInput
{
    /// <summary><c>business</c>, <c>creative</c> or <c>colourful</c>.</summary>
    public string? Template { get; init; }

    /// <summary><c>#RRGGBB</c>.</summary>
    public string? PrimaryColor { get; init; }

    /// <summary><c>#RRGGBB</c>.</summary>
    public string? AccentColor { get; init; }

    /// <summary><c>left</c> or <c>right</c>: the window side of the envelope.</summary>
    public string? AddressWindow { get; init; }

    public bool? ShowLogo { get; init; }

    public bool? ShowPaymentQrCode { get; init; }

    public bool? ShowNotes { get; init; }

    public bool? ShowPaymentBlock { get; init; }

    public bool? ShowFooter { get; init; }
}
