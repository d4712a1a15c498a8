namespace Bilansoft.Application.Mail;

/// <summary>
/// Sends e-mail through the configured provider: SendGrid in Azure, or .eml files in blob storage
/// for local work.
/// </summary>
public interface IMailSender
{
    /// <summary>
    /// Sends <paramref name="message"/> once. Transient provider failures are retried a bounded
    /// number of times before this method gives up.
    /// </summary>
    /// <returns>The provider's id of the accepted message.</returns>
    /// <exception cref="MailSendException">
    /// The provider rejected the message or stayed unreachable. <see cref="MailSendException.IsTransient"/>
    /// is true when sending it again later can succeed.
    /// </exception>
    Task<MailSendResult> SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>Outcome of an accepted message.</summary>
/// <param name="ProviderMessageId">
/// The provider's id of the message (SendGrid's <c>X-Message-Id</c>, or the file name of the .eml),
/// to match delivery events later; null when the provider accepted the message without one.
/// </param>
public sealed record MailSendResult(string? ProviderMessageId);
