using System.Net.Mail;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Platform;

/// <summary>
/// Checks of common input fields that collect <see cref="RuleViolation"/>s instead of stopping at
/// the first, so a client learns every problem of a request at once.
/// </summary>
public sealed class InputRules
{
    private readonly List<RuleViolation> _violations = [];

    public IReadOnlyList<RuleViolation> Violations => _violations;

    public bool IsValid => _violations.Count == 0;

    public void Add(string code, string path, IReadOnlyDictionary<string, object?>? arguments = null) =>
        _violations.Add(new RuleViolation(code, path, arguments ?? new Dictionary<string, object?>()));

    /// <summary>Returns the trimmed text, recording <c>required</c> when it is empty and <c>too-long</c> above <paramref name="maxLength"/>.</summary>
    public string Required(string? value, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add("required", path);
            return string.Empty;
        }

        return MaxLength(value.Trim(), path, maxLength)!;
    }

    /// <summary>Returns the trimmed text or null when empty, recording <c>too-long</c> above <paramref name="maxLength"/>.</summary>
    public string? Optional(string? value, string path, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : MaxLength(value.Trim(), path, maxLength);

    public string? MaxLength(string? value, string path, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add("too-long", path, new Dictionary<string, object?> { ["length"] = value.Length, ["max"] = maxLength });
        }

        return value;
    }

    public EnterpriseNumber? EnterpriseNumber(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Domain.Identifiers.EnterpriseNumber.TryParse(value, out var number, out var error))
        {
            return number;
        }

        Add("invalid-enterprise-number", path, Reason(value, error));
        return null;
    }

    public VatNumber? VatNumber(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Domain.Identifiers.VatNumber.TryParse(value, out var number, out var error))
        {
            return number;
        }

        Add("invalid-vat-number", path, Reason(value, error));
        return null;
    }

    public Iban? Iban(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Domain.Identifiers.Iban.TryParse(value, out var iban, out var error))
        {
            return iban;
        }

        Add("invalid-iban", path, Reason(value, error));
        return null;
    }

    public Bic? Bic(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Domain.Identifiers.Bic.TryParse(value, out var bic, out var error))
        {
            return bic;
        }

        Add("invalid-bic", path, Reason(value, error));
        return null;
    }

    public string? Email(string? value, string path)
    {
        var email = Optional(value, path, 254);
        if (email is null)
        {
            return null;
        }

        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            Add("invalid-email", path, new Dictionary<string, object?> { ["value"] = email });
            return null;
        }

        return email;
    }

    /// <summary>Reads a language code (nl, fr, en, de); <paramref name="fallback"/> when empty.</summary>
    public Language Language(string? value, string path, Language fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (LanguageCodes.TryParse(value, out var language))
        {
            return language;
        }

        Add("invalid-language", path, new Dictionary<string, object?> { ["value"] = value });
        return fallback;
    }

    /// <summary>Reads a two-letter ISO 3166 country code in upper case.</summary>
    public string Country(string? value, string path)
    {
        var country = Required(value, path, int.MaxValue).ToUpperInvariant();
        if (country.Length > 0 && !CountryCodes.IsAssigned(country))
        {
            Add("invalid-country", path, new Dictionary<string, object?> { ["value"] = value });
        }

        return country;
    }

    public PostalAddress? Address(Organisations.AddressInput? input, string path, bool required)
    {
        if (input is null)
        {
            if (required)
            {
                Add("required", path);
            }

            return null;
        }

        var street = Required(input.Street, path + ".street", 200);
        var postalCode = Required(input.PostalCode, path + ".postalCode", 20);
        var city = Required(input.City, path + ".city", 100);
        var country = Country(input.Country, path + ".country");
        return new PostalAddress(street, postalCode, city, country)
        {
            AdditionalStreet = Optional(input.AdditionalStreet, path + ".additionalStreet", 200),
        };
    }

    /// <summary>Throws a validation problem with every recorded violation, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw Errors.ProblemException.Invalid(_violations);
        }
    }

    private static Dictionary<string, object?> Reason(string value, IdentifierError error) =>
        new() { ["value"] = value, ["reason"] = error };
}
