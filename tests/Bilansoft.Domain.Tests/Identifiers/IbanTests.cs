using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Tests.Identifiers;

public class IbanTests
{
    [Theory]
    [InlineData("BE68 5390 0754 7034", "BE68539007547034")]
    [InlineData("be68539007547034", "BE68539007547034")]
    [InlineData("BE11 0001 2345 6748", "BE11000123456748")]
    [InlineData("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606")]
    public void TryParse_AcceptsValidIbans(string text, string expected)
    {
        Assert.True(Iban.TryParse(text, out var iban));
        Assert.Equal(expected, iban.Value);
    }

    [Theory]
    [InlineData("BE68 5390 0754 7035", IdentifierError.InvalidChecksum)]
    [InlineData("BE68 5390 0754 703", IdentifierError.InvalidLength)]
    [InlineData("ZZ68 5390 0754 7034", IdentifierError.UnsupportedCountry)]
    [InlineData("BE6853900754703!", IdentifierError.InvalidFormat)]
    [InlineData("   ", IdentifierError.Missing)]
    public void TryParse_RejectsInvalidIbans(string text, IdentifierError expected)
    {
        Assert.False(Iban.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_ChecksBelgianNationalDigits()
    {
        // BE + ISO check digits recomputed for a BBAN whose national check (last two digits) is wrong.
        const string bban = "539007547035";
        var isoCheck = 98 - (int)(System.Numerics.BigInteger.Parse(bban + "111400") % 97);
        var text = $"BE{isoCheck:D2}{bban}";

        Assert.False(Iban.TryParse(text, out _, out var error));
        Assert.Equal(IdentifierError.InvalidChecksum, error);
    }

    [Fact]
    public void ToPrinted_GroupsByFour()
    {
        Assert.Equal("BE68 5390 0754 7034", Iban.Parse("BE68539007547034").ToPrinted());
    }
}
