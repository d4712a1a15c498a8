using Bilansoft.Application.Identity;

namespace Bilansoft.Application.Organisations;

/// <summary>Builds audit entries.</summary>
public static class Audit
{
    /// <summary>Creates an entry of <paramref name="action"/> by <paramref name="actor"/> on one target.</summary>
    public static AuditEntry Entry(
        Caller actor,
        DateTimeOffset at,
        string action,
        string targetType,
        string targetId,
        IReadOnlyDictionary<string, string?>? details = null) =>
        new(Guid.CreateVersion7(at).ToString("N"), at, actor.UserId, actor.Name, action, targetType, targetId, details ?? new Dictionary<string, string?>());

    /// <summary>The fields of a profile that changed, as <c>field</c> → new value.</summary>
    public static IReadOnlyDictionary<string, string?> Changes(OrganisationProfile before, OrganisationProfile after)
    {
        var changes = new Dictionary<string, string?>();
        Compare(changes, "name", before.Name, after.Name);
        Compare(changes, "legalName", before.LegalName, after.LegalName);
        Compare(changes, "legalForm", before.LegalForm, after.LegalForm);
        Compare(changes, "enterpriseNumber", before.EnterpriseNumber?.Digits, after.EnterpriseNumber?.Digits);
        Compare(changes, "vatNumber", before.VatNumber?.Value, after.VatNumber?.Value);
        Compare(changes, "registerOfLegalEntities", before.RegisterOfLegalEntities, after.RegisterOfLegalEntities);
        Compare(changes, "iban", before.Iban?.Value, after.Iban?.Value);
        Compare(changes, "bic", before.Bic?.Value, after.Bic?.Value);
        Compare(changes, "address", before.Address?.ToString(), after.Address?.ToString());
        Compare(changes, "email", before.Email, after.Email);
        Compare(changes, "phone", before.Phone, after.Phone);
        Compare(changes, "website", before.Website, after.Website);
        Compare(changes, "language", before.Language.ToString(), after.Language.ToString());
        Compare(changes, "smallEnterpriseScheme", before.SmallEnterpriseScheme.ToString(), after.SmallEnterpriseScheme.ToString());
        return changes;
    }

    private static void Compare(Dictionary<string, string?> changes, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes[field] = after;
        }
    }
}
