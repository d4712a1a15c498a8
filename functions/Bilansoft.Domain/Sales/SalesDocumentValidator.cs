using System.Globalization;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// Checks a document's content against the EN 16931 and Belgian rules and returns every violation
/// at once, with paths such as <c>lines[2].quantity</c>. Issuing runs it; the application may run
/// it on drafts to show problems early.
/// </summary>
public static class SalesDocumentValidator
{
    /// <summary>
    /// Returns every rule that <paramref name="content"/> breaks for a document of
    /// <paramref name="kind"/>; an empty list when it may be issued. Codes are listed in
    /// <see cref="SalesRuleCodes"/>.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Validate(
        SalesDocumentKind kind,
        SalesDocumentContent content,
        SalesValidationOptions options)
    {
        var violations = new List<RuleViolation>();

        ValidateCustomer(content.Customer, violations);
        ValidateDates(kind, content, violations);
        ValidateLineCount(content.Lines, options, violations);

        for (var i = 0; i < content.Lines.Count; i++)
        {
            ValidateLine(kind, content.Lines[i], i, violations);
            ValidateVat(content, content.Lines[i], i, options, violations);
        }

        if (content.Lines.Any(line => line.VatCategory.RequiresExemptionReason)
            && string.IsNullOrWhiteSpace(content.VatExemptionReason))
        {
            violations.Add(new RuleViolation(SalesRuleCodes.ExemptionReasonMissing, "vatExemptionReason"));
        }

        if (kind is SalesDocumentKind.Invoice or SalesDocumentKind.CreditNote
            && content.Lines.Count > 0
            && DocumentTotals.Calculate(content.Lines).TotalWithVat < 0m)
        {
            violations.Add(new RuleViolation(SalesRuleCodes.TotalNegative, "lines"));
        }

        return violations;
    }

    private static void ValidateCustomer(CustomerSnapshot? customer, List<RuleViolation> violations)
    {
        if (customer is null)
        {
            violations.Add(new RuleViolation(SalesRuleCodes.CustomerMissing, "customer"));
            return;
        }

        if (string.IsNullOrWhiteSpace(customer.Name))
        {
            violations.Add(new RuleViolation(SalesRuleCodes.CustomerNameMissing, "customer.name"));
        }

        if (string.IsNullOrWhiteSpace(customer.Address?.CountryCode))
        {
            violations.Add(new RuleViolation(SalesRuleCodes.CustomerCountryMissing, "customer.address.countryCode"));
        }
    }

    private static void ValidateDates(SalesDocumentKind kind, SalesDocumentContent content, List<RuleViolation> violations)
    {
        if (content.DueDate is not { } dueDate)
        {
            if (kind == SalesDocumentKind.Invoice && DocumentTotals.Calculate(content.Lines).TotalWithVat > 0m)
            {
                violations.Add(new RuleViolation(SalesRuleCodes.DueDateMissing, "dueDate"));
            }

            return;
        }

        var days = dueDate.DayNumber - content.IssueDate.DayNumber;
        if (days < 0)
        {
            violations.Add(Violation.Of(SalesRuleCodes.DueDateBeforeIssueDate, "dueDate",
                ("issueDate", content.IssueDate),
                ("dueDate", dueDate)));
        }
        else if (days > SalesValidationOptions.MaximumBusinessPaymentTermDays && content.Customer is { IsConsumer: false })
        {
            // NOTE: The law counts the 60 days from receipt of the invoice. The issue date is used
            // instead because receipt is unknown, which is stricter by the days the invoice travels.
            violations.Add(Violation.Of(SalesRuleCodes.PaymentTermTooLong, "dueDate",
                ("days", days),
                ("maximum", SalesValidationOptions.MaximumBusinessPaymentTermDays)));
        }
    }

    private static void ValidateLineCount(IReadOnlyList<SalesLine> lines, SalesValidationOptions options, List<RuleViolation> violations)
    {
        if (lines.Count == 0)
        {
            violations.Add(new RuleViolation(SalesRuleCodes.LinesMissing, "lines"));
        }
        else if (lines.Count > options.MaximumLineCount)
        {
            violations.Add(Violation.Of(SalesRuleCodes.TooManyLines, "lines",
                ("count", lines.Count),
                ("maximum", options.MaximumLineCount)));
        }
    }

    private static void ValidateLine(SalesDocumentKind kind, SalesLine line, int index, List<RuleViolation> violations)
    {
        var path = LinePath(index);

        if (string.IsNullOrWhiteSpace(line.Description))
        {
            violations.Add(new RuleViolation(SalesRuleCodes.LineDescriptionMissing, path + ".description"));
        }

        if (line.Quantity == 0m)
        {
            violations.Add(new RuleViolation(SalesRuleCodes.LineQuantityZero, path + ".quantity"));
        }
        else if (line.Quantity < 0m && !AllowsNegativeQuantities(kind))
        {
            violations.Add(Violation.Of(SalesRuleCodes.LineQuantityNegative, path + ".quantity", ("value", line.Quantity)));
        }

        if (line.UnitPrice < 0m)
        {
            violations.Add(Violation.Of(SalesRuleCodes.LineUnitPriceNegative, path + ".unitPrice", ("value", line.UnitPrice)));
        }

        if (!AmountRounding.HasAtMostDecimals(line.UnitPrice, AmountRounding.UnitPriceDecimals))
        {
            violations.Add(Violation.Of(SalesRuleCodes.LineUnitPriceTooPrecise, path + ".unitPrice",
                ("value", line.UnitPrice),
                ("maximum", AmountRounding.UnitPriceDecimals)));
        }

        if (line.DiscountPercent is < 0m or > 100m)
        {
            violations.Add(Violation.Of(SalesRuleCodes.LineDiscountOutOfRange, path + ".discountPercent", ("value", line.DiscountPercent)));
        }
    }

    private static void ValidateVat(
        SalesDocumentContent content,
        SalesLine line,
        int index,
        SalesValidationOptions options,
        List<RuleViolation> violations)
    {
        var categoryPath = LinePath(index) + ".vatCategory";
        var ratePath = LinePath(index) + ".vatRate";
        var category = line.VatCategory;

        if (!category.IsKnown)
        {
            violations.Add(new RuleViolation(SalesRuleCodes.LineVatCategoryMissing, categoryPath));
            return;
        }

        if (!options.VatRates.IsValid(line.VatRate, content.TaxPointDate))
        {
            violations.Add(Violation.Of(SalesRuleCodes.VatRateUnknown, ratePath,
                ("rate", line.VatRate),
                ("date", content.TaxPointDate)));
        }
        else if (!category.AllowsRate(line.VatRate))
        {
            violations.Add(Violation.Of(SalesRuleCodes.VatRateNotAllowed, ratePath,
                ("rate", line.VatRate),
                ("category", category.Id)));
        }

        if (options.SellerUnderSmallEnterpriseScheme != (category == VatCategory.SmallEnterpriseExemption))
        {
            violations.Add(options.SellerUnderSmallEnterpriseScheme
                ? Violation.Of(SalesRuleCodes.SmallEnterpriseSchemeRequired, categoryPath, ("category", category.Id))
                : new RuleViolation(SalesRuleCodes.SmallEnterpriseSchemeNotApplicable, categoryPath));
        }

        if (content.Customer is { } customer)
        {
            ValidateCustomerForCategory(customer, category, categoryPath, violations);
        }
    }

    private static void ValidateCustomerForCategory(
        CustomerSnapshot customer,
        VatCategory category,
        string path,
        List<RuleViolation> violations)
    {
        if (category == VatCategory.IntraCommunityGoods || category == VatCategory.IntraCommunityServices)
        {
            if (!HasForeignEuVatNumber(customer, category))
            {
                violations.Add(Violation.Of(SalesRuleCodes.IntraCommunityRequiresEuVatNumber, path, ("category", category.Id)));
            }
        }
        else if (category == VatCategory.DomesticReverseCharge)
        {
            if (customer.IsConsumer)
            {
                violations.Add(new RuleViolation(SalesRuleCodes.ReverseChargeToConsumer, path));
            }

            if (customer.VatNumber is not { IsBelgian: true })
            {
                violations.Add(new RuleViolation(SalesRuleCodes.ReverseChargeRequiresBelgianVatNumber, path));
            }
        }
        else if (category == VatCategory.Export && EuMemberStates.Contains(customer.CountryCode))
        {
            violations.Add(Violation.Of(SalesRuleCodes.ExportToEuCustomer, path, ("countryCode", customer.CountryCode)));
        }
    }

    // A consumer has no VAT number for this purpose even when one was typed in. Northern Ireland
    // (prefix XI) stays in the EU VAT area for goods but not for services.
    private static bool HasForeignEuVatNumber(CustomerSnapshot customer, VatCategory category)
    {
        if (customer.IsConsumer || customer.VatNumber is not { } vatNumber || vatNumber.IsBelgian)
        {
            return false;
        }

        return category == VatCategory.IntraCommunityGoods || EuMemberStates.Contains(vatNumber.CountryCode);
    }

    private static bool AllowsNegativeQuantities(SalesDocumentKind kind) =>
        kind is SalesDocumentKind.Invoice or SalesDocumentKind.CreditNote;

    private static string LinePath(int index) => string.Create(CultureInfo.InvariantCulture, $"lines[{index}]");
}
