using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Organisations;

/// <summary>Turns a profile input into a valid <see cref="OrganisationProfile"/> or reports every violation.</summary>
public static class OrganisationProfileValidator
{
    /// <exception cref="Errors.ProblemException">The input breaks one or more rules.</exception>
    public static OrganisationProfile Validate(OrganisationProfileInput input)
    {
        var rules = new InputRules();
        var name = rules.Required(input.Name, "name", 100);
        var enterpriseNumber = rules.EnterpriseNumber(input.EnterpriseNumber, "enterpriseNumber");
        var vatNumber = rules.VatNumber(input.VatNumber, "vatNumber");
        if (enterpriseNumber is { } enterprise && vatNumber is { IsBelgian: true } vat && vat.NationalNumber != enterprise.Digits)
        {
            rules.Add("vat-number-enterprise-number-mismatch", "vatNumber", new Dictionary<string, object?>
            {
                ["value"] = vat.ToPrinted(),
                ["enterpriseNumber"] = enterprise.ToPrinted(),
            });
        }

        var profile = new OrganisationProfile
        {
            Name = name,
            LegalName = rules.Optional(input.LegalName, "legalName", 200),
            LegalForm = rules.Optional(input.LegalForm, "legalForm", 50),
            EnterpriseNumber = enterpriseNumber ?? vatNumber?.ToEnterpriseNumber(),
            VatNumber = vatNumber,
            RegisterOfLegalEntities = rules.Optional(input.RegisterOfLegalEntities, "registerOfLegalEntities", 100),
            Iban = rules.Iban(input.Iban, "iban"),
            Bic = rules.Bic(input.Bic, "bic"),
            Address = rules.Address(input.Address, "address", required: false),
            Email = rules.Email(input.Email, "email"),
            Phone = rules.Optional(input.Phone, "phone", 40),
            Website = rules.Optional(input.Website, "website", 200),
            Language = rules.Language(input.Language, "language", Domain.Language.Dutch),
            SmallEnterpriseScheme = input.SmallEnterpriseScheme ?? false,
        };

        rules.ThrowIfInvalid();
        return profile;
    }
}
