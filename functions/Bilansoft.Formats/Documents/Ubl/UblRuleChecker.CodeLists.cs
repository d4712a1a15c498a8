using System.Collections.Frozen;
using System.Xml.Linq;

namespace Bilansoft.Formats.Documents.Ubl;

public static partial class UblRuleChecker
{
    /// <summary>BR-CL rules and PEPPOL-EN16931-CL008.</summary>
    private static void CheckCodeLists(CheckContext context)
    {
        var root = context.Root;
        var typeCode = Find(root, context.IsCreditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode");
        if (typeCode is not null)
        {
            var allowed = context.IsCreditNote ? UblCodeLists.CreditNoteTypeCodes : UblCodeLists.InvoiceTypeCodes;
            context.ReportUnless(allowed.Contains(Text(typeCode)), "BR-CL-01", typeCode);
        }

        foreach (var amount in root.Descendants().Where(element => element.Name.Namespace == Cbc && AmountNames.Contains(element.Name.LocalName)))
        {
            context.ReportUnless(UblCodeLists.Currencies.Contains(((string?)amount.Attribute("currencyID"))?.Trim() ?? string.Empty), "BR-CL-03", amount);
        }

        CheckValues(context, "BR-CL-04", root.Elements(Cbc + "DocumentCurrencyCode"), UblCodeLists.Currencies);
        CheckValues(context, "BR-CL-05", root.Elements(Cbc + "TaxCurrencyCode"), UblCodeLists.Currencies);
        CheckValues(context, "BR-CL-14", root.Descendants(Cac + "Country").Elements(Cbc + "IdentificationCode"), UblCodeLists.Countries);
        CheckValues(context, "BR-CL-16", root.Elements(Cac + "PaymentMeans").Elements(Cbc + "PaymentMeansCode"), UblCodeLists.PaymentMeans);
        CheckValues(context, "BR-CL-17", root.Descendants(Cac + "TaxCategory").Elements(Cbc + "ID"), UblCodeLists.VatCategories);
        CheckValues(context, "BR-CL-18", root.Descendants(Cac + "ClassifiedTaxCategory").Elements(Cbc + "ID"), UblCodeLists.VatCategories);

        foreach (var reason in root.Descendants(Cbc + "TaxExemptionReasonCode"))
        {
            context.ReportUnless(UblCodeLists.ExemptionReasons.Contains(Text(reason).ToUpperInvariant()), "BR-CL-22", reason);
        }

        foreach (var identifier in root.Descendants(Cac + "PartyIdentification").Elements(Cbc + "ID").Where(element => element.Attribute("schemeID") is not null))
        {
            var scheme = ((string?)identifier.Attribute("schemeID"))!.Trim();
            var sepaAllowed = scheme == "SEPA" && identifier.Ancestors().Any(ancestor => ancestor.Name == Cac + "AccountingSupplierParty" || ancestor.Name == Cac + "PayeeParty");
            context.ReportUnless(UblCodeLists.IdentifierSchemes.Contains(scheme) || sepaAllowed, "BR-CL-10", identifier);
        }

        CheckAttributes(context, "BR-CL-11", root.Descendants(Cac + "PartyLegalEntity").Elements(Cbc + "CompanyID"), "schemeID", UblCodeLists.IdentifierSchemes);

        var quantities = root.Descendants().Where(element =>
            element.Name == Cbc + "InvoicedQuantity" || element.Name == Cbc + "CreditedQuantity" || element.Name == Cbc + "BaseQuantity");
        CheckAttributes(context, "BR-CL-23", quantities, "unitCode", UblCodeLists.UnitCodes);
        CheckAttributes(context, "BR-CL-24", root.Descendants(Cbc + "EmbeddedDocumentBinaryObject"), "mimeCode", UblCodeLists.MimeCodes);

        var endpoints = root.Descendants(Cbc + "EndpointID").ToList();
        CheckAttributes(context, "BR-CL-25", endpoints, "schemeID", UblCodeLists.EndpointSchemes);
        CheckAttributes(context, "PEPPOL-EN16931-CL008", endpoints, "schemeID", UblCodeLists.PeppolEndpointSchemes);
    }

    private static void CheckValues(CheckContext context, string ruleId, IEnumerable<XElement> elements, FrozenSet<string> codes)
    {
        foreach (var element in elements)
        {
            context.ReportUnless(codes.Contains(Text(element)), ruleId, element);
        }
    }

    /// <summary>Checks an attribute where present; a missing attribute is another rule's concern.</summary>
    private static void CheckAttributes(CheckContext context, string ruleId, IEnumerable<XElement> elements, string attribute, FrozenSet<string> codes)
    {
        foreach (var element in elements)
        {
            var value = (string?)element.Attribute(attribute);
            if (value is not null)
            {
                context.ReportUnless(codes.Contains(value.Trim()), ruleId, element);
            }
        }
    }
}
