namespace Bilansoft.Domain.Sales;

/// <summary>A postal address as printed on a document (EN 16931 BG-8 buyer postal address).</summary>
/// <param name="Street">Street and number (BT-50).</param>
/// <param name="PostalCode">Post code (BT-53).</param>
/// <param name="City">City (BT-52).</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country code in upper case, <c>GR</c> for Greece (BT-55).</param>
public sealed record PostalAddress(string Street, string PostalCode, string City, string CountryCode)
{
    /// <summary>Additional address line, such as a building or box (BT-51); null when absent.</summary>
    public string? AdditionalStreet { get; init; }
}
