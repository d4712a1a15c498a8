using Azure;
using Azure.Storage.Blobs.Models;
using Bilansoft.Application.Organisations;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Organisations;

/// <summary>Logos in the documents container at <c>{orgId}/branding/logo</c>.</summary>
public sealed class BlobLogoStore : ILogoStore
{
    private readonly StorageClients _storage;

    public BlobLogoStore(StorageClients storage) => _storage = storage;

    public async Task SaveAsync(string organisationId, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var blob = (await _storage.ContainerAsync(StorageNames.DocumentsContainer, cancellationToken)).GetBlobClient(Name(organisationId));
        await blob.UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    public async Task<(byte[] Content, string ContentType)?> GetAsync(string organisationId, CancellationToken cancellationToken)
    {
        var blob = (await _storage.ContainerAsync(StorageNames.DocumentsContainer, cancellationToken)).GetBlobClient(Name(organisationId));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            return (download.Value.Content.ToArray(), download.Value.Details.ContentType);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string organisationId, CancellationToken cancellationToken)
    {
        var blob = (await _storage.ContainerAsync(StorageNames.DocumentsContainer, cancellationToken)).GetBlobClient(Name(organisationId));
        await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private static string Name(string organisationId) => $"{organisationId}/branding/logo";
}
