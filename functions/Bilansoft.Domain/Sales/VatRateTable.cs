namespace Bilansoft.Domain.Sales;

/// <summary>
/// The VAT rates that exist on each date, as data. A line's rate (BT-152) must be in the table on
/// the date of the chargeable event. <see cref="Belgium"/> contains the Belgian rates, and the
/// application may load another table from configuration when the law changes.
/// </summary>
/// <remarks>
/// NOTE: The table says which rates exist, not which goods or services take which rate. Changes
/// such as accommodation moving from 6 to 12 % on 1 March 2026 keep the same set of rates and are
/// the seller's choice per line.
/// </remarks>
public sealed class VatRateTable
{
    private readonly VatRatePeriod[] _periods;

    /// <summary>Creates a table from periods; periods of the same rate may not overlap.</summary>
    /// <exception cref="ArgumentException">
    /// A rate is negative or above 100, a period ends before it starts, or two periods of the same
    /// rate overlap.
    /// </exception>
    public VatRateTable(IEnumerable<VatRatePeriod> periods)
    {
        _periods = [.. periods];

        foreach (var period in _periods)
        {
            if (period.Percent is < 0m or > 100m)
            {
                throw new ArgumentException($"VAT rate {period.Percent} % is outside 0 to 100 %.", nameof(periods));
            }

            if (period.ValidUntil is { } until && until < period.ValidFrom)
            {
                throw new ArgumentException($"The period of VAT rate {period.Percent} % ends on {until:yyyy-MM-dd} before it starts on {period.ValidFrom:yyyy-MM-dd}.", nameof(periods));
            }
        }

        foreach (var group in _periods.GroupBy(period => period.Percent))
        {
            var ordered = group.OrderBy(period => period.ValidFrom).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                if (ordered[i - 1].ValidUntil is not { } until || until >= ordered[i].ValidFrom)
                {
                    throw new ArgumentException($"Two periods of VAT rate {group.Key} % overlap from {ordered[i].ValidFrom:yyyy-MM-dd}.", nameof(periods));
                }
            }
        }
    }

    /// <summary>
    /// The Belgian rates: 21 % standard, 12 % intermediate, 6 % reduced and 0 %, without an end
    /// date.
    /// </summary>
    /// <remarks>
    /// NOTE: The table starts on 1 January 2000; the rates of earlier years are not recorded, so
    /// earlier dates have no valid rate.
    /// </remarks>
    public static VatRateTable Belgium { get; } = new(
    [
        new VatRatePeriod(21m, new DateOnly(2000, 1, 1)),
        new VatRatePeriod(12m, new DateOnly(2000, 1, 1)),
        new VatRatePeriod(6m, new DateOnly(2000, 1, 1)),
        new VatRatePeriod(0m, new DateOnly(2000, 1, 1)),
    ]);

    /// <summary>The periods of the table, in the order given.</summary>
    public IReadOnlyList<VatRatePeriod> Periods => _periods;

    /// <summary>Whether <paramref name="ratePercent"/> exists on <paramref name="date"/>.</summary>
    public bool IsValid(decimal ratePercent, DateOnly date)
    {
        foreach (var period in _periods)
        {
            if (period.Percent == ratePercent && period.Covers(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rates in percent that exist on <paramref name="date"/>, highest first.</summary>
    public IReadOnlyList<decimal> RatesOn(DateOnly date) =>
        [.. _periods.Where(period => period.Covers(date)).Select(period => period.Percent).Distinct().OrderDescending()];
}
