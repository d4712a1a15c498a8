using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bilansoft.Formats.Documents.Ubl;

public static partial class UblRuleChecker
{
    private static readonly string[] AmountNames =
    [
        "Amount", "BaseAmount", "PriceAmount", "TaxAmount", "TaxableAmount", "LineExtensionAmount", "TaxExclusiveAmount",
        "TaxInclusiveAmount", "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount",
    ];

    private static readonly string[] DateNames = ["IssueDate", "DueDate", "TaxPointDate", "StartDate", "EndDate", "ActualDeliveryDate"];

    /// <summary>PEPPOL-EN16931 rules and PEPPOL-COMMON-R043.</summary>
    private static void CheckPeppolRules(CheckContext context)
    {
        var root = context.Root;
        var profile = Text(Find(root, "cbc:ProfileID"));
        context.ReportUnless(Find(root, "cbc:ProfileID") is not null, "PEPPOL-EN16931-R001", root);
        context.ReportUnless(ProfilePattern().IsMatch(profile), "PEPPOL-EN16931-R007", root);
        context.ReportUnless(root.Elements(Cbc + "Note").Count() <= 1, "PEPPOL-EN16931-R002", root);
        context.ReportUnless(Find(root, "cbc:BuyerReference") is not null || Find(root, "cac:OrderReference/cbc:ID") is not null, "PEPPOL-EN16931-R003", root);
        context.ReportUnless(Text(Find(root, "cbc:CustomizationID")).StartsWith(UblNamespaces.PeppolCustomizationId, StringComparison.Ordinal), "PEPPOL-EN16931-R004", root);
        if (context.Buyer is not null)
        {
            context.ReportUnless(Find(context.Buyer, "cbc:EndpointID") is not null, "PEPPOL-EN16931-R010", context.Buyer);
        }

        if (context.Seller is not null)
        {
            context.ReportUnless(Find(context.Seller, "cbc:EndpointID") is not null, "PEPPOL-EN16931-R020", context.Seller);
        }

        context.ReportUnless(root.Elements(Cac + "TaxTotal").Count(total => total.Elements(Cac + "TaxSubtotal").Any()) == 1, "PEPPOL-EN16931-R053", root);

        foreach (var empty in root.DescendantsAndSelf().Where(element => !element.HasElements && Text(element).Length == 0))
        {
            context.Report("PEPPOL-EN16931-R008", empty);
        }

        CheckPeppolProfileCodes(context, profile);
        CheckPeppolAmounts(context);
        CheckPeppolLines(context);
        CheckEnterpriseNumbers(context);
    }

    private static void CheckPeppolProfileCodes(CheckContext context, string profile)
    {
        var root = context.Root;
        if (profile == UblNamespaces.PeppolProfileId)
        {
            var invoiceType = Find(root, "cbc:InvoiceTypeCode");
            if (invoiceType is not null)
            {
                context.ReportUnless(UblCodeLists.PeppolInvoiceTypeCodes.Contains(Text(invoiceType)), "PEPPOL-EN16931-P0100", invoiceType);
            }

            var creditNoteType = Find(root, "cbc:CreditNoteTypeCode");
            if (creditNoteType is not null)
            {
                context.ReportUnless(UblCodeLists.PeppolCreditNoteTypeCodes.Contains(Text(creditNoteType)), "PEPPOL-EN16931-P0101", creditNoteType);
            }
        }

        foreach (var date in root.Descendants().Where(element => element.Name.Namespace == Cbc && DateNames.Contains(element.Name.LocalName)))
        {
            var text = date.Value;
            var valid = text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            context.ReportUnless(valid, "PEPPOL-EN16931-F001", date);
        }
    }

