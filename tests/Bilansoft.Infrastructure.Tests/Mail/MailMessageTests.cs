using Bilansoft.Application.Mail;

namespace Bilansoft.Infrastructure.Tests.Mail;

public sealed class MailMessageTests
{
    [Fact]
    public void Message_NoRecipients_IsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new MailMessage([], "Factuur", "Tekst"));

        Assert.Equal("to", exception.ParamName);
    }

    [Theory]
    [InlineData("", "an empty subject says nothing to the recipient")]
    [InlineData("Factuur\r\nBcc: victim@example.be", "a line break would start a header of its own")]
    public void Message_InvalidSubject_IsRejected(string subject, string reason)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MailMessage([new MailAddress("customer@example.be")], subject, "Tekst"));

        Assert.True(exception.ParamName == "subject", reason);
    }

    [Fact]
    public void Message_RecipientListedTwice_IsKeptOnce()
    {
        var message = new MailMessage([new MailAddress("customer@example.be"), new MailAddress("Customer@Example.be")], "Factuur", "Tekst");

        Assert.Equal("customer@example.be", Assert.Single(message.To).Address);
    }

    [Theory]
    [InlineData("not-an-address", "no @ and domain")]
    [InlineData("Klant <customer@example.be>", "a display name belongs in its own parameter")]
    [InlineData("customer@example.be\r\nBcc: victim@example.be", "a line break would start a header of its own")]
    [InlineData(" ", "blank")]
    public void Address_Invalid_IsRejected(string address, string reason)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MailAddress(address));

        Assert.True(exception.ParamName == "address", reason);
    }

    [Fact]
    public void Address_DisplayNameWithLineBreak_IsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new MailAddress("customer@example.be", "Klant\nBcc: victim@example.be"));

        Assert.Equal("displayName", exception.ParamName);
    }

    [Fact]
    public void Address_ToString_LeavesAddressOut()
    {
        var address = new MailAddress("customer@example.be", "Klant NV");

        var text = address.ToString();

        Assert.DoesNotContain("customer@example.be", text, StringComparison.Ordinal);
        Assert.Contains("Klant NV", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_ValueWithLineBreak_IsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new MailMetadata("org-7", "inv-1\r\nBcc: victim@example.be"));

        Assert.Equal("documentId", exception.ParamName);
    }

    [Theory]
    [InlineData("../factuur.pdf", "application/pdf", "fileName")]
    [InlineData("map\\factuur.pdf", "application/pdf", "fileName")]
    [InlineData("", "application/pdf", "fileName")]
    [InlineData("factuur.pdf", "pdf", "contentType")]
    [InlineData("factuur.pdf", "application/", "contentType")]
    [InlineData("factuur.pdf", "application/pdf\r\nX-Injected: 1", "contentType")]
    public void Attachment_InvalidNameOrType_IsRejected(string fileName, string contentType, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MailAttachment(fileName, contentType, new byte[] { 1 }));

        Assert.Equal(parameter, exception.ParamName);
    }
}
