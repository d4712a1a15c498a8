using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Tests.Identifiers;

public class StructuredCommunicationTests
{
    [Theory]
    [InlineData(108068171L, "+++010/8068/17183+++")]
    [InlineData(1234567890L, "+++123/4567/89002+++")] // remainder 2 is written as 02
    [InlineData(2026000103L, "+++202/6000/10397+++")] // remainder 0 becomes 97
    public void FromBase_AddsCheckDigits(long baseNumber, string expected)
    {
        var communication = StructuredCommunication.FromBase(baseNumber);

        Assert.Equal(expected, communication.ToPrinted());
    }

    [Theory]
    [InlineData("+++010/8068/17183+++")]
    [InlineData("***010/8068/17183***")]
    [InlineData("010/8068/17183")]
    [InlineData("010 8068 17183")]
    [InlineData("010806817183")]
    [InlineData(" +++ 010 / 8068 / 17183 +++ ")]
    public void TryParse_AcceptsCommonNotations(string text)
    {
        var parsed = StructuredCommunication.TryParse(text, out var communication);

        Assert.True(parsed);
        Assert.Equal("010806817183", communication.Digits);
    }

    [Theory]
    [InlineData("", IdentifierError.Missing)]
    [InlineData("+++010/8068/17184+++", IdentifierError.InvalidChecksum)]
    [InlineData("000000000097", IdentifierError.InvalidChecksum)] // all-zero base is refused by banks
    [InlineData("01080681718", IdentifierError.InvalidLength)]
    [InlineData("01080681718A", IdentifierError.InvalidFormat)]
    public void TryParse_RejectsInvalidText(string text, IdentifierError expected)
    {
        var parsed = StructuredCommunication.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("Betaling factuur +++010/8068/17183+++ dank u")]
    [InlineData("REF 010/8068/17183 INV 2026-7")]
    [InlineData("paid 010806817183")]
    [InlineData("nr 123 ref 010 8068 17183")]
    public void TryFind_FindsCommunicationInFreeText(string text)
    {
        var found = StructuredCommunication.TryFind(text, out var communication);

        Assert.True(found);
        Assert.Equal("010806817183", communication.Digits);
    }

    [Theory]
    [InlineData("invoice 2026-0007 paid")]
    [InlineData("1010806817183")] // 13 digits: not a communication
    [InlineData("010806817184")] // wrong check digits
    public void TryFind_IgnoresTextWithoutValidCommunication(string text)
    {
        Assert.False(StructuredCommunication.TryFind(text, out _));
    }
}
