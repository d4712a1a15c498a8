using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Documents;

/// <summary>A postal address as printed and as written in UBL (BG-5, BG-8, BG-15).</summary>
/// <param name="Street">Street and number, with box if any (BT-35).</param>
/// <param name="PostalCode">Postal code (BT-38).</param>
/// <param name="City">City (BT-37).</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 country code (BT-40), upper case.</param>
public sealed record PostalAddress(string Street, string PostalCode, string City, string CountryCode)
{
    /// <summary>Second address line (BT-36), such as a building or a post box.</summary>
    public string? AdditionalStreet { get; init; }
}

/// <summary>The organisation that issues the document (BG-4).</summary>
/// <param name="Name">Registered name (BT-27).</param>
/// <param name="Address">Address of the registered seat (BG-5).</param>
public sealed record SellerParty(string Name, PostalAddress Address)
{
    /// <summary>Legal form abbreviation in the document language, for example <c>BV</c> or <c>SRL</c>.</summary>
    public string? LegalForm { get; init; }

    /// <summary>Belgian enterprise number (BT-30), written with scheme 0208 in UBL.</summary>
    public EnterpriseNumber? EnterpriseNumber { get; init; }

    /// <summary>VAT identifier (BT-31); null for a seller who is not VAT-registered.</summary>
    public VatNumber? VatNumber { get; init; }

    /// <summary>Register of legal entities and court of the seat, for example <c>RPR Gent</c>.</summary>
    public string? RegisterMention { get; init; }

    /// <summary>E-mail address for invoicing questions.</summary>
    public string? Email { get; init; }

    /// <summary>Telephone number as the seller writes it.</summary>
    public string? Phone { get; init; }

    /// <summary>Website address.</summary>
    public string? Website { get; init; }

    /// <summary>Account printed in the footer; the payment block uses <see cref="PaymentInstructions.Iban"/>.</summary>
    public Iban? Iban { get; init; }

    /// <summary>BIC of the account printed in the footer.</summary>
    public Bic? Bic { get; init; }

    /// <summary>Logo as PNG or JPEG bytes.</summary>
    public ReadOnlyMemory<byte>? Logo { get; init; }
}

/// <summary>The customer the document is addressed to (BG-7).</summary>
/// <param name="Name">Name (BT-44).</param>
/// <param name="Address">Postal address (BG-8).</param>
public sealed record BuyerParty(string Name, PostalAddress Address)
{
    /// <summary>Attention line under the name, for example a contact person or department.</summary>
    public string? Attention { get; init; }

    /// <summary>VAT identifier (BT-48).</summary>
    public VatNumber? VatNumber { get; init; }

    /// <summary>Belgian enterprise number (BT-47), written with scheme 0208 in UBL.</summary>
    public EnterpriseNumber? EnterpriseNumber { get; init; }

    /// <summary>
    /// Peppol participant identifier used as the buyer's electronic address (BT-49). When null, UBL
    /// uses the enterprise number (scheme 0208) or else the Belgian VAT number (scheme 9925).
    /// </summary>
    public PeppolParticipantId? PeppolId { get; init; }

    /// <summary>Whether the buyer is a consumer rather than a business.</summary>
    public bool IsConsumer { get; init; }
}

/// <summary>
/// A Peppol participant identifier: an electronic address scheme (EAS) code and the identifier in
/// that scheme, written <c>0208:0123456749</c>.
/// </summary>
public readonly record struct PeppolParticipantId(string SchemeId, string Identifier)
{
    /// <summary>Parses <c>scheme:identifier</c>, optionally prefixed by <c>iso6523-actorid-upis::</c>.</summary>
    /// <exception cref="FormatException">The text has no scheme or no identifier.</exception>
    public static PeppolParticipantId Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);

        var value = text.Trim();
        const string SchemePrefix = "iso6523-actorid-upis::";
        if (value.StartsWith(SchemePrefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[SchemePrefix.Length..];
        }

        var separator = value.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == value.Length - 1)
        {
            throw new FormatException($"'{text}' is not a Peppol participant identifier of the form 'scheme:identifier'.");
        }

        return new PeppolParticipantId(value[..separator], value[(separator + 1)..]);
    }

    /// <summary>Returns <c>scheme:identifier</c>.</summary>
    public override string ToString() => $"{SchemeId}:{Identifier}";
}
