namespace Bilansoft.Application.Messaging;

/// <summary>
/// Names of the queues that chain workflow steps, one queue per step. The same names are Service
/// Bus queues in Azure (see infra/app/servicebus.bicep) and Storage queues on the local host.
/// </summary>
public static class QueueNames
{
    /// <summary>Suffix of the queue that receives messages which failed too often on the local host.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Invoices issued by Bilansoft; the next steps render and deliver them.</summary>
    public const string InvoiceIssued = "invoice-issued";

    /// <summary>Credit notes issued by Bilansoft; the next steps render and deliver them.</summary>
    public const string CreditNoteIssued = "credit-note-issued";

    /// <summary>
    /// Invoices and credit notes whose files are stored and whose channels are queued; the next
    /// step sends them by e-mail and over Peppol.
    /// </summary>
    public const string DocumentsRendered = "documents-rendered";

    /// <summary>Payments recorded on or removed from invoices.</summary>
    public const string PaymentRegistered = "payment-registered";

    /// <summary>Match step of bank statements: payload <c>{ "importId": "…" }</c> of an import that is processed.</summary>
    public const string BankStatementImported = "bank-statement-imported";
}
