using System.Security.Cryptography;
using System.Text;
using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Sales;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Application.Sales;

/// <summary>
/// The invoice side of <see cref="IPaymentRegistrar"/>: records the payments that bank matching
/// finds on sales invoices, and removes them when a match is undone. Each registration becomes one
/// invoice payment whose id is derived from the registration id, so a match step that runs again
/// finds the payment it recorded before and records nothing twice.
/// </summary>
public sealed partial class BankPaymentRegistrar : IPaymentRegistrar
{
    /// <summary>The actor of the audit entries of payments that bank matching records or removes.</summary>
    public static Caller BankMatching { get; } = new("bank-matching", "Bilansoft bank matching", null);

    private const string Euro = "EUR";

    private readonly SalesDocuments _documents;
    private readonly InvoicePaymentService _payments;
    private readonly IBankPaymentLinkStore _links;
    private readonly ILogger<BankPaymentRegistrar> _logger;

    public BankPaymentRegistrar(SalesDocuments documents, InvoicePaymentService payments, IBankPaymentLinkStore links, ILogger<BankPaymentRegistrar> logger)
    {
        _documents = documents;
        _payments = payments;
        _links = links;
        _logger = logger;
    }

    /// <summary>
    /// Records <see cref="PaymentRegistration.Amount"/> on the invoice, dated
    /// <see cref="PaymentRegistration.PaymentDate"/>, with the bank transaction as its reference.
    /// A registration recorded before changes nothing.
    /// </summary>
    /// <exception cref="ProblemException">
    /// Conflict when the item is no sales invoice of the organisation, the currency is not the euro,
    /// the invoice is a draft or credited, or the amount is more than it has due; validation when
    /// the amount is not positive or has more than 2 decimals. Nothing is recorded then.
    /// </exception>
    public async Task RegisterAsync(PaymentRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Kind != OpenItemKind.SalesInvoice || !SalesDocumentId.TryParse(registration.OpenItemId, out var invoiceId))
        {
            throw NotASalesInvoice(registration.OpenItemId);
        }

        if (!string.Equals(registration.Currency, Euro, StringComparison.OrdinalIgnoreCase))
        {
            throw ProblemException.Conflict(SalesErrorCodes.BankPaymentCurrencyNotEuro, new Dictionary<string, object?> { ["currency"] = registration.Currency });
        }

        var organisationId = registration.OrganisationId;
        var paymentId = PaymentIdFor(organisationId, registration.RegistrationId);

