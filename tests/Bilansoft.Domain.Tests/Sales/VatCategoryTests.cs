using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class VatCategoryTests
{
    public static TheoryData<string, string, string?> PeppolCodes => new()
    {
        { "standard", "S", null },
        { "zero-rated", "Z", null },
        { "exempt", "E", null }, // free-text reason instead of a VATEX code
        { "domestic-reverse-charge", "AE", "VATEX-EU-AE" },
        { "intra-community-goods", "K", "VATEX-EU-IC" },
        { "intra-community-services", "AE", "VATEX-EU-AE" },
        { "export", "G", "VATEX-EU-G" },
        { "small-enterprise-exemption", "E", null }, // the mention is the reason text
    };

    [Theory]
    [MemberData(nameof(PeppolCodes))]
    public void Category_HasPeppolCodes(string id, string code, string? exemptionReasonCode)
    {
        var category = VatCategory.Parse(id);

        Assert.Equal(code, category.Code);
        Assert.Equal(exemptionReasonCode, category.ExemptionReasonCode);
    }

    [Theory]
    [InlineData("standard", "21", "03")]
    [InlineData("standard", "12", "02")]
    [InlineData("standard", "6", "01")]
    [InlineData("zero-rated", "0", "00")]
    [InlineData("intra-community-services", "0", "44")]
    [InlineData("domestic-reverse-charge", "0", "45")]
    [InlineData("intra-community-goods", "0", "46")]
    [InlineData("export", "0", "47")]
    public void ReturnGridFor_GivesGridOfTaxableBase(string id, string rate, string grid)
    {
        var category = VatCategory.Parse(id);

        Assert.Equal(grid, category.ReturnGridFor(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ReturnGridFor_SmallEnterpriseExemption_IsNull()
    {
        var grid = VatCategory.SmallEnterpriseExemption.ReturnGridFor(0m);

        Assert.Null(grid);
    }

    [Fact]
    public void ReturnGridFor_RateNotAllowed_IsNull()
    {
        var grid = VatCategory.Standard.ReturnGridFor(0m);

        Assert.Null(grid);
    }

    [Fact]
    public void CreditNoteReturnGrid_CrossBorderCategories_Is48()
    {
        Assert.Equal("48", VatCategory.IntraCommunityGoods.CreditNoteReturnGrid);
        Assert.Equal("48", VatCategory.IntraCommunityServices.CreditNoteReturnGrid);
        Assert.Equal("49", VatCategory.Standard.CreditNoteReturnGrid);
    }

    [Fact]
    public void AllowedRates_Standard_AreTwentyOneTwelveAndSix()
    {
        var rates = VatCategory.Standard.AllowedRates;

        Assert.Equal([21m, 12m, 6m], rates);
    }

    [Fact]
    public void AllowedRates_EveryOtherCategory_IsZeroOnly()
    {
        foreach (var category in VatCategory.All.Where(category => category != VatCategory.Standard))
        {
            Assert.Equal([0m], category.AllowedRates);
        }
    }

    [Fact]
    public void Mention_ExistsInFourLanguages_ForCategoriesWithoutVat()
    {
        foreach (var category in VatCategory.All.Where(category => category.Code is not ("S" or "Z")))
        {
            var mention = category.Mention;

            Assert.NotNull(mention);
            Assert.False(string.IsNullOrWhiteSpace(mention.Dutch), category.Id);
            Assert.False(string.IsNullOrWhiteSpace(mention.French), category.Id);
            Assert.False(string.IsNullOrWhiteSpace(mention.English), category.Id);
            Assert.False(string.IsNullOrWhiteSpace(mention.German), category.Id);
        }
    }

    [Fact]
    public void Mention_DomesticReverseCharge_CitesArticle51()
    {
        var mention = VatCategory.DomesticReverseCharge.Mention!;

        Assert.Contains("medecontractant", mention.Dutch, StringComparison.Ordinal);
        Assert.Contains("cocontractant", mention.French, StringComparison.Ordinal);
        Assert.Contains("51", mention.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Mention_StandardRate_IsNull()
    {
        Assert.Null(VatCategory.Standard.Mention);
    }

    [Fact]
    public void Equality_SameCodeDifferentCategory_IsNotEqual()
    {
        var domestic = VatCategory.DomesticReverseCharge;
        var intraCommunity = VatCategory.IntraCommunityServices;

        Assert.Equal(domestic.Code, intraCommunity.Code);
        Assert.NotEqual(domestic, intraCommunity);
        Assert.True(domestic != intraCommunity);
    }

    [Fact]
    public void Default_IsNotKnown()
    {
        var category = default(VatCategory);

        Assert.False(category.IsKnown);
        Assert.Equal(string.Empty, category.Code);
        Assert.False(category.AllowsRate(0m));
    }

    [Theory]
    [InlineData("")] // empty
    [InlineData("Standard")] // ids are case-sensitive
    [InlineData("S")] // the UNCL5305 code is ambiguous, so it is not an id
    public void TryParse_UnknownId_ReturnsFalse(string id)
    {
        var parsed = VatCategory.TryParse(id, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void TryParse_EveryId_RoundTrips()
    {
        foreach (var category in VatCategory.All)
        {
            Assert.True(VatCategory.TryParse(category.ToString(), out var parsed));
            Assert.Equal(category, parsed);
        }
    }
}
