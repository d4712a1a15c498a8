using System.Xml.Linq;

namespace Bilansoft.Formats.Documents.Ubl;

public static partial class UblRuleChecker
{
    /// <summary>What a VAT category requires of the parties' identifiers (rules -02 to -04).</summary>
    private enum IdentifierRequirement
    {
        /// <summary>A seller tax registration or tax representative VAT identifier (S, Z, E).</summary>
        SellerTaxRegistration,

        /// <summary>As above, plus a buyer VAT identifier or legal registration identifier (AE).</summary>
        SellerAndBuyerIdentifier,

        /// <summary>A seller VAT identifier or tax representative, plus a buyer VAT identifier (K).</summary>
        SellerAndBuyerVat,

        /// <summary>A seller VAT identifier or tax representative (G).</summary>
        SellerVat,

        /// <summary>No VAT identifier for seller, tax representative or buyer (O).</summary>
        NoVatIdentifiers,
    }

    /// <summary>What a VAT category requires of the rate on lines, allowances and charges (rules -05 to -07).</summary>
    private enum RateRequirement
    {
        Positive,
        Zero,
        Absent,
    }

    private sealed record CategoryRules(string Code, string Prefix, IdentifierRequirement Identifiers, RateRequirement Rate, bool NeedsExemptionReason);

    private static readonly CategoryRules[] Categories =
    [
        new("S", "BR-S", IdentifierRequirement.SellerTaxRegistration, RateRequirement.Positive, NeedsExemptionReason: false),
        new("Z", "BR-Z", IdentifierRequirement.SellerTaxRegistration, RateRequirement.Zero, NeedsExemptionReason: false),
        new("E", "BR-E", IdentifierRequirement.SellerTaxRegistration, RateRequirement.Zero, NeedsExemptionReason: true),
        new("AE", "BR-AE", IdentifierRequirement.SellerAndBuyerIdentifier, RateRequirement.Zero, NeedsExemptionReason: true),
        new("K", "BR-IC", IdentifierRequirement.SellerAndBuyerVat, RateRequirement.Zero, NeedsExemptionReason: true),
        new("G", "BR-G", IdentifierRequirement.SellerVat, RateRequirement.Zero, NeedsExemptionReason: true),
        new("O", "BR-O", IdentifierRequirement.NoVatIdentifiers, RateRequirement.Absent, NeedsExemptionReason: true),
    ];

    /// <summary>BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G and BR-O rules.</summary>
    private static void CheckVatCategories(CheckContext context)
    {
        var lineCategories = context.Lines
            .Select(line => (Line: line, Category: FindAll(line, "cac:Item/cac:ClassifiedTaxCategory").FirstOrDefault(IsVat)))
            .Where(entry => entry.Category is not null)
            .Select(entry => (entry.Line, Category: entry.Category!))
            .ToList();
        var allowanceCategories = VatCategoriesOf(context.DocumentAllowances);
        var chargeCategories = VatCategoriesOf(context.DocumentCharges);
        var breakdownCategories = context.Subtotals
            .Select(subtotal => subtotal.Elements(Cac + "TaxCategory").FirstOrDefault(IsVat))
            .OfType<XElement>()
            .ToList();

        foreach (var rules in Categories)
        {
            bool Is(XElement category) => Text(Find(category, "cbc:ID")) == rules.Code;

            var lines = lineCategories.Where(entry => Is(entry.Category)).ToList();
            var allowances = allowanceCategories.Where(entry => Is(entry.Category)).ToList();
            var charges = chargeCategories.Where(entry => Is(entry.Category)).ToList();
            var breakdowns = breakdownCategories.Where(Is).ToList();

            CheckBreakdownCount(context, rules, lines.Count + allowances.Count + charges.Count, breakdowns.Count);
            CheckIdentifiers(context, rules, "-02", lines.Select(entry => entry.Line));
            CheckIdentifiers(context, rules, "-03", allowances.Select(entry => entry.Owner));
            CheckIdentifiers(context, rules, "-04", charges.Select(entry => entry.Owner));
            CheckRates(context, rules, "-05", lines.Select(entry => entry.Category));
            CheckRates(context, rules, "-06", allowances.Select(entry => entry.Category));
            CheckRates(context, rules, "-07", charges.Select(entry => entry.Category));

            foreach (var breakdown in breakdowns)
            {
                CheckBreakdown(context, rules, breakdown, lineCategories, allowanceCategories, chargeCategories);
            }
        }

        CheckOutsideScopeExclusivity(context, lineCategories.Select(entry => entry.Category), allowanceCategories, chargeCategories, breakdownCategories);
        CheckIntraCommunityDelivery(context, breakdownCategories);
    }

