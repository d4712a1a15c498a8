namespace Bilansoft.Application.Mail;

/// <summary>
/// An e-mail to send: recipients, subject, a plain-text body with an optional HTML alternative,
/// attachments and the identifiers that travel with it.
/// </summary>
public sealed class MailMessage
{
    /// <summary>Creates a message with its required parts.</summary>
    /// <param name="to">One or more recipients. An address listed twice (in any case) is kept once, because SendGrid rejects duplicates.</param>
    /// <param name="subject">The subject line; it must not be empty or contain line breaks.</param>
    /// <param name="textBody">The plain-text body, which every mail client can show.</param>
    /// <exception cref="ArgumentException">There is no recipient, or the subject is empty or contains control characters.</exception>
    public MailMessage(IReadOnlyList<MailAddress> to, string subject, string textBody)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(textBody);
        if (to.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(to));
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            throw new ArgumentException("A message needs a subject.", nameof(subject));
        }

        MailText.EnsureSingleLine(subject, nameof(subject));
        To = to.DistinctBy(address => address.Address, StringComparer.OrdinalIgnoreCase).ToList();
        Subject = subject;
        TextBody = textBody;
    }

    public IReadOnlyList<MailAddress> To { get; }

    public string Subject { get; }

    public string TextBody { get; }

    /// <summary>
    /// The sender; null to use the configured sender (<c>SendGrid__FromAddress</c>). A provider
    /// may reject a sender whose domain it has not verified.
    /// </summary>
    public MailAddress? From { get; init; }

    /// <summary>Where replies go, typically the organisation's own address while <see cref="From"/> is the platform's.</summary>
    public MailAddress? ReplyTo { get; init; }

    /// <summary>An HTML alternative of <see cref="TextBody"/>; null to send plain text only.</summary>
    public string? HtmlBody { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    public MailMetadata Metadata { get; init; } = MailMetadata.None;
}
