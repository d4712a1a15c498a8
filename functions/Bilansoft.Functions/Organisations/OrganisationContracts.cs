using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Functions.Organisations;

/// <summary>A postal address in requests and responses.</summary>
public sealed record AddressDto(string? Street, string? PostalCode, string? City, string? Country, string? AdditionalStreet = null)
{
    public static AddressDto? From(PostalAddress? address) =>
        address is null ? null : new AddressDto(address.Street, address.PostalCode, address.City, address.CountryCode, address.AdditionalStreet);

    public AddressInput ToInput() => new(Street, PostalCode, City, Country) { AdditionalStreet = AdditionalStreet };
}

/// <summary>Body of <c>POST /api/orgs</c> and <c>PUT /api/orgs/{orgId}</c>.</summary>
public sealed record OrganisationRequest(
    string? Name,
    string? LegalName,
    string? LegalForm,
    string? EnterpriseNumber,
    string? VatNumber,
    string? RegisterOfLegalEntities,
    string? Iban,
    string? Bic,
    AddressDto? Address,
    string? Email,
    string? Phone,
    string? Website,
    string? Language,
    bool? SmallEnterpriseScheme)
{
    public OrganisationProfileInput ToInput() => new()
    {
        Name = Name,
        LegalName = LegalName,
        LegalForm = LegalForm,
        EnterpriseNumber = EnterpriseNumber,
        VatNumber = VatNumber,
        RegisterOfLegalEntities = RegisterOfLegalEntities,
        Iban = Iban,
        Bic = Bic,
        Address = Address?.ToInput(),
        Email = Email,
        Phone = Phone,
        Website = Website,
        Language = Language,
        SmallEnterpriseScheme = SmallEnterpriseScheme,
    };
}

/// <summary>
/// An organisation as the API returns it. Identifiers are printed the Belgian way
/// (<c>0123.456.749</c>, <c>BE 0123.456.749</c>, IBAN in groups of four).
/// </summary>
public sealed record OrganisationResponse(
    string Id,
    string Name,
    string? LegalName,
    string? LegalForm,
    string? EnterpriseNumber,
    string? VatNumber,
    string? RegisterOfLegalEntities,
    string? Iban,
    string? Bic,
    AddressDto? Address,
    string? Email,
    string? Phone,
    string? Website,
    string Language,
    bool SmallEnterpriseScheme,
    string Status,
    bool HasLogo,
    DateTimeOffset CreatedAt,
    Role? Role)
{
    public static OrganisationResponse From(Organisation organisation, Role? role)
    {
        var profile = organisation.Profile;
        return new OrganisationResponse(
            organisation.Id,
            profile.Name,
            profile.LegalName,
            profile.LegalForm,
            profile.EnterpriseNumber?.ToPrinted(),
            profile.VatNumber?.ToPrinted(),
            profile.RegisterOfLegalEntities,
            profile.Iban?.ToPrinted(),
            profile.Bic?.Value,
            AddressDto.From(profile.Address),
            profile.Email,
            profile.Phone,
            profile.Website,
            profile.Language.ToCode(),
            profile.SmallEnterpriseScheme,
            organisation.Status == OrganisationStatus.Active ? "active" : "closed",
            organisation.LogoContentType is not null,
            organisation.CreatedAt,
            role);
    }
}

/// <summary>One entry of <c>GET /api/orgs</c>: an organisation and the caller's role there.</summary>
public sealed record MembershipResponse(string Id, string Name, Role Role);

/// <summary>A member as <c>GET /api/orgs/{orgId}/members</c> lists it.</summary>
public sealed record MemberResponse(string UserId, string? Name, string? Email, Role Role, DateTimeOffset JoinedAt);

/// <summary>Body of <c>PUT /api/orgs/{orgId}/members/{userId}</c>.</summary>
public sealed record ChangeRoleRequest(Role? Role);

/// <summary>Body of <c>POST /api/orgs/{orgId}/invitations</c>.</summary>
public sealed record InvitationRequest(string? Email, Role? Role);

/// <summary>An invitation as the API returns it; the token is only in the e-mail.</summary>
public sealed record InvitationResponse(string Id, string Email, Role Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationResponse From(Invitation invitation) => new(
        invitation.Id,
        invitation.Email,
        invitation.Role,
        invitation.Status.ToString().ToLowerInvariant(),
        invitation.CreatedAt,
        invitation.ExpiresAt);
}

/// <summary>Body of <c>POST /api/invitations/accept</c>.</summary>
public sealed record AcceptInvitationRequest(string? Token);

/// <summary><c>GET /api/me</c>: the caller's profile and memberships.</summary>
public sealed record MeResponse(string UserId, string? Name, string? Email, IReadOnlyList<MembershipResponse> Organisations);

/// <summary>A page of audit entries, newest first.</summary>
public sealed record AuditPageResponse(IReadOnlyList<AuditEntry> Items, string? NextCursor);
