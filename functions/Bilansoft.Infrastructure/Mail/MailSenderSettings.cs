namespace Bilansoft.Infrastructure.Mail;

/// <summary>Reads the configured sender shared by the SendGrid and pickup adapters.</summary>
internal static class MailSenderSettings
{
    /// <summary>Returns the sender from <c>SendGrid__FromAddress</c> and <c>SendGrid__FromName</c>, or null when no address is set.</summary>
    /// <exception cref="InvalidOperationException">The configured address or name is invalid.</exception>
    public static Application.Mail.MailAddress? ConfiguredSender(SendGridOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            return null;
        }

        try
        {
            return new Application.Mail.MailAddress(options.FromAddress.Trim(), options.FromName);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException("SendGrid__FromAddress or SendGrid__FromName is invalid; set a bare address such as invoices@example.be and a one-line name.", exception);
        }
    }
}
