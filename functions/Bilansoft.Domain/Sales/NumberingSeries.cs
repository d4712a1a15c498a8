using System.Globalization;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// A numbering series: how numbers of one set of documents look and when they restart. Belgian law
/// requires invoice numbers to follow each other without gaps within a series. An organisation may
/// keep several series, such as one for invoices and one for credit notes.
/// </summary>
/// <remarks>
/// The series only computes; the application stores the <see cref="NumberingCounter"/> and must
/// update it atomically with the issued document so that no number is given twice or skipped.
/// </remarks>
public sealed record NumberingSeries
{
    /// <summary>Widest zero padding of the sequence, enough for <see cref="StructuredCommunicationScheme.MaximumSequence"/>.</summary>
    public const int MaximumPaddingWidth = 7;

    private NumberingSeries(int index, string prefix, bool includeYear, string yearSeparator, int paddingWidth, bool restartsYearly)
    {
        Index = index;
        Prefix = prefix;
        IncludeYear = includeYear;
        YearSeparator = yearSeparator;
        PaddingWidth = paddingWidth;
        RestartsYearly = restartsYearly;
    }

    /// <summary>
    /// Index of the series within the organisation, 0 to 9; each series needs its own index because
    /// the structured communication contains it.
    /// </summary>
    public int Index { get; }

    /// <summary>Text printed before the number, such as <c>F-</c>; may be empty.</summary>
    public string Prefix { get; }

    /// <summary>Whether the four-digit year is printed after the prefix.</summary>
    public bool IncludeYear { get; }

    /// <summary>Text between the year and the sequence, such as <c>/</c>; unused without the year.</summary>
    public string YearSeparator { get; }

    /// <summary>Minimum number of digits of the sequence, padded with zeros on the left; 0 for none.</summary>
    public int PaddingWidth { get; }

    /// <summary>Whether the sequence starts again at 1 in a new calendar year.</summary>
    public bool RestartsYearly { get; }

    /// <summary>
    /// Creates a series, such as <c>Create(0)</c> for <c>2026/0007</c>,
    /// <c>Create(1, "F-", yearSeparator: "-", paddingWidth: 6)</c> for <c>F-2026-000007</c> or
    /// <c>Create(2, includeYear: false, paddingWidth: 0, restartsYearly: false)</c> for <c>7</c>.
    /// </summary>
    /// <returns>The series, or violations when the index is outside 0 to 9 or the padding outside 0 to 7.</returns>
    public static SalesResult<NumberingSeries> Create(
        int index,
        string prefix = "",
        bool includeYear = true,
        string yearSeparator = "/",
        int paddingWidth = 4,
        bool restartsYearly = true)
    {
        var violations = new List<RuleViolation>();
        if (index is < 0 or > StructuredCommunicationScheme.MaximumSeriesIndex)
        {
            violations.Add(Violation.Of(SalesRuleCodes.NumberingSeriesIndexOutOfRange, "index", ("value", index)));
        }

        if (paddingWidth is < 0 or > MaximumPaddingWidth)
        {
            violations.Add(Violation.Of(SalesRuleCodes.NumberingPaddingOutOfRange, "paddingWidth", ("value", paddingWidth)));
        }

        return violations.Count > 0
            ? SalesResult<NumberingSeries>.Invalid(violations)
            : new SalesResult<NumberingSeries>(new NumberingSeries(index, prefix ?? string.Empty, includeYear, yearSeparator ?? string.Empty, paddingWidth, restartsYearly));
    }

    /// <summary>Formats sequence <paramref name="sequence"/> of <paramref name="year"/> as this series prints it.</summary>
    public string Format(int year, long sequence)
    {
        var digits = sequence.ToString("D" + PaddingWidth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return IncludeYear
            ? string.Concat(Prefix, year.ToString("D4", CultureInfo.InvariantCulture), YearSeparator, digits)
            : Prefix + digits;
    }

    /// <summary>
    /// Computes the number for a document issued on <paramref name="issueDate"/> after
    /// <paramref name="counter"/> (null for the first number of the series), and the counter to
    /// store. The sequence restarts at 1 when the year changes and the series restarts yearly.
    /// </summary>
    /// <returns>
    /// The step, or a violation when the issue year is before the counter's year (numbers must
    /// follow the order of dates) or the sequence would pass 9,999,999.
    /// </returns>
    public SalesResult<NumberingStep> Next(NumberingCounter? counter, DateOnly issueDate)
    {
        var year = issueDate.Year;
        if (counter is not null && year < counter.Year)
        {
            return SalesResult<NumberingStep>.Invalid(Violation.Of(SalesRuleCodes.NumberingYearBeforeCounter, "issueDate",
                ("year", year),
                ("counterYear", counter.Year)));
        }

        var restart = counter is null || (RestartsYearly && year != counter.Year);
        var sequence = restart ? 1L : counter!.LastSequence + 1;
        if (sequence > StructuredCommunicationScheme.MaximumSequence)
        {
            return SalesResult<NumberingStep>.Invalid(Violation.Of(SalesRuleCodes.NumberingSequenceExhausted, "sequence",
                ("maximum", StructuredCommunicationScheme.MaximumSequence)));
        }

        var number = new DocumentNumber(Index, year, sequence, Format(year, sequence));
        return new SalesResult<NumberingStep>(new NumberingStep(number, new NumberingCounter(year, sequence)));
    }
}