        // The link is written before the payment: when the process stops right after the payment
        // commits, an undo still finds the payment through it.
        await _links.SaveAsync(organisationId, new BankPaymentLink(registration.RegistrationId, invoiceId, paymentId, registration.BankTransactionId), cancellationToken);
        try
        {
            var recorded = await _documents.Transactions.RunAsync("invoice.record-bank-payment", registration.OpenItemId, async () =>
            {
                var current = await _documents.FindAsync(organisationId, SalesDocumentKind.Invoice, registration.OpenItemId, cancellationToken)
                    ?? throw NotASalesInvoice(registration.OpenItemId);
                var invoice = current.Value.Document;
                if (invoice.Payments.Any(payment => payment.Id == paymentId))
                {
                    return false;
                }

                CheckPayable(invoice, registration.Amount);
                var payment = new InvoicePayment(paymentId, registration.PaymentDate, registration.Amount, Reference(registration.BankTransactionId));
                var paid = invoice.RecordPayment(payment).ValueOrThrow();
                await _payments.CommitAsync(Access(organisationId), current, paid, payment, undone: false, Source(registration.RegistrationId, registration.BankTransactionId), cancellationToken);
                return true;
            }, cancellationToken);

            if (recorded)
            {
                LogRecorded(_logger, organisationId, registration.OpenItemId, registration.RegistrationId);
            }
        }
        catch (ProblemException problem) when (problem.Kind is ProblemKind.Conflict or ProblemKind.Validation)
        {
            // Nothing was recorded, so the link must not lead an undo to a payment that does not exist.
            await _links.DeleteAsync(organisationId, registration.RegistrationId, CancellationToken.None);
            LogRejected(_logger, organisationId, registration.OpenItemId, registration.RegistrationId, problem.Code);
            throw;
        }
    }

    /// <summary>
    /// Removes the payment recorded under <paramref name="registrationId"/>, so the invoice is open
    /// again for its amount. A registration that is unknown or already undone changes nothing.
    /// </summary>
    /// <exception cref="ProblemException">Conflict when the invoice's state no longer allows removing payments.</exception>
    public async Task UndoAsync(string organisationId, string registrationId, CancellationToken cancellationToken)
    {
        if (await _links.GetAsync(organisationId, registrationId, cancellationToken) is not { } link)
        {
            return;
        }

        var invoiceId = SalesIds.Format(link.InvoiceId);
        var removed = await _documents.Transactions.RunAsync("invoice.undo-bank-payment", invoiceId, async () =>
        {
            var current = await _documents.FindAsync(organisationId, SalesDocumentKind.Invoice, invoiceId, cancellationToken);
            var payment = current?.Value.Document.Payments.FirstOrDefault(candidate => candidate.Id == link.PaymentId);
            if (current is null || payment is null)
            {
                return false;
            }

            var unpaid = current.Value.Document.UndoPayment(payment.Id).ValueOrThrow();
            await _payments.CommitAsync(Access(organisationId), current, unpaid, payment, undone: true, Source(registrationId, link.BankTransactionId), cancellationToken);
            return true;
        }, cancellationToken);

        await _links.DeleteAsync(organisationId, registrationId, cancellationToken);
        if (removed)
        {
            LogUndone(_logger, organisationId, invoiceId, registrationId);
        }
    }

    /// <summary>
    /// The payment id of a registration: the first 128 bits of SHA-256 over the organisation and
    /// registration ids, marked as an RFC 9562 version 8 GUID. The same registration always gives
    /// the same id, which is what makes registering idempotent.
    /// </summary>
    public static PaymentId PaymentIdFor(string organisationId, string registrationId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bank-registration|{organisationId}|{registrationId}"));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new PaymentId(new Guid(bytes, bigEndian: true));
    }

    /// <summary>The payment reference that names the bank transaction, such as <c>bank-transaction:0194…-000002</c>.</summary>
    public static string Reference(string bankTransactionId) => "bank-transaction:" + bankTransactionId;

    // The domain allows payments on a paid invoice (a second transfer becomes a credit balance),
    // but bank matching only books what it saw open; more than that means the invoice changed
    // since it was listed, and a user decides instead.
    private static void CheckPayable(SalesDocument invoice, decimal amount)
    {
        if (!SalesDocumentLifecycle.Allows(invoice.Kind, invoice.Status, SalesDocumentAction.RecordPayment))
        {
            throw SalesProblems.TransitionNotAllowed(invoice, SalesDocumentAction.RecordPayment);
        }

        if (amount > invoice.AmountDue)
        {
            throw ProblemException.Conflict(SalesErrorCodes.BankPaymentExceedsAmountDue, new Dictionary<string, object?>
            {
                ["number"] = invoice.Number?.Text,
                ["amount"] = amount,
                ["amountDue"] = invoice.AmountDue,
            });
        }
    }

    // Bank matching acts without a signed-in user. Accountant is the narrowest role that may
    // register payments; the payment service reads only the caller and the organisation.
    private static OrganisationAccess Access(string organisationId) => new(BankMatching, organisationId, Role.Accountant);

    private static Dictionary<string, string?> Source(string registrationId, string bankTransactionId) => new()
    {
        ["source"] = "bank-matching",
        ["registrationId"] = registrationId,
        ["bankTransactionId"] = bankTransactionId,
    };

    private static ProblemException NotASalesInvoice(string id) =>
        ProblemException.Conflict(SalesErrorCodes.BankPaymentNotSalesInvoice, new Dictionary<string, object?> { ["id"] = id });

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Bank registration {RegistrationId} recorded a payment on invoice {InvoiceId} of organisation {OrganisationId}")]
    private static partial void LogRecorded(ILogger logger, string organisationId, string invoiceId, string registrationId);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Bank registration {RegistrationId} on invoice {InvoiceId} of organisation {OrganisationId} was rejected with {Code}")]
    private static partial void LogRejected(ILogger logger, string organisationId, string invoiceId, string registrationId, string code);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Bank registration {RegistrationId} was undone: its payment left invoice {InvoiceId} of organisation {OrganisationId}")]
    private static partial void LogUndone(ILogger logger, string organisationId, string invoiceId, string registrationId);
}
