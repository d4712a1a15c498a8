using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Organisations;

/// <summary>
/// The identity of an organisation as it appears on its documents (the seller, EN 16931 BG-4), and
/// the default language for its users' messages. Enterprise number and VAT number are stored
/// compact and printed formatted.
/// </summary>
public sealed record OrganisationProfile
{
    /// <summary>Short name shown in the app.</summary>
    public required string Name { get; init; }

    /// <summary>Registered legal name (BT-27); the short name when absent.</summary>
    public string? LegalName { get; init; }

    /// <summary>Legal form, such as BV, NV, VZW or "eenmanszaak".</summary>
    public string? LegalForm { get; init; }

    public EnterpriseNumber? EnterpriseNumber { get; init; }

    public VatNumber? VatNumber { get; init; }

    /// <summary>Register of legal entities and court of the seat, for example "RPR Gent, afdeling Gent".</summary>
    public string? RegisterOfLegalEntities { get; init; }

    public Iban? Iban { get; init; }

    public Bic? Bic { get; init; }

    public PostalAddress? Address { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public Language Language { get; init; } = Language.Dutch;

    /// <summary>Whether the organisation uses the small-enterprise VAT exemption scheme (art. 56ter).</summary>
    public bool SmallEnterpriseScheme { get; init; }
}

/// <summary>An organisation with its profile, state and the content type of its logo, if any.</summary>
public sealed record Organisation(
    string Id,
    OrganisationProfile Profile,
    OrganisationStatus Status,
    DateTimeOffset CreatedAt,
    string? LogoContentType);

/// <summary>Whether an organisation is in use.</summary>
public enum OrganisationStatus
{
    Active,

    /// <summary>
    /// Closed by an owner: members lose access, but its documents stay stored for the legal
    /// retention period (ten years in Belgium).
    /// </summary>
    Closed,
}
