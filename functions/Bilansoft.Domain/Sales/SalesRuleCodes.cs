namespace Bilansoft.Domain.Sales;

/// <summary>
/// Every <see cref="RuleViolation.Code"/> the sales model reports, in one place so the application
/// can localise each of them. Codes are stable: a released code never changes meaning.
/// </summary>
public static class SalesRuleCodes
{
    /// <summary>The document has no customer.</summary>
    public const string CustomerMissing = "customer.missing";

    /// <summary>The customer name (BT-44) is empty.</summary>
    public const string CustomerNameMissing = "customer.name-missing";

    /// <summary>The customer address has no country code (BT-55).</summary>
    public const string CustomerCountryMissing = "customer.country-missing";

    /// <summary>The document has no lines (EN 16931 BR-16).</summary>
    public const string LinesMissing = "document.lines-missing";

    /// <summary>The document has more lines than allowed; arguments <c>count</c> and <c>maximum</c>.</summary>
    public const string TooManyLines = "document.too-many-lines";

    /// <summary>The due date is before the issue date; arguments <c>issueDate</c> and <c>dueDate</c>.</summary>
    public const string DueDateBeforeIssueDate = "document.due-date-before-issue-date";

    /// <summary>
    /// An invoice with an amount to pay has neither a due date nor a payment term (EN 16931
    /// BR-CO-25).
    /// </summary>
    public const string DueDateMissing = "document.due-date-missing";

    /// <summary>
    /// A business customer gets more than 60 days to pay, which the law of 2 August 2002 on late
    /// payment forbids; arguments <c>days</c> and <c>maximum</c>.
    /// </summary>
    public const string PaymentTermTooLong = "document.payment-term-too-long";

    /// <summary>
    /// The total with VAT (BT-112) of an invoice or credit note is negative; the other document
    /// kind must be used instead.
    /// </summary>
    public const string TotalNegative = "document.total-negative";

    /// <summary>
    /// The document is no longer a draft and cannot change; argument <c>status</c>. A conflict
    /// (HTTP 409).
    /// </summary>
    public const string DocumentImmutable = "document.immutable";

    /// <summary>
    /// The action is not allowed in the document's state; arguments <c>kind</c>, <c>status</c> and
    /// <c>action</c>. A conflict (HTTP 409).
    /// </summary>
    public const string TransitionNotAllowed = "document.transition-not-allowed";

    /// <summary>
    /// A document cannot be the source of the requested conversion or merge; arguments <c>kind</c>
    /// and <c>status</c>.
    /// </summary>
    public const string SourceNotAllowed = "document.source-not-allowed";

    /// <summary>Documents to merge or convert together belong to different customers.</summary>
    public const string CustomerMismatch = "document.customer-mismatch";

    /// <summary>A conversion was given no source documents, such as an invoice from no delivery notes.</summary>
    public const string SourcesMissing = "document.sources-missing";

    /// <summary>A merge needs at least two draft invoices; argument <c>count</c>.</summary>
    public const string MergeNeedsTwoDocuments = "document.merge-needs-two-documents";

    /// <summary>The line description (BT-153) is empty.</summary>
    public const string LineDescriptionMissing = "line.description-missing";

    /// <summary>The quantity (BT-129) is zero.</summary>
    public const string LineQuantityZero = "line.quantity-zero";

    /// <summary>The quantity is negative on a document kind that needs positive quantities; argument <c>value</c>.</summary>
    public const string LineQuantityNegative = "line.quantity-negative";

    /// <summary>The unit price (BT-146) is negative (EN 16931 BR-27); argument <c>value</c>.</summary>
    public const string LineUnitPriceNegative = "line.unit-price-negative";

    /// <summary>The unit price has more than 4 decimals; arguments <c>value</c> and <c>maximum</c>.</summary>
    public const string LineUnitPriceTooPrecise = "line.unit-price-too-precise";

    /// <summary>The discount is below 0 or above 100 %; argument <c>value</c>.</summary>
    public const string LineDiscountOutOfRange = "line.discount-out-of-range";

    /// <summary>The line has no VAT category.</summary>
    public const string LineVatCategoryMissing = "line.vat-category-missing";

    /// <summary>The VAT rate does not exist on the date of the chargeable event; arguments <c>rate</c> and <c>date</c>.</summary>
    public const string VatRateUnknown = "vat.rate-unknown";

    /// <summary>The VAT rate is not allowed in the line's category; arguments <c>rate</c> and <c>category</c>.</summary>
    public const string VatRateNotAllowed = "vat.rate-not-allowed-for-category";

    /// <summary>
    /// An intra-Community supply of goods or service needs a business customer with a valid EU VAT
    /// number from a member state other than Belgium; argument <c>category</c>.
    /// </summary>
    public const string IntraCommunityRequiresEuVatNumber = "vat.intra-community-requires-eu-vat-number";

