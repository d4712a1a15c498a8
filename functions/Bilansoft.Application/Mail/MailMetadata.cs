namespace Bilansoft.Application.Mail;

/// <summary>
/// Identifiers that travel with an e-mail, so delivery events and log lines can be tied back to
/// the organisation and document. SendGrid receives them as <c>custom_args</c>, and the .eml
/// pickup writes them as <c>X-Bilansoft-*</c> headers. They must not contain personal data.
/// </summary>
public sealed record MailMetadata
{
    /// <summary>Creates the metadata after checking that each value fits on one header line.</summary>
    /// <param name="organisationId">The organisation on whose behalf the e-mail is sent.</param>
    /// <param name="documentId">The invoice, reminder or other document the e-mail carries.</param>
    /// <param name="correlationId">
    /// The workflow's correlation id. When null, adapters use <see cref="Platform.CorrelationContext.Current"/>.
    /// </param>
    /// <exception cref="ArgumentException">A value contains a line break or another control character.</exception>
    public MailMetadata(string? organisationId = null, string? documentId = null, string? correlationId = null)
    {
        MailText.EnsureSingleLine(organisationId, nameof(organisationId));
        MailText.EnsureSingleLine(documentId, nameof(documentId));
        MailText.EnsureSingleLine(correlationId, nameof(correlationId));
        OrganisationId = organisationId;
        DocumentId = documentId;
        CorrelationId = correlationId;
    }

    public static MailMetadata None { get; } = new();

    public string? OrganisationId { get; }

    public string? DocumentId { get; }

    public string? CorrelationId { get; }
}
