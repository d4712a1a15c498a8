namespace Bilansoft.Domain.Sales;

/// <summary>
/// The part of a sales document that its author writes: customer, dates, texts and lines. A draft
/// takes a new content through <see cref="SalesDocument.Update"/>; an issued document keeps its
/// content for good.
/// </summary>
/// <remarks>
/// Validation, not construction, enforces the rules, so a draft can be saved incomplete.
/// Record equality compares <see cref="Lines"/> by reference.
/// </remarks>
public sealed record SalesDocumentContent
{
    /// <summary>Snapshot of the buyer (BG-7).</summary>
    public required CustomerSnapshot Customer { get; init; }

    /// <summary>
    /// Invoice issue date (BT-2). On a draft it is the intended date; issuing sets the actual date.
    /// </summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>
    /// Payment term in days after the issue date; when set, it decides <see cref="DueDate"/> and
    /// moves with the issue date.
    /// </summary>
    public int? PaymentTermDays { get; init; }

    /// <summary>A due date chosen as a date; used only when <see cref="PaymentTermDays"/> is null.</summary>
    public DateOnly? FixedDueDate { get; init; }

    /// <summary>
    /// Actual delivery date (BT-72), the date of the chargeable event when it differs from the issue
    /// date; null when it is the issue date.
    /// </summary>
    public DateOnly? DeliveryDate { get; init; }

    /// <summary>Buyer reference (BT-10), such as a purchase order number; null when absent.</summary>
    public string? Reference { get; init; }

    /// <summary>Invoice note (BT-22) printed on the document; null when absent.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// VAT exemption reason text (BT-120) for lines in <see cref="VatCategory.Exempt"/>, such as
    /// "art. 44 § 1 of the VAT Code"; required when such a line exists.
    /// </summary>
    public string? VatExemptionReason { get; init; }

    /// <summary>
    /// On a credit note, whether the customer returned the goods, so issuing it raises stock.
    /// Ignored on other kinds.
    /// </summary>
    public bool ReturnsGoods { get; init; }

    /// <summary>The lines, in the order printed.</summary>
    public IReadOnlyList<SalesLine> Lines { get; init; } = [];

    /// <summary>
    /// Payment due date (BT-9): the issue date plus <see cref="PaymentTermDays"/> when a term is set,
    /// otherwise <see cref="FixedDueDate"/>.
    /// </summary>
    public DateOnly? DueDate => PaymentTermDays is { } days ? IssueDate.AddDays(days) : FixedDueDate;

    /// <summary>
    /// Date of the chargeable event, which decides the VAT rates that apply: the delivery date when
    /// given, otherwise the issue date.
    /// </summary>
    public DateOnly TaxPointDate => DeliveryDate ?? IssueDate;

    /// <summary>Returns a copy with a payment term of <paramref name="days"/> days after the issue date.</summary>
    public SalesDocumentContent WithPaymentTerm(int days) => this with { PaymentTermDays = days, FixedDueDate = null };

    /// <summary>Returns a copy with a fixed due date instead of a payment term.</summary>
    public SalesDocumentContent WithDueDate(DateOnly dueDate) => this with { PaymentTermDays = null, FixedDueDate = dueDate };
}
