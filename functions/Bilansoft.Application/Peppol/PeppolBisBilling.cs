namespace Bilansoft.Application.Peppol;

/// <summary>
/// Document type and process identifiers of Peppol BIS Billing 3.0, in the schemes
/// <c>busdox-docid-qns</c> and <c>cenbii-procid-ubl</c>.
/// </summary>
public static class PeppolBisBilling
{
    /// <summary>A UBL 2.1 Invoice following EN 16931 and Peppol BIS Billing 3.0.</summary>
    public const string InvoiceDocumentTypeId =
        "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";

    /// <summary>A UBL 2.1 CreditNote following EN 16931 and Peppol BIS Billing 3.0.</summary>
    public const string CreditNoteDocumentTypeId =
        "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";

    /// <summary>The billing process (BT-23, business process type).</summary>
    public const string ProcessId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
}
