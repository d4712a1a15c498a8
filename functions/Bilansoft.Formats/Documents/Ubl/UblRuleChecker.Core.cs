using System.Xml.Linq;

namespace Bilansoft.Formats.Documents.Ubl;

public static partial class UblRuleChecker
{
    /// <summary>BR-01 to BR-16, BR-CO-18, BR-CO-25, BR-CO-26, BR-49, BR-55, BR-61 to BR-63.</summary>
    private static void CheckMandatoryElements(CheckContext context)
    {
        var root = context.Root;
        context.ReportUnless(HasText(Find(root, "cbc:CustomizationID")), "BR-01", root);
        context.ReportUnless(HasText(Find(root, "cbc:ID")), "BR-02", root);
        context.ReportUnless(HasText(Find(root, "cbc:IssueDate")), "BR-03", root);
        context.ReportUnless(HasText(Find(root, context.IsCreditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode")), "BR-04", root);
        context.ReportUnless(context.CurrencyCode.Length > 0, "BR-05", root);
        context.ReportUnless(HasText(Find(context.Seller, "cac:PartyLegalEntity/cbc:RegistrationName")), "BR-06", context.Seller);
        context.ReportUnless(HasText(Find(context.Buyer, "cac:PartyLegalEntity/cbc:RegistrationName")), "BR-07", context.Buyer);

        var sellerAddress = Find(context.Seller, "cac:PostalAddress");
        context.ReportUnless(sellerAddress is not null, "BR-08", context.Seller);
        if (sellerAddress is not null)
        {
            context.ReportUnless(HasText(Find(sellerAddress, "cac:Country/cbc:IdentificationCode")), "BR-09", sellerAddress);
        }

        var buyerAddress = Find(context.Buyer, "cac:PostalAddress");
        context.ReportUnless(buyerAddress is not null, "BR-10", context.Buyer);
        if (buyerAddress is not null)
        {
            context.ReportUnless(HasText(Find(buyerAddress, "cac:Country/cbc:IdentificationCode")), "BR-11", buyerAddress);
        }

        var totals = Find(root, "cac:LegalMonetaryTotal");
        context.ReportUnless(Find(totals, "cbc:LineExtensionAmount") is not null, "BR-12", totals);
        context.ReportUnless(Find(totals, "cbc:TaxExclusiveAmount") is not null, "BR-13", totals);
        context.ReportUnless(Find(totals, "cbc:TaxInclusiveAmount") is not null, "BR-14", totals);
        context.ReportUnless(Find(totals, "cbc:PayableAmount") is not null, "BR-15", totals);
        context.ReportUnless(context.Lines.Count > 0, "BR-16", root);
        context.ReportUnless(context.Subtotals.Count > 0, "BR-CO-18", root);

        // BR-CO-25 applies to invoices only; a UBL 2.1 credit note has no header due date.
        var payable = Find(totals, "cbc:PayableAmount");
        if (!context.IsCreditNote && Number(payable) > 0)
        {
            var hasDueDate = root.Descendants(Cbc + "DueDate").Any();
            context.ReportUnless(hasDueDate || Find(root, "cac:PaymentTerms/cbc:Note") is not null, "BR-CO-25", payable);
        }

        var supplier = Find(root, "cac:AccountingSupplierParty");
        if (supplier is not null)
        {
            var hasVat = FindAll(context.Seller, "cac:PartyTaxScheme").Any(scheme => IsVat(scheme) && HasText(Find(scheme, "cbc:CompanyID")));
            var identified = hasVat || Find(context.Seller, "cac:PartyIdentification/cbc:ID") is not null || Find(context.Seller, "cac:PartyLegalEntity/cbc:CompanyID") is not null;
            context.ReportUnless(identified, "BR-CO-26", supplier);
        }

        foreach (var means in root.Elements(Cac + "PaymentMeans"))
        {
            var code = Find(means, "cbc:PaymentMeansCode");
            context.ReportUnless(code is not null, "BR-49", means);
            if (Text(code) is "30" or "58")
            {
                context.ReportUnless(HasText(Find(means, "cac:PayeeFinancialAccount/cbc:ID")), "BR-61", means);
            }
        }

        foreach (var reference in root.Elements(Cac + "BillingReference"))
        {
            context.ReportUnless(Find(reference, "cac:InvoiceDocumentReference/cbc:ID") is not null, "BR-55", reference);
        }

        var sellerEndpoint = Find(context.Seller, "cbc:EndpointID");
        if (sellerEndpoint is not null)
        {
            context.ReportUnless(sellerEndpoint.Attribute("schemeID") is not null, "BR-62", sellerEndpoint);
        }

        var buyerEndpoint = Find(context.Buyer, "cbc:EndpointID");
        if (buyerEndpoint is not null)
        {
            context.ReportUnless(buyerEndpoint.Attribute("schemeID") is not null, "BR-63", buyerEndpoint);
        }

        foreach (var scheme in root.Descendants(Cac + "PartyTaxScheme").Where(IsVat))
        {
            var companyId = Text(Find(scheme, "cbc:CompanyID"));
            var prefix = companyId.Length >= 2 ? companyId[..2] : companyId;
            context.ReportUnless(UblCodeLists.VatPrefixes.Contains(prefix), "BR-CO-09", scheme);
        }
    }

    /// <summary>BR-21 to BR-27, BR-41, BR-42 and BR-CO-04 on every line.</summary>
    private static void CheckLines(CheckContext context)
    {
        var quantityName = context.IsCreditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
        foreach (var line in context.Lines)
        {
            context.ReportUnless(HasText(Find(line, "cbc:ID")), "BR-21", line);
            var quantity = Find(line, quantityName);
            context.ReportUnless(quantity is not null, "BR-22", line);
            context.ReportUnless(quantity?.Attribute("unitCode") is not null, "BR-23", line);
            context.ReportUnless(Find(line, "cbc:LineExtensionAmount") is not null, "BR-24", line);
            context.ReportUnless(HasText(Find(line, "cac:Item/cbc:Name")), "BR-25", line);

            var price = Find(line, "cac:Price/cbc:PriceAmount");
            context.ReportUnless(price is not null, "BR-26", line);
            if (price is not null)
            {
                context.ReportUnless(Number(price) >= 0, "BR-27", price);
            }

            var category = FindAll(line, "cac:Item/cac:ClassifiedTaxCategory").FirstOrDefault(IsVat);
            context.ReportUnless(HasText(Find(category, "cbc:ID")), "BR-CO-04", line);

            foreach (var allowance in line.Elements(Cac + "AllowanceCharge").Where(element => !IsCharge(element)))
            {
                context.ReportUnless(Find(allowance, "cbc:Amount") is not null, "BR-41", allowance);
                var hasReason = Find(allowance, "cbc:AllowanceChargeReason") is not null || Find(allowance, "cbc:AllowanceChargeReasonCode") is not null;
                context.ReportUnless(hasReason, "BR-42", allowance);
            }
        }
    }

    /// <summary>BR-CO-10 to BR-CO-17: the sums of the document.</summary>
    private static void CheckTotals(CheckContext context)
    {
        var root = context.Root;
        var totals = Find(root, "cac:LegalMonetaryTotal");
        if (totals is not null)
        {
            var lineTotal = Number(Find(totals, "cbc:LineExtensionAmount"));
            var lineSum = RoundCents(Sum(context.Lines.Select(line => Find(line, "cbc:LineExtensionAmount"))));
            context.ReportUnless(lineTotal == lineSum, "BR-CO-10", Find(totals, "cbc:LineExtensionAmount") ?? totals);

            var allowanceTotal = Find(totals, "cbc:AllowanceTotalAmount");
            var allowanceSum = RoundCents(Sum(context.DocumentAllowances.Select(element => Find(element, "cbc:Amount"))));
            var allowancesConsistent = allowanceTotal is null ? context.DocumentAllowances.Count == 0 : Number(allowanceTotal) == allowanceSum;
            context.ReportUnless(allowancesConsistent, "BR-CO-11", allowanceTotal ?? totals);

            var chargeTotal = Find(totals, "cbc:ChargeTotalAmount");
            var chargeSum = RoundCents(Sum(context.DocumentCharges.Select(element => Find(element, "cbc:Amount"))));
            var chargesConsistent = chargeTotal is null ? context.DocumentCharges.Count == 0 : Number(chargeTotal) == chargeSum;
            context.ReportUnless(chargesConsistent, "BR-CO-12", chargeTotal ?? totals);

            var taxExclusive = Number(Find(totals, "cbc:TaxExclusiveAmount"));
            var expectedExclusive = RoundCents((lineTotal ?? 0m) - (Number(allowanceTotal) ?? 0m) + (Number(chargeTotal) ?? 0m));
            context.ReportUnless(taxExclusive == expectedExclusive, "BR-CO-13", Find(totals, "cbc:TaxExclusiveAmount") ?? totals);

            // BT-110 is the tax total in the invoice currency; a second tax total may hold the accounting currency.
            var taxTotal = root.Elements(Cac + "TaxTotal").Elements(Cbc + "TaxAmount")
                .Where(amount => (string?)amount.Attribute("currencyID") == context.CurrencyCode)
                .Sum(amount => Number(amount) ?? 0m);
            var taxInclusive = Number(Find(totals, "cbc:TaxInclusiveAmount"));
            context.ReportUnless(taxInclusive == RoundCents((taxExclusive ?? 0m) + taxTotal), "BR-CO-15", Find(totals, "cbc:TaxInclusiveAmount") ?? totals);

            var payable = Number(Find(totals, "cbc:PayableAmount"));
            var prepaid = Number(Find(totals, "cbc:PrepaidAmount")) ?? 0m;
            var rounding = Number(Find(totals, "cbc:PayableRoundingAmount")) ?? 0m;
            context.ReportUnless(payable == RoundCents((taxInclusive ?? 0m) - prepaid + rounding), "BR-CO-16", Find(totals, "cbc:PayableAmount") ?? totals);
        }

        foreach (var taxTotal in root.Elements(Cac + "TaxTotal").Where(element => element.Elements(Cac + "TaxSubtotal").Any()))
        {
            var subtotalSum = RoundCents(Sum(taxTotal.Elements(Cac + "TaxSubtotal").Select(subtotal => Find(subtotal, "cbc:TaxAmount"))));
            context.ReportUnless(Number(Find(taxTotal, "cbc:TaxAmount")) == subtotalSum, "BR-CO-14", Find(taxTotal, "cbc:TaxAmount") ?? taxTotal);
        }

        foreach (var subtotal in context.Subtotals)
        {
            context.ReportUnless(IsTaxAmountConsistent(subtotal), "BR-CO-17", subtotal);
        }
    }

    /// <summary>
    /// BR-CO-17: with a rate, the tax amount lies within one currency unit of taxable × rate / 100
    /// rounded to cents. With a zero or missing rate, the tax amount rounds to zero.
    /// </summary>
    private static bool IsTaxAmountConsistent(XElement subtotal)
    {
        var category = subtotal.Elements(Cac + "TaxCategory").FirstOrDefault(IsVat);
        var rate = Number(Find(category, "cbc:Percent"));
        var tax = Number(Find(subtotal, "cbc:TaxAmount")) ?? 0m;
        var taxable = Number(Find(subtotal, "cbc:TaxableAmount")) ?? 0m;
        if (rate is null || decimal.Floor(rate.Value + 0.5m) == 0)
        {
            return decimal.Floor(tax + 0.5m) == 0;
        }

        var expected = RoundCents(Math.Abs(taxable) * rate.Value / 100m);
        return Math.Abs(tax) - 1 < expected && Math.Abs(tax) + 1 > expected;
    }

    /// <summary>BR-DEC rules: amounts carry at most 2 decimals.</summary>
    private static void CheckDecimals(CheckContext context)
    {
        var root = context.Root;
        var totals = Find(root, "cac:LegalMonetaryTotal");
        CheckDecimals(context, "BR-DEC-09", Find(totals, "cbc:LineExtensionAmount"));
        CheckDecimals(context, "BR-DEC-12", Find(totals, "cbc:TaxExclusiveAmount"));
        CheckDecimals(context, "BR-DEC-14", Find(totals, "cbc:TaxInclusiveAmount"));
        CheckDecimals(context, "BR-DEC-16", Find(totals, "cbc:PrepaidAmount"));
        CheckDecimals(context, "BR-DEC-18", Find(totals, "cbc:PayableAmount"));
        foreach (var taxAmount in root.Elements(Cac + "TaxTotal").Elements(Cbc + "TaxAmount").Where(amount => (string?)amount.Attribute("currencyID") == context.CurrencyCode))
        {
            CheckDecimals(context, "BR-DEC-13", taxAmount);
        }

        foreach (var subtotal in context.Subtotals)
        {
            CheckDecimals(context, "BR-DEC-19", Find(subtotal, "cbc:TaxableAmount"));
            CheckDecimals(context, "BR-DEC-20", Find(subtotal, "cbc:TaxAmount"));
        }

        foreach (var line in context.Lines)
        {
            CheckDecimals(context, "BR-DEC-23", Find(line, "cbc:LineExtensionAmount"));
            foreach (var allowance in line.Elements(Cac + "AllowanceCharge").Where(element => !IsCharge(element)))
            {
                CheckDecimals(context, "BR-DEC-24", Find(allowance, "cbc:Amount"));
            }
        }
    }

    private static void CheckDecimals(CheckContext context, string ruleId, XElement? amount)
    {
        if (amount is null)
        {
            return;
        }

        var text = Text(amount);
        var separator = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = separator < 0 ? 0 : text.Length - separator - 1;
        context.ReportUnless(decimals <= 2, ruleId, amount);
    }
}
