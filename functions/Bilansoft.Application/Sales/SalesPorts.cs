using Bilansoft.Application.Catalog;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// Reads sales documents for other features: the document-delivery step reads the document it
/// renders, the payment matcher reads the invoices still to be paid. Takes the organisation id
/// directly, because queue handlers act without a signed-in caller.
/// </summary>
public interface ISalesDocumentReader
{
    /// <summary>Reads a document with its ETag, or null when the organisation has no such document.</summary>
    Task<Versioned<SalesDocumentRecord>?> GetAsync(string organisationId, SalesDocumentId documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the invoices with an amount due: issued or partially paid, imported ones included,
    /// oldest issue date first. Reads the index rows only, not the documents.
    /// </summary>
    Task<IReadOnlyList<OpenInvoice>> ListOpenInvoicesAsync(string organisationId, CancellationToken cancellationToken);
}

/// <summary>An invoice with an amount still due, as the payment matcher sees it.</summary>
/// <param name="Id">The invoice.</param>
/// <param name="Number">Invoice number (BT-1), Bilansoft's or, for an imported invoice, the previous tool's.</param>
/// <param name="StructuredCommunication">The communication the customer was asked to quote (BT-83), or null.</param>
/// <param name="AmountDue">What is still due in euro, above zero.</param>
/// <param name="CustomerId">The customer record, or null for an imported invoice without one.</param>
/// <param name="CustomerName">Buyer name (BT-44).</param>
/// <param name="IssueDate">Issue date (BT-2).</param>
/// <param name="DueDate">Due date (BT-9), or null.</param>
/// <param name="Imported">Whether the invoice came from a previous tool.</param>
public sealed record OpenInvoice(
    SalesDocumentId Id,
    string Number,
    StructuredCommunication? StructuredCommunication,
    decimal AmountDue,
    string? CustomerId,
    string CustomerName,
    DateOnly IssueDate,
    DateOnly? DueDate,
    bool Imported);

/// <summary>
/// Storage of sales documents: the documents, their list index, numbering counters, and the writes
/// that must commit together (see <see cref="SalesCommit"/>).
/// </summary>
public interface ISalesDocumentStore : ISalesDocumentReader
{
    /// <summary>Lists document summaries of one kind from the index, without reading the documents.</summary>
    /// <exception cref="Errors.ProblemException">Invalid when the cursor was not made for this kind and order.</exception>
    Task<ListPage<SalesDocumentSummary>> ListAsync(string organisationId, SalesDocumentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Writes everything in <paramref name="commit"/> in one entity-group transaction, under the
    /// ETags it carries.
    /// </summary>
    /// <returns>The new ETag of every document written.</returns>
    /// <exception cref="SalesConcurrencyException">A row changed, appeared or vanished since it was read; reload and retry.</exception>
    /// <exception cref="Errors.ProblemException">Payload too large when a document does not fit one table entity.</exception>
    Task<IReadOnlyDictionary<SalesDocumentId, string>> CommitAsync(string organisationId, SalesCommit commit, CancellationToken cancellationToken);

    /// <summary>Reads the counter of numbering series <paramref name="seriesIndex"/>, or null before its first number.</summary>
    Task<Versioned<NumberingCounter>?> GetCounterAsync(string organisationId, int seriesIndex, CancellationToken cancellationToken);

    /// <summary>Finds the invoice imported under <paramref name="number"/>, without regard to case.</summary>
    Task<SalesDocumentId?> FindImportedAsync(string organisationId, string number, CancellationToken cancellationToken);

    /// <summary>Finds a document that carries <paramref name="communication"/>.</summary>
    Task<SalesDocumentId?> FindByStructuredCommunicationAsync(string organisationId, StructuredCommunication communication, CancellationToken cancellationToken);
}

/// <summary>
/// Links from bank payment registrations to the invoice payments they recorded. Undoing a match
/// passes only the registration id, so the link is what finds the invoice and its payment.
/// </summary>
public interface IBankPaymentLinkStore
{
    /// <summary>Stores the link, replacing an earlier one with the same registration id.</summary>
    Task SaveAsync(string organisationId, BankPaymentLink link, CancellationToken cancellationToken);

