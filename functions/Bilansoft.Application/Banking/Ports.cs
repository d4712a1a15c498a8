using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Banking;

/// <summary>Bank accounts of organisations, unique by IBAN within an organisation.</summary>
public interface IBankAccountStore
{
    Task<Versioned<BankAccount>?> GetAsync(string organisationId, string accountId, CancellationToken cancellationToken);

    Task<Versioned<BankAccount>?> FindByIbanAsync(string organisationId, Iban iban, CancellationToken cancellationToken);

    Task<IReadOnlyList<Versioned<BankAccount>>> ListAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>Adds the account and its audit entry.</summary>
    /// <exception cref="Errors.ProblemException">Conflict <see cref="BankingErrorCodes.BankAccountExists"/> when the IBAN is taken.</exception>
    Task<Versioned<BankAccount>> AddAsync(string organisationId, BankAccount account, AuditEntry audit, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when <paramref name="etag"/> is not the stored version.</exception>
    Task<Versioned<BankAccount>> SaveAsync(string organisationId, BankAccount account, string etag, AuditEntry audit, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when the account changed since it was read.</exception>
    Task DeleteAsync(string organisationId, Versioned<BankAccount> account, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Whether an import that is processing or processed contains a statement of the account.</summary>
    Task<bool> HasStatementsAsync(string organisationId, string accountId, CancellationToken cancellationToken);
}

/// <summary>
/// Import records, their staged statements and transactions, and the rows that keep statements
/// and transactions unique. Staged rows count only once the import record says
/// <see cref="BankImportStatus.Processed"/>; every staging write is fenced by the import record's
/// ETag, so an attempt that lost its lease cannot write.
/// </summary>
public interface IBankImportStore
{
    /// <summary>Adds a new import record; returns the stored one when it exists already.</summary>
    Task<Versioned<BankImport>> AddAsync(string organisationId, BankImport import, CancellationToken cancellationToken);

    Task<Versioned<BankImport>?> GetAsync(string organisationId, string importId, CancellationToken cancellationToken);

    /// <summary>Lists imports, newest first.</summary>
    Task<ListPage<BankImport>> ListAsync(string organisationId, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>Replaces the import record.</summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when <paramref name="etag"/> is not the stored version.</exception>
    Task<Versioned<BankImport>> SaveAsync(string organisationId, BankImport import, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// Writes staged transactions and statement rows in entity-group transactions of at most 100
    /// operations, each one also replacing the import record (to renew its lease) under its ETag.
    /// Returns the import record's new ETag.
    /// The accounts in <paramref name="accountIds"/> are marked as having statements of the import.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when another attempt took the import over.</exception>
    Task<string> StageAsync(
        string organisationId,
        BankImport import,
        string etag,
        IReadOnlyList<StatementTransaction> transactions,
        IReadOnlyCollection<string> accountIds,
        CancellationToken cancellationToken);

    /// <summary>
    /// Counts the content keys of transactions of one account and booking date that processed
    /// imports hold, as a multiset (key → number of transactions); with
    /// <paramref name="filesOnly"/>, only those of uploaded files, not of webhook pushes.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountStoredKeysAsync(string organisationId, string accountId, DateOnly? bookingDate, bool filesOnly, CancellationToken cancellationToken);

    /// <summary>Returns those of <paramref name="externalIds"/> that processed imports of the account hold.</summary>
    Task<IReadOnlySet<string>> FindStoredExternalIdsAsync(string organisationId, string accountId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a statement's natural key and content fingerprint for the import. Returns null when
    /// the claim holds (also when this import made it before), or the claim of the earlier import
    /// that is processing or processed. Claims of failed imports are taken over.
    /// </summary>
    Task<StatementClaimConflict?> ClaimStatementAsync(string organisationId, string importId, string naturalKey, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Deletes every staged row and claim of the import, so a retry or a failure leaves nothing behind.</summary>
    Task CleanupAsync(string organisationId, string importId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the import visible in one entity-group transaction: the import record (under
    /// <paramref name="etag"/>), the changed bank accounts (under their ETags), the outbox row of
    /// <paramref name="message"/> and the audit entry.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when the import or an account changed since it was read.</exception>
    Task<Versioned<BankImport>> CompleteAsync(
        string organisationId,
        BankImport import,
        string etag,
        IReadOnlyList<Versioned<BankAccount>> accounts,
        OutboxMessage message,
        AuditEntry audit,
        CancellationToken cancellationToken);

    /// <summary>Reads the transactions of an import in file order.</summary>
    Task<IReadOnlyList<Versioned<StatementTransaction>>> ListTransactionsAsync(string organisationId, string importId, CancellationToken cancellationToken);

    Task<Versioned<StatementTransaction>?> GetTransactionAsync(string organisationId, string transactionId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists transactions of processed imports, newest import first, optionally only those in
    /// <paramref name="status"/>.
    /// </summary>
    Task<ListPage<StatementTransaction>> ListTransactionsAsync(string organisationId, MatchStatus? status, string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces transactions under their ETags, in groups of at most 100 operations; the audit
    /// entry, when given, goes into the first group.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when a transaction changed since it was read.</exception>
    Task SaveTransactionsAsync(string organisationId, IReadOnlyList<Versioned<StatementTransaction>> transactions, AuditEntry? audit, CancellationToken cancellationToken);
}

/// <summary>The earlier import that contains a statement's key or fingerprint.</summary>
/// <param name="ImportId">The earlier import.</param>
/// <param name="SameKey">Whether the natural key is the same (else only the content is).</param>
/// <param name="SameContent">Whether the content fingerprint is the same.</param>
public sealed record StatementClaimConflict(string ImportId, bool SameKey, bool SameContent);

/// <summary>Statement files at <c>uploads/{orgId}/bank-statements/{importId}</c>, where the parse step picks them up.</summary>
public interface IStatementFileStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to the file of the import, with the metadata that lets
    /// the parse step rebuild a lost import record. Returns the size. The file appears only once
    /// complete, so a failure part-way leaves nothing.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Payload too large above <paramref name="maxBytes"/>; nothing is kept.</exception>
    Task<long> SaveAsync(string organisationId, string importId, Stream content, long maxBytes, StatementFileMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Reads the metadata of the import's file, or null when there is no file.</summary>
    Task<StatementFileMetadata?> GetMetadataAsync(string organisationId, string importId, CancellationToken cancellationToken);
}

/// <summary>What the upload knew about a statement file.</summary>
public sealed record StatementFileMetadata(string FileName, string UploadedBy, BankImportFormat Format, ImportValidation Validation, DateTimeOffset ReceivedAt);

/// <summary>
/// The open invoices that bank transactions may pay: issued sales invoices with an amount still
/// due (and later purchase invoices). The invoice side implements it.
/// </summary>
public interface IOpenItemSource
{
    /// <summary>
    /// Lists every open item of the organisation: number, structured communication, amount due,
    /// currency, customer (or supplier) name and IBAN, and due date. Items without an amount due
    /// are left out.
    /// </summary>
    Task<IReadOnlyList<Domain.Banking.OpenItem>> ListOpenItemsAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the items with the given ids with their current amounts due, for allocations a user
    /// makes by hand. Ids that name no invoice of the organisation are left out.
    /// </summary>
    Task<IReadOnlyList<Domain.Banking.OpenItem>> GetOpenItemsAsync(string organisationId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);
}

/// <summary>
/// Books payments from bank transactions on invoices, and takes them off again. The invoice
/// side implements it. Both methods are idempotent by registration id, because the match step
/// may run again after a crash.
/// </summary>
public interface IPaymentRegistrar
{
    /// <summary>
    /// Registers a payment of <see cref="PaymentRegistration.Amount"/> on the invoice. A second
    /// call with the same registration id changes nothing.
    /// </summary>
    /// <exception cref="Errors.ProblemException">
    /// Conflict when the invoice cannot take the payment (no longer open, amount above what is due).
    /// </exception>
    Task RegisterAsync(PaymentRegistration registration, CancellationToken cancellationToken);

    /// <summary>Removes the payment registered under <paramref name="registrationId"/>; an unknown id changes nothing.</summary>
    Task UndoAsync(string organisationId, string registrationId, CancellationToken cancellationToken);
}

/// <summary>A payment to book on an invoice.</summary>
/// <param name="OrganisationId">The organisation.</param>
/// <param name="RegistrationId">Unique id of this payment, also the key that makes registering idempotent.</param>
/// <param name="OpenItemId">The invoice (<see cref="Domain.Banking.OpenItem.Id"/>).</param>
/// <param name="Kind">Sales or purchase invoice.</param>
/// <param name="Amount">Amount paid on the invoice, positive, at most its amount due.</param>
/// <param name="Currency">ISO 4217 currency.</param>
/// <param name="PaymentDate">Value date of the transaction, else its booking date.</param>
/// <param name="BankTransactionId">The bank transaction the money came with.</param>
/// <param name="CounterpartyName">Payer (sales) or payee (purchase), when known.</param>
/// <param name="CounterpartyIban">Their IBAN, when known.</param>
public sealed record PaymentRegistration(
    string OrganisationId,
    string RegistrationId,
    string OpenItemId,
    Domain.Banking.OpenItemKind Kind,
    decimal Amount,
    string Currency,
    DateOnly PaymentDate,
    string BankTransactionId,
    string? CounterpartyName,
    Iban? CounterpartyIban);
