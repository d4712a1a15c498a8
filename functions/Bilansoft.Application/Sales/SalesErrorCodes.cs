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
    /// Violation: a value of a CSV import row is longer than an imported invoice takes; arguments
    /// <c>line</c>, <c>column</c>, <c>length</c> and <c>max</c>.
    /// </summary>
    public const string ImportValueTooLong = "invoice-import.value-too-long";

    /// <summary>Violation: a multipart/form-data import request has no file part; path <c>file</c>.</summary>
    public const string ImportMissingFile = "invoice-import.missing-file";

    /// <summary>
    /// Violation: the structured communication of a CSV import row is on a document already;
    /// arguments <c>line</c> and <c>value</c>.
    /// </summary>
    public const string ImportStructuredCommunicationInUse = "invoice-import.structured-communication-in-use";

    /// <summary>
    /// Problem (409): the invoice was imported from a previous tool, whose records contain its lines
    /// and VAT, so it is only paid here and never duplicated, merged or credited; argument
    /// <c>number</c>.
    /// </summary>
    public const string DocumentImported = "document.imported";

    /// <summary>
    /// Problem (409): a bank payment names an open item that is no sales invoice of the
    /// organisation, such as a credit note, a purchase invoice or an unknown id; argument <c>id</c>.
    /// </summary>
    public const string BankPaymentNotSalesInvoice = "bank-payment.not-a-sales-invoice";

    /// <summary>Problem (409): a bank payment is in another currency than the euro of the invoices; argument <c>currency</c>.</summary>
    public const string BankPaymentCurrencyNotEuro = "bank-payment.currency-not-euro";

    /// <summary>
    /// Problem (409): a bank payment is more than the invoice still has due, because the invoice was
    /// paid or credited after the bank transaction was matched; arguments <c>number</c>,
    /// <c>amount</c> and <c>amountDue</c>.
    /// </summary>
    public const string BankPaymentExceedsAmountDue = "bank-payment.exceeds-amount-due";

    /// <summary>
    /// Problem (409): the use case kept losing races with concurrent requests on the same rows and
    /// gave up; the client may retry.
    /// </summary>
    public const string ConcurrentChange = Organisations.OrganisationErrorCodes.ConcurrentChange;
}
