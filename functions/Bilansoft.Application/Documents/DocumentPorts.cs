using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Documents;

/// <summary>The house style settings of organisations.</summary>
public interface IDocumentSettingsStore
{
    /// <summary>Reads the settings, or null while the organisation uses the defaults.</summary>
    Task<Versioned<DocumentSettings>?> GetAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the settings with their audit entry; <paramref name="etag"/> is the version read, or
    /// null when none was stored yet.
    /// </summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when the settings changed since they were read.</exception>
    Task<Versioned<DocumentSettings>> SaveAsync(string organisationId, DocumentSettings settings, string? etag, AuditEntry audit, CancellationToken cancellationToken);
}

/// <summary>The kinds of file stored per document.</summary>
public enum DocumentFileKind
{
    /// <summary>The PDF (<c>application/pdf</c>).</summary>
    Pdf,

    /// <summary>The Peppol BIS Billing 3.0 UBL file with the PDF embedded (<c>application/xml</c>).</summary>
    Ubl,
}

/// <summary>
/// Blob storage of rendered documents and letterheads, under <c>documents/{orgId}/...</c>. A stored
/// file is never replaced: the first stored version is the document the customer gets.
/// </summary>
public interface IDocumentFileStore
{
    /// <summary>
    /// Stores <paramref name="content"/> unless the file exists, and returns the stored bytes: the
    /// new content, or the existing file when an earlier attempt stored it first.
    /// </summary>
    Task<byte[]> AddOrGetAsync(string organisationId, string documentId, DocumentFileKind kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Reads a stored file, or null when it is not stored.</summary>
    Task<byte[]?> GetAsync(string organisationId, string documentId, DocumentFileKind kind, CancellationToken cancellationToken);

    /// <summary>Stores or replaces the letterhead PDF.</summary>
    Task SaveLetterheadAsync(string organisationId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Reads the letterhead PDF, or null when none is stored.</summary>
    Task<byte[]?> GetLetterheadAsync(string organisationId, CancellationToken cancellationToken);

    Task DeleteLetterheadAsync(string organisationId, CancellationToken cancellationToken);
}

/// <summary>The delivery state rows of documents in the organisation partition.</summary>
public interface IDocumentDeliveryStore
{
    /// <summary>Reads the delivery state of a document, or null before anything was rendered or queued.</summary>
    Task<Versioned<DocumentDelivery>?> GetAsync(string organisationId, string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the state, its audit entries and the outbox rows of <paramref name="messages"/> in one
    /// transaction; <paramref name="etag"/> is the version read, or null for a new row.
    /// </summary>
    /// <returns>The new ETag.</returns>
    /// <exception cref="DeliveryConcurrencyException">The row changed or appeared since it was read.</exception>
    Task<string> SaveAsync(
        string organisationId,
        DocumentDelivery delivery,
        string? etag,
        IReadOnlyList<AuditEntry> audit,
        IReadOnlyList<OutboxMessage> messages,
        CancellationToken cancellationToken);
}

/// <summary>
/// Finds the organisation and document of a Peppol transmission, because the access point's status
/// webhook names only the transmission and Bilansoft's document id.
/// </summary>
public interface IPeppolTransmissionIndex
{
    /// <summary>Records a transmission; recording the same one again changes nothing.</summary>
    Task AddAsync(string transmissionId, string organisationId, string documentId, CancellationToken cancellationToken);

    /// <summary>Returns the organisation and document of a transmission, or null when unknown.</summary>
    Task<(string OrganisationId, string DocumentId)?> FindAsync(string transmissionId, CancellationToken cancellationToken);
}

/// <summary>The delivery state row changed since it was read; the caller reads it again and retries.</summary>
public sealed class DeliveryConcurrencyException : Exception
{
    public DeliveryConcurrencyException()
        : base("The delivery state changed since it was read.")
    {
    }

    public DeliveryConcurrencyException(string message)
        : base(message)
    {
    }

    public DeliveryConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
