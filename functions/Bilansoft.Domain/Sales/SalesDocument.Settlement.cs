namespace Bilansoft.Domain.Sales;

/// <content>Payments and credits on an invoice, and the amounts and state that follow from them.</content>
public sealed partial class SalesDocument
{
    /// <summary>Sum of the recorded payments in euro (the paid part; BT-113 when the invoice is re-sent).</summary>
    public decimal AmountPaid => Payments.Sum(payment => payment.Amount);

    /// <summary>Sum of the totals with VAT of the issued credit notes counted against the invoice, in euro.</summary>
    public decimal CreditedAmount => Credits.Sum(credit => credit.Amount);

    /// <summary>
    /// What the customer still owes in euro: total with VAT (BT-112) − credited − paid, never below
    /// zero. The invoice state follows it: nothing paid is issued, part paid is partially paid,
    /// nothing left with a payment is paid, and credit notes equal to the total make it credited.
    /// </summary>
    public decimal AmountDue => Math.Max(0m, Totals.TotalWithVat - CreditedAmount - AmountPaid);

    /// <summary>
    /// What the organisation owes the customer in euro after an overpayment or a credit note on a
    /// paid invoice: paid + credited − total with VAT, never below zero. It is kept, not refunded,
    /// until the application settles it.
    /// </summary>
    public decimal CreditBalance => Math.Max(0m, AmountPaid + CreditedAmount - Totals.TotalWithVat);

    /// <summary>
    /// Amount in euro that credit notes may still credit: total with VAT − credited, never below
    /// zero.
    /// </summary>
    public decimal CreditableAmount => Math.Max(0m, Totals.TotalWithVat - CreditedAmount);

    /// <summary>
    /// Whether an issued invoice is overdue on <paramref name="today"/>: something is still due and
    /// the due date is before today. Derived on each call, never stored.
    /// </summary>
    public bool IsOverdue(DateOnly today) =>
        Kind == SalesDocumentKind.Invoice
        && Status is SalesDocumentStatus.Issued or SalesDocumentStatus.PartiallyPaid
        && AmountDue > 0m
        && Content.DueDate is { } dueDate
        && today > dueDate;

    /// <summary>Records a payment on an issued invoice and moves the state with the amounts.</summary>
    /// <returns>
    /// The invoice with the payment; <see cref="SalesFailureKind.Invalid"/> when the amount is not
    /// positive or has more than 2 decimals; <see cref="SalesFailureKind.Conflict"/> when the
    /// invoice is a draft or credited, or the payment identifier is already recorded.
    /// </returns>
    /// <exception cref="InvalidOperationException">The document is not an invoice.</exception>
    public SalesResult<SalesDocument> RecordPayment(InvoicePayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        RequireKind(SalesDocumentKind.Invoice);

        if (!SalesDocumentLifecycle.Allows(Kind, Status, SalesDocumentAction.RecordPayment))
        {
            return TransitionNotAllowed(SalesDocumentAction.RecordPayment);
        }

        var violations = new List<RuleViolation>();
        if (payment.Amount <= 0m)
        {
            violations.Add(Violation.Of(SalesRuleCodes.PaymentAmountNotPositive, "amount", ("value", payment.Amount)));
        }

        if (!AmountRounding.HasAtMostDecimals(payment.Amount, AmountRounding.AmountDecimals))
        {
            violations.Add(Violation.Of(SalesRuleCodes.PaymentAmountTooPrecise, "amount",
                ("value", payment.Amount),
                ("maximum", AmountRounding.AmountDecimals)));
        }

        if (violations.Count > 0)
        {
            return SalesResult<SalesDocument>.Invalid(violations);
        }

        if (Payments.Any(existing => existing.Id == payment.Id))
        {
            return SalesResult<SalesDocument>.Conflict(Violation.Of(SalesRuleCodes.PaymentDuplicate, "paymentId", ("paymentId", payment.Id)));
        }

        return Success(WithSettlement([.. Payments, payment], Credits));
    }

    /// <summary>Removes a recorded payment, as when a transfer was matched to the wrong invoice.</summary>
    /// <returns>
    /// The invoice without the payment and with its state moved back; <see cref="SalesFailureKind.Invalid"/>
    /// with <see cref="SalesRuleCodes.PaymentNotFound"/> for an unknown identifier;
    /// <see cref="SalesFailureKind.Conflict"/> for a draft.
    /// </returns>
    /// <exception cref="InvalidOperationException">The document is not an invoice.</exception>
    public SalesResult<SalesDocument> UndoPayment(PaymentId paymentId)
    {
        RequireKind(SalesDocumentKind.Invoice);

        if (!SalesDocumentLifecycle.Allows(Kind, Status, SalesDocumentAction.UndoPayment))
        {
            return TransitionNotAllowed(SalesDocumentAction.UndoPayment);
        }

        if (!Payments.Any(payment => payment.Id == paymentId))
        {
            return SalesResult<SalesDocument>.Invalid(Violation.Of(SalesRuleCodes.PaymentNotFound, "paymentId", ("paymentId", paymentId)));
        }

        return Success(WithSettlement([.. Payments.Where(payment => payment.Id != paymentId)], Credits));
    }

    private SalesDocument WithSettlement(IReadOnlyList<InvoicePayment> payments, IReadOnlyList<AppliedCredit> credits)
    {
        var total = Totals.TotalWithVat;
        var paid = payments.Sum(payment => payment.Amount);
        var credited = credits.Sum(credit => credit.Amount);

        var status = (credited > 0m && credited >= total) ? SalesDocumentStatus.Credited
            : (paid > 0m && paid + credited >= total) ? SalesDocumentStatus.Paid
            : paid > 0m ? SalesDocumentStatus.PartiallyPaid
            : SalesDocumentStatus.Issued;

        return With(status: status, payments: payments, credits: credits);
    }
}
