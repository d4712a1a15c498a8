namespace Bilansoft.Domain.Sales;

/// <summary>
/// The rounding and precision rules for euro amounts in sales documents. Every amount that is
/// printed or sent (line net amounts, VAT amounts, totals) passes through <see cref="ToCents"/>.
/// </summary>
public static class AmountRounding
{
    /// <summary>Number of decimals of a euro amount (EN 16931 BR-DEC rules allow at most 2).</summary>
    public const int AmountDecimals = 2;

    /// <summary>Number of decimals allowed in a unit price (BT-146 item net price).</summary>
    public const int UnitPriceDecimals = 4;

    /// <summary>
    /// Rounds an amount in euro to cents, half away from zero: 0.005 becomes 0.01 and −0.005
    /// becomes −0.01. This is the only rounding point for amounts in the sales model.
    /// </summary>
    public static decimal ToCents(decimal amount) =>
        Math.Round(amount, AmountDecimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether <paramref name="value"/> has no significant digit beyond <paramref name="decimals"/>
    /// decimals; trailing zeros do not count, so 1.5000 has one decimal.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is negative or above 28.</exception>
    public static bool HasAtMostDecimals(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);

        return Math.Round(value, decimals, MidpointRounding.ToZero) == value;
    }
}
