namespace Bilansoft.Application.Catalog;

/// <summary>Problem and violation codes of customers, products and text snippets.</summary>
public static class CatalogErrorCodes
{
    /// <summary>Problem: another product of the organisation has the code; argument <c>code</c>.</summary>
    public const string ProductCodeExists = "product-code-exists";

    /// <summary>Violation: a value is not one of the allowed choices; arguments <c>value</c> and <c>allowed</c>.</summary>
    public const string InvalidChoice = "invalid-choice";

    /// <summary>Violation: a number is outside its range; arguments <c>value</c>, <c>minimum</c> and <c>maximum</c>.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>Violation: a text in four languages has none filled in.</summary>
    public const string TextMissing = "text-missing";

    /// <summary>Violation: a Peppol participant id is invalid; arguments <c>value</c> and <c>reason</c>.</summary>
    public const string CustomerAddressMissing = "customer.address-missing";
    public const string InvalidPeppolId = "invalid-peppol-id";

    /// <summary>Violation: a unit is not shaped like a UN/ECE Recommendation 20 code; argument <c>value</c>.</summary>
    public const string InvalidUnitCode = "invalid-unit-code";

    /// <summary>Violation: a ledger account is not 3 to 10 digits; argument <c>value</c>.</summary>
    public const string InvalidLedgerAccount = "invalid-ledger-account";

    /// <summary>Violation: a product code has characters other than letters, digits and <c>- _ . /</c>; argument <c>value</c>.</summary>
    public const string InvalidProductCode = "invalid-product-code";

    /// <summary>Violation: a VAT category id is not known; arguments <c>value</c> and <c>allowed</c>.</summary>
    public const string VatCategoryUnknown = "vat.category-unknown";
}