    /// <summary>PEPPOL-EN16931-R051 and R040 to R042: currencies and percentage-based allowances and charges.</summary>
    private static void CheckPeppolAmounts(CheckContext context)
    {
        var root = context.Root;
        foreach (var amount in root.Descendants().Where(element => element.Name.Namespace == Cbc && AmountNames.Contains(element.Name.LocalName)))
        {
            // The tax total in accounting currency (BT-111) sits in a tax total without subtotals, and
            // subtotal amounts are outside this rule.
            if (amount.Name.LocalName == "TaxAmount" && amount.Parent?.Name != Cac + "TaxTotal")
            {
                continue;
            }

            if (amount.Name.LocalName == "TaxAmount" && !amount.Parent!.Elements(Cac + "TaxSubtotal").Any())
            {
                continue;
            }

            context.ReportUnless((string?)amount.Attribute("currencyID") == context.CurrencyCode, "PEPPOL-EN16931-R051", amount);
        }

        var allowanceCharges = root.Elements(Cac + "AllowanceCharge")
            .Concat(context.Lines.SelectMany(line => line.Elements(Cac + "AllowanceCharge")));
        foreach (var allowanceCharge in allowanceCharges)
        {
            var percentage = Number(Find(allowanceCharge, "cbc:MultiplierFactorNumeric"));
            var baseAmount = Number(Find(allowanceCharge, "cbc:BaseAmount"));
            context.ReportUnless(percentage is null || baseAmount is not null, "PEPPOL-EN16931-R041", allowanceCharge);
            context.ReportUnless(baseAmount is null || percentage is not null, "PEPPOL-EN16931-R042", allowanceCharge);
            if (percentage is { } factor && baseAmount is { } amountBase)
            {
                var amount = Number(Find(allowanceCharge, "cbc:Amount")) ?? 0m;
                context.ReportUnless(Math.Abs(amount - (amountBase * factor / 100m)) <= 0.02m, "PEPPOL-EN16931-R040", allowanceCharge);
            }
        }
    }

    /// <summary>PEPPOL-EN16931-R120, R121 and R130 on every line.</summary>
    private static void CheckPeppolLines(CheckContext context)
    {
        var quantityName = context.IsCreditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
        foreach (var line in context.Lines)
        {
            var quantityElement = Find(line, quantityName);
            var quantity = quantityElement is null ? 1m : Number(quantityElement) ?? 0m;
            var price = Number(Find(line, "cac:Price/cbc:PriceAmount")) ?? 0m;
            var baseQuantityElement = Find(line, "cac:Price/cbc:BaseQuantity");
            var baseQuantity = Number(baseQuantityElement) is { } value && value != 0 ? value : 1m;
            var allowances = RoundCents(Sum(line.Elements(Cac + "AllowanceCharge").Where(element => !IsCharge(element)).Select(element => Find(element, "cbc:Amount"))));
            var charges = RoundCents(Sum(line.Elements(Cac + "AllowanceCharge").Where(IsCharge).Select(element => Find(element, "cbc:Amount"))));
            var lineAmount = Number(Find(line, "cbc:LineExtensionAmount")) ?? 0m;

            var expected = (quantity * (price / baseQuantity)) + charges - allowances;
            context.ReportUnless(Math.Abs(lineAmount - expected) <= 0.02m, "PEPPOL-EN16931-R120", line);

            if (baseQuantityElement is not null)
            {
                context.ReportUnless(Number(baseQuantityElement) > 0, "PEPPOL-EN16931-R121", baseQuantityElement);
                var baseUnit = (string?)baseQuantityElement.Attribute("unitCode");
                if (baseUnit is not null && quantityElement is not null)
                {
                    context.ReportUnless(baseUnit == (string?)quantityElement.Attribute("unitCode"), "PEPPOL-EN16931-R130", baseQuantityElement);
                }
            }
        }
    }

    /// <summary>
    /// PEPPOL-COMMON-R043: an identifier with scheme 0208 is a Belgian enterprise number, 10 digits
    /// whose last two equal 97 minus the first eight modulo 97.
    /// </summary>
    private static void CheckEnterpriseNumbers(CheckContext context)
    {
        var candidates = context.Root.Descendants().Where(element =>
            (string?)element.Attribute("schemeID") == UblNamespaces.BelgianEnterpriseScheme
            && (element.Name == Cbc + "EndpointID"
                || element.Name == Cbc + "CompanyID"
                || (element.Name == Cbc + "ID" && element.Parent?.Name == Cac + "PartyIdentification")));
        foreach (var identifier in candidates)
        {
            context.ReportUnless(IsEnterpriseNumber(Text(identifier)), "PEPPOL-COMMON-R043", identifier);
        }
    }

    internal static bool IsEnterpriseNumber(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var body = int.Parse(digits.AsSpan(0, 8), CultureInfo.InvariantCulture);
        var check = int.Parse(digits.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return 97 - (body % 97) == check;
    }

    [GeneratedRegex("^urn:fdc:peppol\\.eu:2017:poacc:billing:[0-9]{2}:1\\.0$")]
    private static partial Regex ProfilePattern();
}