    private static List<(XElement Owner, XElement Category)> VatCategoriesOf(IEnumerable<XElement> allowanceCharges) =>
        allowanceCharges
            .Select(owner => (Owner: owner, Category: owner.Elements(Cac + "TaxCategory").FirstOrDefault(IsVat)))
            .Where(entry => entry.Category is not null)
            .Select(entry => (entry.Owner, entry.Category!))
            .ToList();

    /// <summary>
    /// Rule -01. Standard rate allows several breakdowns (one per rate) and none without standard-rated
    /// items; every other category needs exactly one breakdown when it is used.
    /// </summary>
    private static void CheckBreakdownCount(CheckContext context, CategoryRules rules, int uses, int breakdowns)
    {
        var valid = rules.Code == "S"
            ? (uses > 0) == (breakdowns > 0)
            : (uses == 0 && breakdowns == 0) || breakdowns == 1;
        context.ReportUnless(valid, rules.Prefix + "-01", context.Root);
    }

    private static void CheckIdentifiers(CheckContext context, CategoryRules rules, string suffix, IEnumerable<XElement> owners)
    {
        var first = owners.FirstOrDefault();
        if (first is null)
        {
            return;
        }

        var sellerAnyTaxRegistration = FindAll(context.Seller, "cac:PartyTaxScheme/cbc:CompanyID").Any(HasText);
        var sellerVat = HasVatIdentifier(context.Seller);
        var representativeVat = HasVatIdentifier(Find(context.Root, "cac:TaxRepresentativeParty"));
        var buyerVat = HasVatIdentifier(context.Buyer);
        var buyerLegalId = Find(context.Buyer, "cac:PartyLegalEntity/cbc:CompanyID") is not null;

        var satisfied = rules.Identifiers switch
        {
            IdentifierRequirement.SellerTaxRegistration => sellerAnyTaxRegistration || representativeVat,
            IdentifierRequirement.SellerAndBuyerIdentifier => (sellerAnyTaxRegistration || representativeVat) && (buyerVat || buyerLegalId),
            IdentifierRequirement.SellerAndBuyerVat => (sellerVat || representativeVat) && buyerVat,
            IdentifierRequirement.SellerVat => sellerVat || representativeVat,
            _ => !sellerVat && !representativeVat && !buyerVat,
        };
        context.ReportUnless(satisfied, rules.Prefix + suffix, first);
    }

    private static bool HasVatIdentifier(XElement? party) =>
        FindAll(party, "cac:PartyTaxScheme").Any(scheme => IsVat(scheme) && HasText(Find(scheme, "cbc:CompanyID")));

    private static void CheckRates(CheckContext context, CategoryRules rules, string suffix, IEnumerable<XElement> categories)
    {
        foreach (var category in categories)
        {
            var percent = Find(category, "cbc:Percent");
            var valid = rules.Rate switch
            {
                RateRequirement.Positive => Number(percent) > 0,
                RateRequirement.Zero => Number(percent) == 0,
                _ => percent is null,
            };
            context.ReportUnless(valid, rules.Prefix + suffix, category);
        }
    }

