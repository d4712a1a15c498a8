using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Bilansoft.Application.Documents;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Documents;

/// <summary>
/// Rendered documents and letterheads in the <c>documents</c> container:
/// <c>{orgId}/sales/{documentId}.pdf</c>, <c>{orgId}/sales/{documentId}.ubl.xml</c> and
/// <c>{orgId}/branding/letterhead.pdf</c>. Documents are written with If-None-Match, so the first
/// stored version stays.
/// </summary>
public sealed class BlobDocumentFileStore : IDocumentFileStore
{
    private readonly StorageClients _storage;

    public BlobDocumentFileStore(StorageClients storage) => _storage = storage;

    /// <summary>The blob name of a document file, without the container.</summary>
    public static string Name(string organisationId, string documentId, DocumentFileKind kind) =>
        $"{organisationId}/sales/{documentId}{(kind == DocumentFileKind.Pdf ? ".pdf" : ".ubl.xml")}";

    public async Task<byte[]> AddOrGetAsync(string organisationId, string documentId, DocumentFileKind kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(Name(organisationId, documentId, kind), cancellationToken);
        try
        {
            await blob.UploadAsync(
                new BinaryData(content),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(kind) },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
            return content.ToArray();
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // An earlier attempt stored the file first; that version is the document.
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
    }

    public async Task<byte[]?> GetAsync(string organisationId, string documentId, DocumentFileKind kind, CancellationToken cancellationToken) =>
        await DownloadAsync(Name(organisationId, documentId, kind), cancellationToken);

    public async Task SaveLetterheadAsync(string organisationId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(LetterheadName(organisationId), cancellationToken);
        await blob.UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } },
            cancellationToken);
    }

    public async Task<byte[]?> GetLetterheadAsync(string organisationId, CancellationToken cancellationToken) =>
        await DownloadAsync(LetterheadName(organisationId), cancellationToken);

    public async Task DeleteLetterheadAsync(string organisationId, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(LetterheadName(organisationId), cancellationToken);
        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private static string LetterheadName(string organisationId) => $"{organisationId}/branding/letterhead.pdf";

    private static string ContentType(DocumentFileKind kind) => kind == DocumentFileKind.Pdf ? "application/pdf" : "application/xml";

    private async Task<byte[]?> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(name, cancellationToken);
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private async Task<BlobClient> BlobAsync(string name, CancellationToken cancellationToken) =>
        (await _storage.ContainerAsync(StorageNames.DocumentsContainer, cancellationToken)).GetBlobClient(name);
}
