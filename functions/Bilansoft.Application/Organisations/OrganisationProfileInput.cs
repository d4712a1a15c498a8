namespace Bilansoft.Application.Organisations;

/// <summary>An organisation profile as a client sends it, before validation.</summary>
public sealed record OrganisationProfileInput
{
    public string? Name { get; init; }

    public string? LegalName { get; init; }

    public string? LegalForm { get; init; }

    public string? EnterpriseNumber { get; init; }

    public string? VatNumber { get; init; }

    public string? RegisterOfLegalEntities { get; init; }

    public string? Iban { get; init; }

    public string? Bic { get; init; }

    public AddressInput? Address { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public string? Language { get; init; }

    public bool? SmallEnterpriseScheme { get; init; }
}

/// <summary>A postal address as a client sends it.</summary>
public sealed record AddressInput(string? Street, string? PostalCode, string? City, string? Country)
{
    public string? AdditionalStreet { get; init; }
}
