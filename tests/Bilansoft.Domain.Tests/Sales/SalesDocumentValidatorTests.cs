using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class SalesDocumentValidatorTests
{
    private static readonly SalesValidationOptions Options = SalesValidationOptions.Default;

    [Fact]
    public void Validate_BuilderInvoice_HasNoViolations()
    {
        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, SalesBuilder.Content(), Options);

        Assert.Empty(violations);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneWithItsPath()
    {
        var content = SalesBuilder.Content(
            paymentTermDays: -1,
            lines:
            [
                SalesBuilder.Line(),
                SalesBuilder.Line(description: " "),
                SalesBuilder.Line(quantity: 0m, unitPrice: 1.23456m),
            ]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Equal(
            [
                "dueDate: document.due-date-before-issue-date",
                "lines[1].description: line.description-missing",
                "lines[2].quantity: line.quantity-zero",
                "lines[2].unitPrice: line.unit-price-too-precise",
            ],
            violations.Select(violation => violation.ToString()));
    }

    [Fact]
    public void Validate_MissingCustomer_ReportsCustomerMissing()
    {
        var content = SalesBuilder.Content() with { Customer = null! };

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Equal([SalesRuleCodes.CustomerMissing], SalesBuilder.Codes(violations));
    }

    [Fact]
    public void Validate_CustomerWithoutNameOrCountry_ReportsBoth()
    {
        var content = SalesBuilder.Content(customer: SalesBuilder.Customer(name: "", countryCode: ""), lines: [SalesBuilder.Line()]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Quote, content, Options);

        Assert.Contains(violations, violation => violation is { Code: SalesRuleCodes.CustomerNameMissing, Path: "customer.name" });
        Assert.Contains(violations, violation => violation is { Code: SalesRuleCodes.CustomerCountryMissing, Path: "customer.address.countryCode" });
    }

    [Fact]
    public void Validate_NoLines_ReportsLinesMissing()
    {
        var content = SalesBuilder.Content(lines: []);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Equal([SalesRuleCodes.LinesMissing], SalesBuilder.Codes(violations));
    }

    [Fact]
    public void Validate_ThousandLines_IsValid()
    {
        var content = SalesBuilder.Content(lines: ThousandLines(1_000));

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Empty(violations);
    }

    [Fact]
    public void Validate_ThousandAndOneLines_ReportsTooManyLines()
    {
        var content = SalesBuilder.Content(lines: ThousandLines(1_001));

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        var violation = Assert.Single(violations);
        Assert.Equal(SalesRuleCodes.TooManyLines, violation.Code);
        Assert.Equal(1_001, violation.Arguments["count"]);
        Assert.Equal(1_000, violation.Arguments["maximum"]);
    }

    [Fact]
    public void Validate_ConfiguredMaximum_IsUsed()
    {
        var options = Options with { MaximumLineCount = 2 };
        var content = SalesBuilder.Content(lines: [SalesBuilder.Line(), SalesBuilder.Line(), SalesBuilder.Line()]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, options);

        Assert.Equal([SalesRuleCodes.TooManyLines], SalesBuilder.Codes(violations));
    }

    [Fact]
    public void MaximumLineCount_BelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Options with { MaximumLineCount = 0 });
    }

    [Theory]
    [InlineData(SalesDocumentKind.Invoice, false)] // a returned deposit may be invoiced as a negative line
    [InlineData(SalesDocumentKind.CreditNote, false)] // mirrors a negative invoice line
    [InlineData(SalesDocumentKind.Quote, true)] // quotes offer positive quantities only
    [InlineData(SalesDocumentKind.DeliveryNote, true)] // goods cannot be delivered negatively
    public void Validate_NegativeQuantity_AllowedOnlyOnInvoicesAndCreditNotes(SalesDocumentKind kind, bool rejected)
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.Line(unitPrice: 200m), SalesBuilder.Line(quantity: -1m)]);

        var violations = SalesDocumentValidator.Validate(kind, content, Options);

        Assert.Equal(rejected, violations.Any(violation => violation is { Code: SalesRuleCodes.LineQuantityNegative, Path: "lines[1].quantity" }));
    }

    [Theory]
    [InlineData(SalesDocumentKind.Invoice)]
    [InlineData(SalesDocumentKind.CreditNote)]
    public void Validate_NegativeTotal_ReportsTotalNegative(SalesDocumentKind kind)
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.Line(), SalesBuilder.Line(quantity: -2m)]);

        var violations = SalesDocumentValidator.Validate(kind, content, Options);

        Assert.Contains(violations, violation => violation.Code == SalesRuleCodes.TotalNegative);
    }

    [Theory]
    [InlineData(-0.01, 0, SalesRuleCodes.LineUnitPriceNegative)] // EN 16931 BR-27
    [InlineData(1.00001, 0, SalesRuleCodes.LineUnitPriceTooPrecise)] // five decimals
    [InlineData(10, -1, SalesRuleCodes.LineDiscountOutOfRange)] // negative discount is a surcharge, not modelled
    [InlineData(10, 100.01, SalesRuleCodes.LineDiscountOutOfRange)] // more than the whole price
    public void Validate_InvalidLineAmounts_ReportCode(decimal unitPrice, decimal discountPercent, string code)
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.Line(unitPrice: unitPrice, discountPercent: discountPercent)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Quote, content, Options);

        Assert.Contains(code, SalesBuilder.Codes(violations));
    }

    [Fact]
    public void Validate_UnitPriceWithFourDecimals_IsValid()
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.Line(unitPrice: 0.1234m)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Empty(violations);
    }

    [Fact]
    public void Validate_DefaultVatCategory_ReportsCategoryMissing()
    {
        var content = SalesBuilder.Content(lines: [SalesBuilder.Line() with { VatCategory = default }]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Equal(["lines[0].vatCategory: line.vat-category-missing"], violations.Select(violation => violation.ToString()));
    }

    [Theory]
    [InlineData(9, "2026-03-16")] // 9 % does not exist in Belgium
    [InlineData(21, "1999-12-31")] // before the rate table starts
    public void Validate_RateNotInTableOnDate_ReportsRateUnknown(decimal rate, string date)
    {
        var content = SalesBuilder.Content(issueDate: DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), lines: [SalesBuilder.Line(vatRate: rate)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Equal([SalesRuleCodes.VatRateUnknown], SalesBuilder.Codes(violations));
    }

    [Fact]
    public void Validate_RateOnDeliveryDate_DecidesOverIssueDate()
    {
        var options = Options with
        {
            VatRates = new VatRateTable([new VatRatePeriod(21m, new DateOnly(2026, 3, 1))]),
        };
        var content = SalesBuilder.Content(issueDate: new DateOnly(2026, 3, 2), deliveryDate: new DateOnly(2026, 2, 27));

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, options);

        var violation = Assert.Single(violations);
        Assert.Equal(SalesRuleCodes.VatRateUnknown, violation.Code);
        Assert.Equal(new DateOnly(2026, 2, 27), violation.Arguments["date"]);
    }

    [Theory]
    [InlineData("standard", 0)] // BR-S-05: standard rate needs a positive rate
    [InlineData("export", 21)] // BR-G-05: export carries 0 %
    [InlineData("domestic-reverse-charge", 6)] // BR-AE-05: reverse charge carries 0 %
    [InlineData("exempt", 12)] // BR-E-05: exempt carries 0 %
    public void Validate_RateNotAllowedForCategory_ReportsIt(string category, decimal rate)
    {
        var content = SalesBuilder.Content(
            customer: SalesBuilder.Customer(countryCode: "US", vatNumber: null),
            vatExemptionReason: "art. 44 § 2",
            lines: [SalesBuilder.Line(category: VatCategory.Parse(category), vatRate: rate)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, Options);

        Assert.Contains("lines[0].vatRate: vat.rate-not-allowed-for-category", violations.Select(violation => violation.ToString()));
    }

    private static SalesLine[] ThousandLines(int count) =>
        [.. Enumerable.Range(0, count).Select(i => SalesBuilder.Line(description: $"Item {i}", unitPrice: 1.5m))];
}
