namespace Bilansoft.Domain.Sales;

/// <summary>
/// The number of an issued document (EN 16931 BT-1 invoice number) with the parts it was made
/// from, which also give its structured communication.
/// </summary>
/// <param name="SeriesIndex">Index of the numbering series within the organisation, 0 to 9.</param>
/// <param name="Year">Calendar year in which the number was given.</param>
/// <param name="Sequence">Sequence number within the series (and year, for a series that restarts yearly), from 1.</param>
/// <param name="Text">The number as printed, such as <c>2026/0007</c>.</param>
public sealed record DocumentNumber(int SeriesIndex, int Year, long Sequence, string Text)
{
    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}
