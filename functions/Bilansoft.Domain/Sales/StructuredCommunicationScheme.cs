using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// Derives the Belgian structured communication of an issued document from its number, so the same
/// document always gets the same communication and no two documents of an organisation share one.
/// </summary>
/// <remarks>
/// <para>
/// The 10-digit base is <c>YY S NNNNNNN</c>: the last two digits of the numbering year, the series
/// index (0 to 9) and the sequence number padded to 7 digits. Year 2026, series 1, sequence 7 gives
/// base <c>2610000007</c> and <c>+++261/0000/00755+++</c>. The check digits are added by
/// <see cref="StructuredCommunication.FromBase"/>.
/// </para>
/// <para>
/// Limits: at most 10 series per organisation, at most 9,999,999 numbers per series and year (or
/// over the whole life of a series that does not restart yearly), and bases repeat after 100 years
/// (2026 and 2126 collide). Communications are unique within one organisation only, so matching a
/// payment also needs the receiving account.
/// </para>
/// </remarks>
public static class StructuredCommunicationScheme
{
    /// <summary>Highest series index the base can hold.</summary>
    public const int MaximumSeriesIndex = 9;

    /// <summary>Highest sequence number the base can hold.</summary>
    public const long MaximumSequence = 9_999_999;

    /// <summary>Returns the structured communication of the document numbered <paramref name="number"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The series index is outside 0 to 9, the sequence outside 1 to 9,999,999, or the year negative.
    /// </exception>
    public static StructuredCommunication For(DocumentNumber number) =>
        StructuredCommunication.FromBase(BaseFor(number.Year, number.SeriesIndex, number.Sequence));

    /// <summary>Computes the 10-digit base <c>YY S NNNNNNN</c> described on the type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The series index is outside 0 to 9, the sequence outside 1 to 9,999,999, or the year negative.
    /// </exception>
    public static long BaseFor(int year, int seriesIndex, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(year);
        ArgumentOutOfRangeException.ThrowIfNegative(seriesIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seriesIndex, MaximumSeriesIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1L);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaximumSequence);

        return ((year % 100) * 100_000_000L) + (seriesIndex * 10_000_000L) + sequence;
    }
}
