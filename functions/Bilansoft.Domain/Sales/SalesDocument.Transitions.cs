namespace Bilansoft.Domain.Sales;

/// <content>Sending and issuing documents, and recording the customer's decision on a quote.</content>
public sealed partial class SalesDocument
{
    /// <summary>
    /// Issues a draft invoice or delivery note: validates it, sets the issue date (moving a due date
    /// set by payment term with it) and the number, and for an invoice derives the structured
    /// communication from the number.
    /// </summary>
    /// <param name="number">The next number of the document's series, from <see cref="NumberingSeries.Next"/>.</param>
    /// <param name="issueDate">The actual issue date, normally today in Europe/Brussels.</param>
    /// <param name="options">Seller facts and configuration used by validation.</param>
    /// <returns>
    /// The issued document; a <see cref="SalesFailureKind.Conflict"/> when it is not a draft; or
    /// <see cref="SalesFailureKind.Invalid"/> with every violation of <see cref="SalesDocumentValidator"/>.
    /// </returns>
    /// <exception cref="InvalidOperationException">
    /// The document is a quote (use <see cref="Send"/>) or a credit note (use <see cref="IssueCreditNote"/>).
    /// </exception>
    public SalesResult<SalesDocument> Issue(DocumentNumber number, DateOnly issueDate, SalesValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(options);

        if (Kind is not (SalesDocumentKind.Invoice or SalesDocumentKind.DeliveryNote))
        {
            throw new InvalidOperationException($"A {Kind} is not issued with {nameof(Issue)}; quotes use {nameof(Send)} and credit notes {nameof(IssueCreditNote)}.");
        }

        return Finalise(SalesDocumentAction.Issue, SalesDocumentStatus.Issued, number, issueDate, options);
    }

    /// <summary>
    /// Sends a draft quote: validates it, sets the issue date and the number. A sent quote can no
    /// longer change; send a duplicate for a new version.
    /// </summary>
    /// <returns>
    /// The sent quote; a <see cref="SalesFailureKind.Conflict"/> when it is not a draft; or
    /// <see cref="SalesFailureKind.Invalid"/> with every validation violation.
    /// </returns>
    /// <exception cref="InvalidOperationException">The document is not a quote.</exception>
    public SalesResult<SalesDocument> Send(DocumentNumber number, DateOnly issueDate, SalesValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(options);
        RequireKind(SalesDocumentKind.Quote);

        return Finalise(SalesDocumentAction.Send, SalesDocumentStatus.Sent, number, issueDate, options);
    }

    /// <summary>Records that the customer accepted a sent quote.</summary>
    /// <returns>The accepted quote, or a <see cref="SalesFailureKind.Conflict"/> unless the quote is sent.</returns>
    /// <exception cref="InvalidOperationException">The document is not a quote.</exception>
    public SalesResult<SalesDocument> Accept() => Answer(SalesDocumentAction.Accept, SalesDocumentStatus.Accepted);

    /// <summary>Records that the customer declined a sent quote.</summary>
    /// <returns>The declined quote, or a <see cref="SalesFailureKind.Conflict"/> unless the quote is sent.</returns>
    /// <exception cref="InvalidOperationException">The document is not a quote.</exception>
    public SalesResult<SalesDocument> Decline() => Answer(SalesDocumentAction.Decline, SalesDocumentStatus.Declined);

    /// <summary>Records that a sent quote expired before the customer decided.</summary>
    /// <returns>The expired quote, or a <see cref="SalesFailureKind.Conflict"/> unless the quote is sent.</returns>
    /// <exception cref="InvalidOperationException">The document is not a quote.</exception>
    public SalesResult<SalesDocument> Expire() => Answer(SalesDocumentAction.Expire, SalesDocumentStatus.Expired);

    private SalesResult<SalesDocument> Answer(SalesDocumentAction action, SalesDocumentStatus next)
    {
        RequireKind(SalesDocumentKind.Quote);

        return SalesDocumentLifecycle.Allows(Kind, Status, action)
            ? Success(With(status: next))
            : TransitionNotAllowed(action);
    }

    private SalesResult<SalesDocument> Finalise(
        SalesDocumentAction action,
        SalesDocumentStatus next,
        DocumentNumber number,
        DateOnly issueDate,
        SalesValidationOptions options)
    {
        if (!SalesDocumentLifecycle.Allows(Kind, Status, action))
        {
            return TransitionNotAllowed(action);
        }

        var content = Content with { IssueDate = issueDate };
        var violations = SalesDocumentValidator.Validate(Kind, content, options);
        if (violations.Count > 0)
        {
            return SalesResult<SalesDocument>.Invalid(violations);
        }

        var communication = Kind == SalesDocumentKind.Invoice ? StructuredCommunicationScheme.For(number) : (Identifiers.StructuredCommunication?)null;
        return Success(With(status: next, content: content, number: number, structuredCommunication: communication));
    }

    private void RequireKind(SalesDocumentKind kind)
    {
        if (Kind != kind)
        {
            throw new InvalidOperationException($"This operation applies to a {kind}, not to a {Kind}.");
        }
    }
}
