using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Tests.Banking;

public class StructuredCommunicationFindAllTests
{
    [Fact]
    public void FindAll_ReturnsEachValidCommunicationOnce()
    {
        var found = StructuredCommunication.FindAll("+++202/6000/10397+++ 123 4567 89002, 202600010397 and 123456789003");

        Assert.Equal(["202600010397", "123456789002"], found.Select(communication => communication.Digits));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no digits here")]
    [InlineData("1234567890021")] // 13 digits: part of a longer number
    public void FindAll_NothingValid_IsEmpty(string? text)
    {
        Assert.Empty(StructuredCommunication.FindAll(text));
    }
}
