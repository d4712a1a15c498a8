namespace Bilansoft.Application.Sales;

/// <summary>
/// Violation and problem codes of the sales use cases, beside the domain's
/// <see cref="Domain.Sales.SalesRuleCodes"/>.
/// </summary>
public static class SalesErrorCodes
{
    /// <summary>Violation: no customer with that id exists in the organisation; argument <c>id</c>.</summary>
    public const string CustomerUnknown = "customer.unknown";

    /// <summary>Violation: no product with that id exists in the organisation; argument <c>id</c>.</summary>
    public const string ProductUnknown = "product.unknown";

    /// <summary>Violation: no document of the expected kind with that id exists; arguments <c>id</c> and <c>kind</c>.</summary>
    public const string DocumentUnknown = "document.unknown";

    /// <summary>Violation: a date is not written as <c>yyyy-MM-dd</c>; argument <c>value</c>.</summary>
    public const string InvalidDate = "invalid-date";

    /// <summary>Violation: a request lists the same document twice; argument <c>value</c>.</summary>
    public const string DocumentListedTwice = "document.listed-twice";

    /// <summary>
    /// Violation: issuing would change the stock of more tracked products than one transaction can
    /// hold; arguments <c>count</c> and <c>maximum</c>.
    /// </summary>
    public const string TooManyStockProducts = "document.too-many-stock-products";

    /// <summary>Violation: a payment is dated after today; arguments <c>date</c> and <c>today</c>.</summary>
    public const string PaymentDateInFuture = "payment.date-in-future";

    /// <summary>Violation: a credit note names another customer than the invoice it credits.</summary>
    public const string CreditNoteCustomerFixed = "credit-note.customer-fixed";

    /// <summary>Violation: a number prefix or separator has characters other than letters, digits and <c>- _ . /</c>; argument <c>value</c>.</summary>
    public const string NumberingInvalidCharacters = "numbering.invalid-characters";

    /// <summary>
    /// Violation: two document kinds share a series index but not its format, so their numbers
    /// would interleave in one sequence under different forms; argument <c>index</c>.
    /// </summary>
    public const string NumberingSeriesSharedDifferently = "numbering.series-shared-differently";

    /// <summary>Violation: the next number would repeat or precede a number already given; arguments <c>value</c> and <c>minimum</c>.</summary>
    public const string NumberingNextSequenceTooLow = "numbering.next-sequence-too-low";

    /// <summary>Violation: another document already carries the structured communication; argument <c>value</c>.</summary>
    public const string StructuredCommunicationInUse = "structured-communication-in-use";

    /// <summary>
    /// Problem (409): the invoice was imported from a previous tool, whose records contain its lines
    /// and VAT, so it is only paid here and never duplicated, merged or credited; argument
    /// <c>number</c>.
    /// </summary>
    public const string DocumentImported = "document.imported";

    /// <summary>
    /// Problem (409): the use case kept losing races with concurrent requests on the same rows and
    /// gave up; the client may retry.
    /// </summary>
    public const string ConcurrentChange = Organisations.OrganisationErrorCodes.ConcurrentChange;
}
