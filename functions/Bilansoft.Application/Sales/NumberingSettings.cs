using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// How the numbers of one document kind look (see <see cref="NumberingSeries"/>). Kinds that share
/// an <see cref="Index"/> share one counter and so one gap-free sequence.
/// </summary>
/// <param name="Index">Series index 0 to 9; it is part of an invoice's structured communication.</param>
/// <param name="Prefix">Text before the number, such as <c>CN-</c>.</param>
/// <param name="IncludeYear">Whether the four-digit year follows the prefix.</param>
/// <param name="YearSeparator">Text between the year and the sequence.</param>
/// <param name="PaddingWidth">Minimum digits of the sequence, 0 to 7.</param>
/// <param name="RestartsYearly">Whether the sequence restarts at 1 each calendar year.</param>
public sealed record SeriesSettings(int Index, string Prefix, bool IncludeYear, string YearSeparator, int PaddingWidth, bool RestartsYearly)
{
    /// <summary>The domain series, or its violations.</summary>
    public SalesResult<NumberingSeries> ToSeries() => NumberingSeries.Create(Index, Prefix, IncludeYear, YearSeparator, PaddingWidth, RestartsYearly);

    /// <summary>Whether two settings print numbers the same way, which sharing an index requires.</summary>
    public bool FormatsLike(SeriesSettings other) =>
        Prefix == other.Prefix && IncludeYear == other.IncludeYear && YearSeparator == other.YearSeparator
        && PaddingWidth == other.PaddingWidth && RestartsYearly == other.RestartsYearly;
}

/// <summary>The numbering series of an organisation's four document kinds.</summary>
public sealed record NumberingSettings(SeriesSettings Invoices, SeriesSettings CreditNotes, SeriesSettings Quotes, SeriesSettings DeliveryNotes)
{
    /// <summary>
    /// Series used until the organisation changes them: invoices <c>2026/0001</c> (index 0), credit
    /// notes <c>CN-2026/0001</c> (1), quotes <c>OF-2026/0001</c> (2) and delivery notes
    /// <c>LB-2026/0001</c> (3), each restarting yearly.
    /// </summary>
    public static NumberingSettings Default { get; } = new(
        new SeriesSettings(0, string.Empty, true, "/", 4, true),
        new SeriesSettings(1, "CN-", true, "/", 4, true),
        new SeriesSettings(2, "OF-", true, "/", 4, true),
        new SeriesSettings(3, "LB-", true, "/", 4, true));

    /// <summary>The series of documents of <paramref name="kind"/>.</summary>
    public SeriesSettings For(SalesDocumentKind kind) => kind switch
    {
        SalesDocumentKind.CreditNote => CreditNotes,
        SalesDocumentKind.Quote => Quotes,
        SalesDocumentKind.DeliveryNote => DeliveryNotes,
        _ => Invoices,
    };
}

/// <summary>One series as a client sends it; omitted fields keep their current value.</summary>
public sealed record SeriesSettingsInput
{
    public int? Index { get; init; }

    public string? Prefix { get; init; }

    public bool? IncludeYear { get; init; }

    public string? YearSeparator { get; init; }

    public int? PaddingWidth { get; init; }

    public bool? RestartsYearly { get; init; }

    /// <summary>
    /// Sequence of the next number in the current year, to continue the numbering of a previous tool;
    /// it may not repeat a number already given.
    /// </summary>
    public long? NextSequence { get; init; }
}

/// <summary>Numbering settings as a client sends them; omitted series keep their current settings.</summary>
public sealed record NumberingSettingsInput
{
    public SeriesSettingsInput? Invoices { get; init; }

    public SeriesSettingsInput? CreditNotes { get; init; }

    public SeriesSettingsInput? Quotes { get; init; }

    public SeriesSettingsInput? DeliveryNotes { get; init; }
}

/// <summary>A series with its counter and the number the next document would get today.</summary>
public sealed record SeriesState(SeriesSettings Settings, NumberingCounter? Counter, string? NextNumber);

/// <summary>The numbering settings with the state of each kind's series.</summary>
public sealed record NumberingOverview(SeriesState Invoices, SeriesState CreditNotes, SeriesState Quotes, SeriesState DeliveryNotes, string? ETag);
