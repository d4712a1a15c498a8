using Bilansoft.Application.Mail;
using SendGrid.Helpers.Mail;

namespace Bilansoft.Infrastructure.Mail;

/// <summary>Maps a <see cref="MailMessage"/> to the request body of SendGrid's v3 Mail Send API.</summary>
internal static class SendGridMessageFactory
{
    /// <summary>Names of the <c>custom_args</c> that carry <see cref="MailMetadata"/>; SendGrid returns them in its event webhook.</summary>
    public const string OrganisationIdArg = "organisationId";

    public const string DocumentIdArg = "documentId";
    public const string CorrelationIdArg = "correlationId";

    public static SendGridMessage Create(MailMessage message, Application.Mail.MailAddress defaultFrom, string? correlationId)
    {
        var from = message.From ?? defaultFrom;
        var request = new SendGridMessage
        {
            From = ToEmailAddress(from),
            Subject = message.Subject,
            PlainTextContent = message.TextBody,
            HtmlContent = message.HtmlBody,
        };
        request.AddTos(message.To.Select(ToEmailAddress).ToList());
        if (message.ReplyTo is { } replyTo)
        {
            request.SetReplyTo(ToEmailAddress(replyTo));
        }

        foreach (var attachment in message.Attachments)
        {
            request.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content.Span), attachment.ContentType, "attachment");
        }

        AddArg(request, OrganisationIdArg, message.Metadata.OrganisationId);
        AddArg(request, DocumentIdArg, message.Metadata.DocumentId);
        AddArg(request, CorrelationIdArg, correlationId);
        return request;
    }

    private static EmailAddress ToEmailAddress(Application.Mail.MailAddress address) => new(address.Address, address.DisplayName);

    private static void AddArg(SendGridMessage request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.AddGlobalCustomArg(name, value);
        }
    }
}
