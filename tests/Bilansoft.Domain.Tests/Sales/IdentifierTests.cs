using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class IdentifierTests
{
    [Fact]
    public void SalesDocumentId_ToStringThenTryParse_RoundTrips()
    {
        var id = SalesDocumentId.New();

        var parsed = SalesDocumentId.TryParse(id.ToString(), out var result);

        Assert.True(parsed);
        Assert.Equal(id, result);
    }

    [Theory]
    [InlineData(null)] // absent
    [InlineData("invoice-7")] // not a GUID
    [InlineData("00000000-0000-0000-0000-000000000000")] // the empty GUID is no document
    public void SalesDocumentId_TryParse_RejectsInvalidText(string? text)
    {
        var parsed = SalesDocumentId.TryParse(text, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void PaymentId_ToStringThenTryParse_RoundTrips()
    {
        var id = PaymentId.New();

        var parsed = PaymentId.TryParse(id.ToString(), out var result);

        Assert.True(parsed);
        Assert.Equal(id, result);
    }

    [Fact]
    public void SalesResult_ValueOfFailure_Throws()
    {
        var result = SalesBuilder.IssuedInvoice().Update(SalesBuilder.Content());

        Assert.Throws<InvalidOperationException>(() => result.Value);
    }
}
