using System.Collections.Frozen;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// The 27 member states of the European Union by ISO 3166-1 alpha-2 code, used to tell
/// intra-Community sales from exports.
/// </summary>
public static class EuMemberStates
{
    private static readonly FrozenSet<string> Codes = new[]
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="countryCode"/> is an EU member state. Greece is <c>GR</c> here (its
    /// VAT prefix <c>EL</c> is not a country code); Northern Ireland is part of <c>GB</c> and so
    /// not a member state.
    /// </summary>
    public static bool Contains(string? countryCode) => countryCode is not null && Codes.Contains(countryCode);
}
