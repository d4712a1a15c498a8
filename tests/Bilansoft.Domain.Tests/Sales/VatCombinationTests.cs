using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class VatCombinationTests
{
    public static TheoryData<string, string?, CustomerType, bool> IntraCommunityCustomers => new()
    {
        { "NL", "NL123456789B01", CustomerType.Company, true }, // valid Dutch VAT number
        { "DE", null, CustomerType.Company, false }, // no VAT number
        { "BE", SalesBuilder.BelgianVatNumber, CustomerType.Company, false }, // Belgian VAT number is domestic
        { "NL", "NL123456789B01", CustomerType.Consumer, false }, // a consumer buys without VAT number
    };

    [Theory]
    [MemberData(nameof(IntraCommunityCustomers))]
    public void IntraCommunityGoods_NeedsForeignEuVatNumber(string country, string? vatNumber, CustomerType type, bool valid)
    {
        var violations = Validate(SalesBuilder.Customer(countryCode: country, vatNumber: vatNumber, type: type), VatCategory.IntraCommunityGoods);

        Assert.Equal(valid, !violations.Contains(SalesRuleCodes.IntraCommunityRequiresEuVatNumber));
    }

    [Theory]
    [MemberData(nameof(IntraCommunityCustomers))]
    public void IntraCommunityServices_NeedsForeignEuVatNumber(string country, string? vatNumber, CustomerType type, bool valid)
    {
        var violations = Validate(SalesBuilder.Customer(countryCode: country, vatNumber: vatNumber, type: type), VatCategory.IntraCommunityServices);

        Assert.Equal(valid, !violations.Contains(SalesRuleCodes.IntraCommunityRequiresEuVatNumber));
    }

    [Fact]
    public void NorthernIrelandVatNumber_AllowsGoodsButNotServices()
    {
        var customer = SalesBuilder.Customer(countryCode: "GB", vatNumber: "XI123456789");

        var goods = Validate(customer, VatCategory.IntraCommunityGoods);
        var services = Validate(customer, VatCategory.IntraCommunityServices);

        Assert.DoesNotContain(SalesRuleCodes.IntraCommunityRequiresEuVatNumber, goods);
        Assert.Contains(SalesRuleCodes.IntraCommunityRequiresEuVatNumber, services);
    }

    [Fact]
    public void DomesticReverseCharge_BelgianCompany_IsValid()
    {
        var violations = Validate(SalesBuilder.Customer(), VatCategory.DomesticReverseCharge);

        Assert.Empty(violations);
    }

    [Fact]
    public void DomesticReverseCharge_Consumer_ReportsConsumerAndMissingVatNumber()
    {
        var violations = Validate(SalesBuilder.Consumer(), VatCategory.DomesticReverseCharge);

        Assert.Equal([SalesRuleCodes.ReverseChargeToConsumer, SalesRuleCodes.ReverseChargeRequiresBelgianVatNumber], violations);
    }

    [Fact]
    public void DomesticReverseCharge_ConsumerWithVatNumber_ReportsConsumer()
    {
        var customer = SalesBuilder.Customer(type: CustomerType.Consumer);

        var violations = Validate(customer, VatCategory.DomesticReverseCharge);

        Assert.Equal([SalesRuleCodes.ReverseChargeToConsumer], violations);
    }

    [Theory]
    [InlineData("NL", "NL123456789B01")] // foreign EU VAT number
    [InlineData("BE", null)] // no VAT number
    public void DomesticReverseCharge_WithoutBelgianVatNumber_ReportsIt(string country, string? vatNumber)
    {
        var violations = Validate(SalesBuilder.Customer(countryCode: country, vatNumber: vatNumber), VatCategory.DomesticReverseCharge);

        Assert.Equal([SalesRuleCodes.ReverseChargeRequiresBelgianVatNumber], violations);
    }

    [Theory]
    [InlineData("FR", false)] // member state
    [InlineData("BE", false)] // domestic
    [InlineData("GR", false)] // Greece by its ISO code
    [InlineData("US", true)] // outside the EU
    [InlineData("GB", true)] // left the EU
    [InlineData("CH", true)] // never in the EU
    public void Export_OnlyToCustomersOutsideEu(string country, bool valid)
    {
        var violations = Validate(SalesBuilder.Customer(countryCode: country, vatNumber: null), VatCategory.Export);

        Assert.Equal(valid, !violations.Contains(SalesRuleCodes.ExportToEuCustomer));
    }

    [Fact]
    public void SmallEnterpriseExemption_SellerNotUnderScheme_ReportsNotApplicable()
    {
        var violations = Validate(SalesBuilder.Customer(), VatCategory.SmallEnterpriseExemption);

        Assert.Equal([SalesRuleCodes.SmallEnterpriseSchemeNotApplicable], violations);
    }

    [Fact]
    public void SmallEnterpriseExemption_SellerUnderScheme_IsValid()
    {
        var options = SalesValidationOptions.Default with { SellerUnderSmallEnterpriseScheme = true };

        var violations = Validate(SalesBuilder.Consumer(), VatCategory.SmallEnterpriseExemption, options);

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("standard", 21)]
    [InlineData("zero-rated", 0)]
    [InlineData("exempt", 0)]
    [InlineData("domestic-reverse-charge", 0)]
    [InlineData("intra-community-goods", 0)]
    [InlineData("intra-community-services", 0)]
    [InlineData("export", 0)]
    public void SellerUnderScheme_OtherCategory_ReportsSchemeRequired(string category, decimal rate)
    {
        var options = SalesValidationOptions.Default with { SellerUnderSmallEnterpriseScheme = true };
        var content = SalesBuilder.Content(
            vatExemptionReason: "art. 44",
            lines: [SalesBuilder.Line(category: VatCategory.Parse(category), vatRate: rate)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, options);

        Assert.Contains(violations, violation => violation is { Code: SalesRuleCodes.SmallEnterpriseSchemeRequired, Path: "lines[0].vatCategory" });
    }

    [Fact]
    public void Exempt_WithoutReason_ReportsReasonMissing()
    {
        var violations = Validate(SalesBuilder.Customer(), VatCategory.Exempt);

        Assert.Equal([SalesRuleCodes.ExemptionReasonMissing], violations);
    }

    [Fact]
    public void Exempt_WithReason_IsValid()
    {
        var content = SalesBuilder.Content(vatExemptionReason: "Vrijgesteld, art. 44 § 2, 1° WBTW", lines: [SalesBuilder.ZeroRateLine(VatCategory.Exempt)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, SalesValidationOptions.Default);

        Assert.Empty(violations);
    }

    [Fact]
    public void InvalidCombination_IsReportedOnEveryOffendingLine()
    {
        var content = SalesBuilder.Content(
            customer: SalesBuilder.Customer(countryCode: "FR", vatNumber: null),
            lines: [SalesBuilder.ZeroRateLine(VatCategory.Export), SalesBuilder.Line(), SalesBuilder.ZeroRateLine(VatCategory.Export)]);

        var violations = SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, SalesValidationOptions.Default);

        Assert.Equal(["lines[0].vatCategory", "lines[2].vatCategory"], violations.Select(violation => violation.Path));
    }

    private static IReadOnlyList<string> Validate(CustomerSnapshot customer, VatCategory category, SalesValidationOptions? options = null)
    {
        var content = SalesBuilder.Content(customer: customer, lines: [SalesBuilder.ZeroRateLine(category)]);
        return SalesBuilder.Codes(SalesDocumentValidator.Validate(SalesDocumentKind.Invoice, content, options ?? SalesValidationOptions.Default));
    }
}
