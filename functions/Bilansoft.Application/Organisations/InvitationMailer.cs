using Bilansoft.Application.Localization;
using Bilansoft.Application.Mail;

namespace Bilansoft.Application.Organisations;

/// <summary>Writes the invitation e-mail in the organisation's language and sends it.</summary>
public sealed class InvitationMailer : IInvitationMailer
{
    private static readonly TextCatalog Texts = new("Mails");

    private readonly IMailSender _sender;

    public InvitationMailer(IMailSender sender) => _sender = sender;

    public async Task SendAsync(InvitationMail mail, CancellationToken cancellationToken)
    {
        var language = mail.Language;
        var arguments = new Dictionary<string, object?>
        {
            ["inviter"] = string.IsNullOrWhiteSpace(mail.InviterName) ? Texts.Get("invitation.someone", language) : mail.InviterName,
            ["organisation"] = mail.OrganisationName,
            ["role"] = ProblemTexts.EnumName(mail.Role, language),
            ["link"] = mail.AcceptUrl.AbsoluteUri,
            ["expiresAt"] = mail.ExpiresAt,
        };

        var message = new MailMessage(
            [new MailAddress(mail.Email)],
            Texts.Get("invitation.subject", language, arguments),
            Texts.Get("invitation.body", language, arguments))
        {
            Metadata = new MailMetadata(mail.OrganisationId, mail.InvitationId),
        };
        await _sender.SendAsync(message, cancellationToken);
    }
}
