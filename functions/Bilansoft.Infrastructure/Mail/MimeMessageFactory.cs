using Bilansoft.Application.Mail;
using MimeKit;

namespace Bilansoft.Infrastructure.Mail;

/// <summary>Builds an RFC 5322 message with MimeKit from a <see cref="MailMessage"/>.</summary>
internal static class MimeMessageFactory
{
    /// <summary>Headers that carry <see cref="MailMetadata"/> in the .eml file.</summary>
    public const string OrganisationIdHeader = "X-Bilansoft-Organisation-Id";

    public const string DocumentIdHeader = "X-Bilansoft-Document-Id";
    public const string CorrelationIdHeader = "X-Bilansoft-Correlation-Id";

    /// <summary>
    /// Creates the message: <c>multipart/mixed</c> with a <c>multipart/alternative</c> text and HTML
    /// body when there are attachments, or the simplest structure that contains the bodies otherwise.
    /// The <c>Message-ID</c> is <paramref name="messageId"/> at the sender's domain.
    /// </summary>
    public static MimeMessage Create(MailMessage message, Application.Mail.MailAddress defaultFrom, string messageId, DateTimeOffset date, string? correlationId)
    {
        var from = message.From ?? defaultFrom;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = messageId + "@" + from.Address[(from.Address.LastIndexOf('@') + 1)..],
        };
        mime.From.Add(ToMailbox(from));
        mime.To.AddRange(message.To.Select(ToMailbox));
        if (message.ReplyTo is { } replyTo)
        {
            mime.ReplyTo.Add(ToMailbox(replyTo));
        }

        AddHeader(mime, OrganisationIdHeader, message.Metadata.OrganisationId);
        AddHeader(mime, DocumentIdHeader, message.Metadata.DocumentId);
        AddHeader(mime, CorrelationIdHeader, correlationId);

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static MailboxAddress ToMailbox(Application.Mail.MailAddress address) => new(address.DisplayName, address.Address);

    private static void AddHeader(MimeMessage mime, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            mime.Headers.Add(name, value);
        }
    }
}