    /// <summary>Rules -08 to -10 on one breakdown of the category.</summary>
    private static void CheckBreakdown(
        CheckContext context,
        CategoryRules rules,
        XElement category,
        List<(XElement Line, XElement Category)> lines,
        List<(XElement Owner, XElement Category)> allowances,
        List<(XElement Owner, XElement Category)> charges)
    {
        var subtotal = category.Parent!;
        var taxable = Number(Find(subtotal, "cbc:TaxableAmount"));
        var tax = Number(Find(subtotal, "cbc:TaxAmount"));

        if (rules.Code == "S")
        {
            // BR-S-08 groups by rate, requires the rate to be used and allows one currency unit of difference.
            var rate = Number(Find(category, "cbc:Percent"));
            bool SameRate(XElement other) => Text(Find(other, "cbc:ID")) == "S" && Number(Find(other, "cbc:Percent")) == rate;

            var used = lines.Any(entry => SameRate(entry.Category)) || allowances.Concat(charges).Any(entry => SameRate(entry.Category));
            var expected = Sum(lines.Where(entry => SameRate(entry.Category)).Select(entry => Find(entry.Line, "cbc:LineExtensionAmount")))
                + Sum(charges.Where(entry => SameRate(entry.Category)).Select(entry => Find(entry.Owner, "cbc:Amount")))
                - Sum(allowances.Where(entry => SameRate(entry.Category)).Select(entry => Find(entry.Owner, "cbc:Amount")));
            context.ReportUnless(used && taxable - 1 < expected && taxable + 1 > expected, "BR-S-08", subtotal);

            var expectedTax = RoundCents(Math.Abs(taxable ?? 0m) * (rate ?? 0m) / 100m);
            context.ReportUnless(tax is { } amount && Math.Abs(amount) - 1 < expectedTax && Math.Abs(amount) + 1 > expectedTax, "BR-S-09", subtotal);
        }
        else
        {
            bool Same(XElement other) => Text(Find(other, "cbc:ID")) == rules.Code;

            var expected = Sum(lines.Where(entry => Same(entry.Category)).Select(entry => Find(entry.Line, "cbc:LineExtensionAmount")))
                + Sum(charges.Where(entry => Same(entry.Category)).Select(entry => Find(entry.Owner, "cbc:Amount")))
                - Sum(allowances.Where(entry => Same(entry.Category)).Select(entry => Find(entry.Owner, "cbc:Amount")));
            context.ReportUnless(taxable == expected, rules.Prefix + "-08", subtotal);
            context.ReportUnless(tax == 0, rules.Prefix + "-09", subtotal);
        }

        var hasReason = Find(category, "cbc:TaxExemptionReason") is not null || Find(category, "cbc:TaxExemptionReasonCode") is not null;
        context.ReportUnless(hasReason == rules.NeedsExemptionReason, rules.Prefix + "-10", category);
    }

    /// <summary>BR-O-11 to BR-O-14: a document outside the scope of VAT has nothing else.</summary>
    private static void CheckOutsideScopeExclusivity(
        CheckContext context,
        IEnumerable<XElement> lineCategories,
        List<(XElement Owner, XElement Category)> allowances,
        List<(XElement Owner, XElement Category)> charges,
        List<XElement> breakdowns)
    {
        static bool IsOutside(XElement category) => Text(Find(category, "cbc:ID")) == "O";

        if (!breakdowns.Any(IsOutside))
        {
            return;
        }

        context.ReportUnless(breakdowns.All(IsOutside), "BR-O-11", context.Root);
        context.ReportUnless(lineCategories.All(IsOutside), "BR-O-12", context.Root);
        context.ReportUnless(allowances.All(entry => IsOutside(entry.Category)), "BR-O-13", context.Root);
        context.ReportUnless(charges.All(entry => IsOutside(entry.Category)), "BR-O-14", context.Root);
    }

    /// <summary>BR-IC-11 and BR-IC-12: an intra-Community supply states when and to which country it was delivered.</summary>
    private static void CheckIntraCommunityDelivery(CheckContext context, List<XElement> breakdowns)
    {
        if (!breakdowns.Any(category => Text(Find(category, "cbc:ID")) == "K"))
        {
            return;
        }

        var root = context.Root;
        var delivered = Text(Find(root, "cac:Delivery/cbc:ActualDeliveryDate")).Length > 1
            || Find(root, "cac:InvoicePeriod")?.Elements().Any() == true;
        context.ReportUnless(delivered, "BR-IC-11", root);
        var country = Text(Find(root, "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode"));
        context.ReportUnless(country.Length > 1, "BR-IC-12", root);
    }
}
