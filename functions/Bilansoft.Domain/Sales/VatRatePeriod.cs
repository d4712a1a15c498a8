namespace Bilansoft.Domain.Sales;

/// <summary>
/// A VAT rate and the dates between which it exists in law.
/// </summary>
/// <param name="Percent">The rate in percent, for example 21 for 21 %.</param>
/// <param name="ValidFrom">First day on which the rate applies, inclusive.</param>
/// <param name="ValidUntil">Last day on which the rate applies, inclusive; null while no end is known.</param>
public sealed record VatRatePeriod(decimal Percent, DateOnly ValidFrom, DateOnly? ValidUntil = null)
{
    /// <summary>Whether the rate applies on <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date >= ValidFrom && (ValidUntil is not { } until || date <= until);
}
