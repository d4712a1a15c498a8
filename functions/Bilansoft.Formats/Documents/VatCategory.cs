namespace Bilansoft.Formats.Documents;

/// <summary>
/// VAT category codes of UNCL 5305 as restricted by EN 16931, limited to the ones a Belgian seller
/// uses. The standard closes the list, hence an enum.
/// </summary>
public enum VatCategory
{
    /// <summary><c>S</c>: standard rated (21 %, 12 % or 6 % in Belgium).</summary>
    StandardRated = 0,

    /// <summary><c>Z</c>: zero rated goods.</summary>
    ZeroRated,

    /// <summary><c>E</c>: exempt from VAT, for example the small-enterprise scheme or art. 44 exemptions.</summary>
    Exempt,

    /// <summary><c>AE</c>: VAT reverse charge, domestic (co-contractor) or intra-EU services.</summary>
    ReverseCharge,

    /// <summary><c>K</c>: VAT exempt intra-Community supply of goods.</summary>
    IntraCommunitySupply,

    /// <summary><c>G</c>: free export item, VAT not charged (export outside the EU).</summary>
    Export,

    /// <summary><c>O</c>: services outside the scope of VAT.</summary>
    OutsideScope,
}

/// <summary>Conversions between <see cref="VatCategory"/> and its UNCL 5305 code.</summary>
public static class VatCategoryCodes
{
    /// <summary>Returns the UNCL 5305 code: <c>S</c>, <c>Z</c>, <c>E</c>, <c>AE</c>, <c>K</c>, <c>G</c> or <c>O</c>.</summary>
    public static string ToCode(this VatCategory category) => category switch
    {
        VatCategory.ZeroRated => "Z",
        VatCategory.Exempt => "E",
        VatCategory.ReverseCharge => "AE",
        VatCategory.IntraCommunitySupply => "K",
        VatCategory.Export => "G",
        VatCategory.OutsideScope => "O",
        _ => "S",
    };

    /// <summary>Reads a UNCL 5305 code; returns false for codes outside <see cref="VatCategory"/>.</summary>
    public static bool TryParse(string? code, out VatCategory category)
    {
        category = VatCategory.StandardRated;
        switch (code?.Trim())
        {
            case "S":
                return true;
            case "Z":
                category = VatCategory.ZeroRated;
                return true;
            case "E":
                category = VatCategory.Exempt;
                return true;
            case "AE":
                category = VatCategory.ReverseCharge;
                return true;
            case "K":
                category = VatCategory.IntraCommunitySupply;
                return true;
            case "G":
                category = VatCategory.Export;
                return true;
            case "O":
                category = VatCategory.OutsideScope;
                return true;
            default:
                return false;
        }
    }
}
