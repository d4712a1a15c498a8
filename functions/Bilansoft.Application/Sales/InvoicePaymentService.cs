using System.Globalization;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>A payment as a client sends it, before validation.</summary>
/// <param name="Amount">Amount received in euro, at most 2 decimals.</param>
/// <param name="Date">Date the money was received; not after today.</param>
/// <param name="Reference">Bank reference or note.</param>
public sealed record PaymentInput(decimal? Amount, DateOnly? Date, string? Reference);

/// <summary>
/// Records payments on issued invoices and removes them again. The invoice's state and amount due
/// follow from the payments; each change writes a <c>payment-registered</c> queue message.
/// </summary>
public sealed class InvoicePaymentService
{
    private const int MaxReferenceLength = 140;

    private readonly SalesDocuments _documents;

    public InvoicePaymentService(SalesDocuments documents) => _documents = documents;

    /// <summary>Records a payment; more than the amount due leaves a credit balance.</summary>
    /// <returns>The invoice and the recorded payment.</returns>
    /// <exception cref="ProblemException">
    /// Not found; 412 on a stale If-Match; 400 for an invalid amount or date; 409 when the invoice
    /// is a draft or credited.
    /// </exception>
    public async Task<(Versioned<SalesDocumentRecord> Invoice, InvoicePayment Payment)> RecordAsync(
        OrganisationAccess access, string invoiceId, PaymentInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var payment = Validate(input, _documents.Today);

        var invoice = await _documents.Transactions.RunAsync("invoice.record-payment", invoiceId, async () =>
        {
            var current = await _documents.LoadAsync(access.OrganisationId, SalesDocumentKind.Invoice, invoiceId, cancellationToken);
            SalesDocuments.CheckIfMatch(current, ifMatch);
            var paid = current.Value.Document.RecordPayment(payment).ValueOrThrow();

            return await CommitAsync(access, current, paid, payment, undone: false, cancellationToken);
        }, cancellationToken);
        return (invoice, payment);
    }

    /// <summary>Removes a recorded payment, as when a transfer was matched to the wrong invoice.</summary>
    /// <exception cref="ProblemException">Not found (invoice or payment); 412 on a stale If-Match.</exception>
    public async Task<Versioned<SalesDocumentRecord>> UndoAsync(
        OrganisationAccess access, string invoiceId, string paymentId, string? ifMatch, CancellationToken cancellationToken) =>
        await _documents.Transactions.RunAsync("invoice.undo-payment", invoiceId, async () =>
        {
            var current = await _documents.LoadAsync(access.OrganisationId, SalesDocumentKind.Invoice, invoiceId, cancellationToken);
            SalesDocuments.CheckIfMatch(current, ifMatch);
            var payment = PaymentId.TryParse(paymentId, out var id) ? current.Value.Document.Payments.FirstOrDefault(p => p.Id == id) : null;
            if (payment is null)
            {
                throw ProblemException.NotFound("payment", paymentId);
            }

            var unpaid = current.Value.Document.UndoPayment(payment.Id).ValueOrThrow();
            return await CommitAsync(access, current, unpaid, payment, undone: true, cancellationToken);
        }, cancellationToken);

    private async Task<Versioned<SalesDocumentRecord>> CommitAsync(
        OrganisationAccess access, Versioned<SalesDocumentRecord> current, SalesDocument changed, InvoicePayment payment, bool undone, CancellationToken cancellationToken)
    {
        var now = _documents.Now;
        var record = current.Value with { Document = changed, UpdatedAt = now };
        var details = new Dictionary<string, string?>
        {
            ["paymentId"] = SalesIds.Format(payment.Id),
            ["amount"] = payment.Amount.ToString(CultureInfo.InvariantCulture),
            ["date"] = payment.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["status"] = changed.Status.ToString(),
        };
        var commit = new SalesCommit
        {
            Writes = [new DocumentWrite(record, current)],
            Audit = [_documents.Audit(access, undone ? "payment-undone" : "payment-recorded", changed, details)],
            Messages = [SalesMessages.Payment(access.OrganisationId, changed.Id, payment, undone, now)],
        };
        return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
    }

    // The domain checks the amount as well, but only the request shows whether a field is missing
    // or the money is dated in the future.
    private static InvoicePayment Validate(PaymentInput input, DateOnly today)
    {
        var rules = new InputRules();
        if (input.Amount is null)
        {
            rules.Add("required", "amount");
        }
        else if (input.Amount <= 0m)
        {
            rules.Add(SalesRuleCodes.PaymentAmountNotPositive, "amount", new Dictionary<string, object?> { ["value"] = input.Amount });
        }
        else if (!AmountRounding.HasAtMostDecimals(input.Amount.Value, AmountRounding.AmountDecimals))
        {
            rules.Add(SalesRuleCodes.PaymentAmountTooPrecise, "amount", new Dictionary<string, object?>
            {
                ["value"] = input.Amount,
                ["maximum"] = AmountRounding.AmountDecimals,
            });
        }

        if (input.Date is null)
        {
            rules.Add("required", "date");
        }
        else if (input.Date > today)
        {
            rules.Add(SalesErrorCodes.PaymentDateInFuture, "date", new Dictionary<string, object?> { ["date"] = input.Date, ["today"] = today });
        }

        var reference = rules.Optional(input.Reference, "reference", MaxReferenceLength);
        rules.ThrowIfInvalid();
        return new InvoicePayment(PaymentId.New(), input.Date!.Value, input.Amount!.Value, reference);
    }
}