    /// <summary>Reads the link of a registration, or null when there is none.</summary>
    Task<BankPaymentLink?> GetAsync(string organisationId, string registrationId, CancellationToken cancellationToken);

    /// <summary>Deletes the link of a registration; a missing link is not an error.</summary>
    Task DeleteAsync(string organisationId, string registrationId, CancellationToken cancellationToken);
}

/// <summary>The invoice payment that a bank payment registration recorded.</summary>
/// <param name="RegistrationId">The registration id the bank matching gave.</param>
/// <param name="InvoiceId">The invoice paid.</param>
/// <param name="PaymentId">The payment on the invoice, derived from the registration id.</param>
/// <param name="BankTransactionId">The bank transaction the money came with.</param>
public sealed record BankPaymentLink(string RegistrationId, SalesDocumentId InvoiceId, PaymentId PaymentId, string BankTransactionId);

/// <summary>Numbering settings of an organisation.</summary>
public interface INumberingStore
{
    /// <summary>Reads the settings, or null while the organisation uses the defaults.</summary>
    Task<Versioned<NumberingSettings>?> GetSettingsAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the settings and counter changes together; <paramref name="etag"/> is the version read,
    /// or null when no settings were stored yet.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when the settings or a counter changed.</exception>
    Task<Versioned<NumberingSettings>> SaveSettingsAsync(
        string organisationId,
        NumberingSettings settings,
        string? etag,
        IReadOnlyList<CounterWrite> counters,
        AuditEntry audit,
        CancellationToken cancellationToken);
}

/// <summary>
/// Writes that commit together or not at all: new and changed documents, deleted drafts, the
/// numbering counter, stock of tracked products, the audit trail and the messages to publish.
/// </summary>
public sealed record SalesCommit
{
    /// <summary>Documents to add (no previous version) or replace (under the previous version's ETag).</summary>
    public IReadOnlyList<DocumentWrite> Writes { get; init; } = [];

    /// <summary>Drafts to delete, under the ETag read.</summary>
    public IReadOnlyList<Versioned<SalesDocumentRecord>> Deletes { get; init; } = [];

    /// <summary>The counter of the series that gave a number.</summary>
    public CounterWrite? Counter { get; init; }

    /// <summary>Products with their new stock level, under the ETag read.</summary>
    public IReadOnlyList<Versioned<Product>> StockChanges { get; init; } = [];

    /// <summary>Number of an imported invoice, claimed so the same invoice is imported once.</summary>
    public ImportedNumberClaim? ImportedNumber { get; init; }

    public required IReadOnlyList<AuditEntry> Audit { get; init; }

    /// <summary>Messages written to the outbox; the caller publishes them after the commit.</summary>
    public IReadOnlyList<OutboxMessage> Messages { get; init; } = [];
}

/// <summary>A document to write and the version it replaces, or null for a new document.</summary>
public sealed record DocumentWrite(SalesDocumentRecord Record, Versioned<SalesDocumentRecord>? Previous);

/// <summary>A series counter to store; <paramref name="ETag"/> is the version read, or null for the series' first number.</summary>
public sealed record CounterWrite(int SeriesIndex, NumberingCounter Counter, string? ETag);

/// <summary>The number of an imported invoice and the invoice that claims it.</summary>
public sealed record ImportedNumberClaim(string Number, SalesDocumentId DocumentId);

/// <summary>
/// A row that the transaction relied on changed since it was read: another request issued a number,
/// changed the document or moved stock. The use case reloads and tries again.
/// </summary>
public sealed class SalesConcurrencyException : Exception
{
    public SalesConcurrencyException()
        : base("A row changed since it was read.")
    {
    }

    public SalesConcurrencyException(string message)
        : base(message)
    {
    }

    public SalesConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
