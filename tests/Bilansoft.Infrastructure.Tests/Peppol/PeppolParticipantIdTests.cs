using Bilansoft.Application.Peppol;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Infrastructure.Tests.Peppol;

public sealed class PeppolParticipantIdTests
{
    [Theory]
    [InlineData("0208:0123456749", "0208:0123456749")]
    [InlineData(" 0208:0123456749 ", "0208:0123456749")]
    [InlineData("iso6523-actorid-upis::0208:0123456749", "0208:0123456749")]
    [InlineData("9925:BE0123456749", "9925:be0123456749")]
    [InlineData("0088:5798000000001", "0088:5798000000001")]
    public void Parse_ValidText_ReturnsCompactLowerCase(string text, string expected)
    {
        var participant = PeppolParticipantId.Parse(text);

        Assert.Equal(expected, participant.Value);
    }

    [Fact]
    public void Parse_BelgianEnterpriseNumber_SplitsIcdAndIdentifier()
    {
        var participant = PeppolParticipantId.Parse("0208:0123456749");

        Assert.Equal("0208", participant.Icd);
        Assert.Equal("0123456749", participant.Identifier);
        Assert.Equal("0208:0123456749", participant.ToString());
    }

    [Theory]
    [InlineData(null, IdentifierError.Missing)]
    [InlineData("", IdentifierError.Missing)]
    [InlineData("0123456749", IdentifierError.InvalidFormat)]
    [InlineData("208:0123456749", IdentifierError.InvalidFormat)]
    [InlineData("BE08:0123456749", IdentifierError.InvalidFormat)]
    [InlineData("0208:", IdentifierError.InvalidFormat)]
    [InlineData("0088:57980 00001", IdentifierError.InvalidFormat)]
    [InlineData("0208:0123456748", IdentifierError.InvalidChecksum)]
    [InlineData("0208:123456749", IdentifierError.InvalidLength)]
    [InlineData("0208:0123.456.749", IdentifierError.InvalidFormat)]
    public void TryParse_InvalidText_ReportsError(string? text, IdentifierError expected)
    {
        var parsed = PeppolParticipantId.TryParse(text, out _, out var error);

        Assert.False(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_ValueLongerThan130_IsInvalidLength()
    {
        var parsed = PeppolParticipantId.TryParse("0088:" + new string('1', 126), out _, out var error);

        Assert.False(parsed);
        Assert.Equal(IdentifierError.InvalidLength, error);
    }

    [Fact]
    public void Equality_IgnoresCaseOfInput()
    {
        var upper = PeppolParticipantId.Parse("9925:BE0123456749");

        var lower = PeppolParticipantId.Parse("9925:be0123456749");

        Assert.Equal(upper, lower);
    }
}
