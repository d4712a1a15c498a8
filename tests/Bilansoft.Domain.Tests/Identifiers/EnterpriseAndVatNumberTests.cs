using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Tests.Identifiers;

public class EnterpriseAndVatNumberTests
{
    [Theory]
    [InlineData("0566.988.259", "0566988259")]
    [InlineData("0428.759.497", "0428759497")] // first eight digits divisible by 97: check is 97
    [InlineData("BE 0123.456.749", "0123456749")]
    [InlineData("123456749", "0123456749")] // legacy 9-digit form
    public void EnterpriseNumber_AcceptsValidNumbers(string text, string expected)
    {
        Assert.True(EnterpriseNumber.TryParse(text, out var number));
        Assert.Equal(expected, number.Digits);
    }

    [Theory]
    [InlineData("0566.988.258", IdentifierError.InvalidChecksum)]
    [InlineData("2566.988.259", IdentifierError.InvalidFormat)]
    [InlineData("0566.988.2", IdentifierError.InvalidLength)]
    [InlineData("05669882X9", IdentifierError.InvalidFormat)]
    public void EnterpriseNumber_RejectsInvalidNumbers(string text, IdentifierError expected)
    {
        Assert.False(EnterpriseNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void EnterpriseNumber_PrintsWithDots()
    {
        Assert.Equal("0123.456.749", EnterpriseNumber.Parse("0123456749").ToPrinted());
    }

    [Theory]
    [InlineData("BE 0123.456.749", "BE0123456749")]
    [InlineData("be0123456749", "BE0123456749")]
    [InlineData("NL123456789B01", "NL123456789B01")]
    [InlineData("DE 123 456 789", "DE123456789")]
    [InlineData("FR40303265045", "FR40303265045")]
    [InlineData("GR123456789", "EL123456789")]
    [InlineData("ATU12345678", "ATU12345678")]
    public void VatNumber_AcceptsEuFormats(string text, string expected)
    {
        Assert.True(VatNumber.TryParse(text, out var number));
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData("BE0123456748", IdentifierError.InvalidChecksum)]
    [InlineData("BE012345674", IdentifierError.InvalidLength)]
    [InlineData("US123456789", IdentifierError.UnsupportedCountry)]
    [InlineData("NL123456789", IdentifierError.InvalidFormat)]
    [InlineData("0123456749", IdentifierError.InvalidFormat)]
    public void VatNumber_RejectsInvalidNumbers(string text, IdentifierError expected)
    {
        Assert.False(VatNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void VatNumber_PrintsBelgianNumbersFormatted()
    {
        Assert.Equal("BE 0123.456.749", VatNumber.Parse("BE0123456749").ToPrinted());
    }
}
