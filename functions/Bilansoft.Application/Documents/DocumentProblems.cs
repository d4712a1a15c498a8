using Bilansoft.Application.Errors;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Documents;

/// <summary>Problem and violation codes of rendered documents, their delivery and the house style.</summary>
public static class DocumentErrorCodes
{
    /// <summary>A draft has no number yet, so it has no PDF and cannot be sent (409).</summary>
    public const string DocumentNotIssued = "document-not-issued";

    /// <summary>
    /// The buyer of an invoice or credit note has no electronic address (no Peppol id, enterprise
    /// number or VAT number), so the document has no Peppol UBL form (409).
    /// </summary>
    public const string DocumentHasNoUbl = "document-has-no-ubl";

    /// <summary>The organisation profile lacks a mention every document must print (409); <c>fields</c> lists them.</summary>
    public const string OrganisationProfileIncomplete = "organisation-profile-incomplete";

    /// <summary>Violation: the customer has no invoice e-mail address, so the e-mail channel cannot be used.</summary>
    public const string RecipientEmailMissing = "delivery.email-missing";

    /// <summary>Violation: the customer has no Peppol participant id, so the Peppol channel cannot be used.</summary>
    public const string RecipientPeppolIdMissing = "delivery.peppol-id-missing";

    /// <summary>Violation: the organisation has no enterprise number, which is its Peppol participant id.</summary>
    public const string SenderPeppolIdMissing = "delivery.sender-peppol-id-missing";

    /// <summary>A webhook request is not signed with the source's secret, or its signature is stale (401); <c>reason</c> names the failed check.</summary>
    public const string WebhookRejected = "webhook-rejected";

    /// <summary>Violation: a colour is not of the form <c>#RRGGBB</c>.</summary>
    public const string InvalidColour = "invalid-colour";

    /// <summary>Violation: the letterhead is not a PDF that can be drawn under the pages.</summary>
    public const string LetterheadInvalid = "letterhead-invalid";
}

/// <summary>Builds the problems of <see cref="DocumentErrorCodes"/>.</summary>
public static class DocumentProblems
{
    public static ProblemException NotIssued(SalesDocument document) =>
        ProblemException.Conflict(DocumentErrorCodes.DocumentNotIssued, new Dictionary<string, object?>
        {
            ["resource"] = SalesKinds.Name(document.Kind),
            ["id"] = SalesIds.Format(document.Id),
        });

    public static ProblemException NoUbl(SalesDocument document) =>
        ProblemException.Conflict(DocumentErrorCodes.DocumentHasNoUbl, new Dictionary<string, object?>
        {
            ["resource"] = SalesKinds.Name(document.Kind),
            ["id"] = SalesIds.Format(document.Id),
        });

    public static ProblemException ProfileIncomplete(IReadOnlyList<string> fields) =>
        ProblemException.Conflict(DocumentErrorCodes.OrganisationProfileIncomplete, new Dictionary<string, object?>
        {
            ["fields"] = string.Join(", ", fields),
        });
}
