namespace Bilansoft.Application.Mail;

/// <summary>
/// Identifiers that travel with an e-mail, so delivery events and log lines can be tied back to
/// the organisation and document. SendGrid receives them as <c>custom_args</c>; the .eml pickup
/// writes them as <c>X-Bilansoft-*</c> headers. They must not contain personal data.
/// </summary>
/// <param name="OrganisationId">The organisation on whose behalf the e-mail is sent.</param>
/// <param name="DocumentId">The invoice, reminder or other document the e-mail carries.</param>
/// <param name="CorrelationId">
/// The workflow's correlation id; when null, adapters use <see cref="Platform.CorrelationContext.Current"/>.
/// </param>
public sealed record MailMetadata(string? OrganisationId = null, string? DocumentId = null, string? CorrelationId = null)
{
    public static MailMetadata None { get; } = new();
}