    /// <summary>Domestic reverse charge needs a customer with a Belgian VAT number.</summary>
    public const string ReverseChargeRequiresBelgianVatNumber = "vat.reverse-charge-requires-belgian-vat-number";

    /// <summary>Domestic reverse charge does not apply to a consumer.</summary>
    public const string ReverseChargeToConsumer = "vat.reverse-charge-to-consumer";

    /// <summary>An export line goes to a customer in an EU member state; argument <c>countryCode</c>.</summary>
    public const string ExportToEuCustomer = "vat.export-to-eu-customer";

    /// <summary>The small-enterprise exemption is used by a seller who is not under the scheme.</summary>
    public const string SmallEnterpriseSchemeNotApplicable = "vat.small-enterprise-scheme-not-applicable";

    /// <summary>A seller under the small-enterprise scheme uses another category; argument <c>category</c>.</summary>
    public const string SmallEnterpriseSchemeRequired = "vat.small-enterprise-scheme-required";

    /// <summary>An exempt line needs an exemption reason (BT-120) on the document.</summary>
    public const string ExemptionReasonMissing = "vat.exemption-reason-missing";

    /// <summary>A payment amount is zero or negative; argument <c>value</c>.</summary>
    public const string PaymentAmountNotPositive = "payment.amount-not-positive";

    /// <summary>A payment amount has more than 2 decimals; arguments <c>value</c> and <c>maximum</c>.</summary>
    public const string PaymentAmountTooPrecise = "payment.amount-too-precise";

    /// <summary>No payment with the given identifier is recorded on the invoice; argument <c>paymentId</c>.</summary>
    public const string PaymentNotFound = "payment.not-found";

    /// <summary>A payment with the same identifier is already recorded; argument <c>paymentId</c>. A conflict (HTTP 409).</summary>
    public const string PaymentDuplicate = "payment.duplicate";

    /// <summary>
    /// Issuing the credit note would credit more than the invoice total; arguments
    /// <c>invoiceTotal</c>, <c>alreadyCredited</c> and <c>creditNoteTotal</c>.
    /// </summary>
    public const string CreditExceedsInvoiceTotal = "credit-note.exceeds-invoice-total";

    /// <summary>
    /// The invoice to credit is not issued or is already fully credited; argument <c>status</c>. A
    /// conflict (HTTP 409).
    /// </summary>
    public const string CreditNoteInvoiceNotCreditable = "credit-note.invoice-not-creditable";

    /// <summary>The credit note is not linked to the invoice given to issue it against.</summary>
    public const string CreditNoteInvoiceMismatch = "credit-note.invoice-mismatch";

    /// <summary>A numbering series index is outside 0 to 9; argument <c>value</c>.</summary>
    public const string NumberingSeriesIndexOutOfRange = "numbering.series-index-out-of-range";

    /// <summary>A numbering padding width is outside 0 to 7; argument <c>value</c>.</summary>
    public const string NumberingPaddingOutOfRange = "numbering.padding-out-of-range";

    /// <summary>
    /// A number is requested for a year before the series counter's year; arguments <c>year</c> and
    /// <c>counterYear</c>.
    /// </summary>
    public const string NumberingYearBeforeCounter = "numbering.year-before-counter";

    /// <summary>The series has used its last sequence number; argument <c>maximum</c>.</summary>
    public const string NumberingSequenceExhausted = "numbering.sequence-exhausted";

    /// <summary>Every code above, for the application's message catalogue and its completeness test.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CustomerMissing,
        CustomerNameMissing,
        CustomerCountryMissing,
        LinesMissing,
        TooManyLines,
        DueDateMissing,
        DueDateBeforeIssueDate,
        PaymentTermTooLong,
        TotalNegative,
        DocumentImmutable,
        TransitionNotAllowed,
        SourceNotAllowed,
        CustomerMismatch,
        SourcesMissing,
        MergeNeedsTwoDocuments,
        LineDescriptionMissing,
        LineQuantityZero,
        LineQuantityNegative,
        LineUnitPriceNegative,
        LineUnitPriceTooPrecise,
        LineDiscountOutOfRange,
        LineVatCategoryMissing,
        VatRateUnknown,
        VatRateNotAllowed,
        IntraCommunityRequiresEuVatNumber,
        ReverseChargeRequiresBelgianVatNumber,
        ReverseChargeToConsumer,
        ExportToEuCustomer,
        SmallEnterpriseSchemeNotApplicable,
        SmallEnterpriseSchemeRequired,
        ExemptionReasonMissing,
        PaymentAmountNotPositive,
        PaymentAmountTooPrecise,
        PaymentNotFound,
        PaymentDuplicate,
        CreditExceedsInvoiceTotal,
        CreditNoteInvoiceNotCreditable,
        CreditNoteInvoiceMismatch,
        NumberingSeriesIndexOutOfRange,
        NumberingPaddingOutOfRange,
        NumberingYearBeforeCounter,
        NumberingSequenceExhausted,
    ];
}
