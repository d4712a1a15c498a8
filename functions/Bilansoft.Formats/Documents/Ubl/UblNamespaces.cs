namespace Bilansoft.Formats.Documents.Ubl;

/// <summary>Namespaces and fixed identifiers of UBL 2.1 as Peppol BIS Billing 3.0 uses them.</summary>
public static class UblNamespaces
{
    /// <summary>Root namespace of a UBL Invoice.</summary>
    public const string Invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    /// <summary>Root namespace of a UBL CreditNote.</summary>
    public const string CreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>Common aggregate components (<c>cac:</c>).</summary>
    public const string Aggregate = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>Common basic components (<c>cbc:</c>).</summary>
    public const string Basic = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>Specification identifier of Peppol BIS Billing 3.0 (BT-24).</summary>
    public const string PeppolCustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

    /// <summary>Business process of Peppol BIS Billing 3.0 (BT-23).</summary>
    public const string PeppolProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    /// <summary>Electronic address and party identifier scheme of the Belgian enterprise number (ISO 6523 ICD 0208).</summary>
    public const string BelgianEnterpriseScheme = "0208";

    /// <summary>Electronic address scheme of the Belgian VAT number.</summary>
    public const string BelgianVatScheme = "9925";
}
