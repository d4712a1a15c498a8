using System.Globalization;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Banking;

/// <summary>
/// Statement files as block blobs at <c>uploads/{orgId}/bank-statements/{importId}</c>, the path
/// the parse step's blob trigger watches. Blocks of 4 MiB are staged and committed at the end, so
/// memory stays small and a blob exists only once it is complete.
/// </summary>
public sealed class BlobStatementFileStore : IStatementFileStore
{
    private const int BlockBytes = 4 * 1024 * 1024;

    private readonly StorageClients _storage;

    public BlobStatementFileStore(StorageClients storage) => _storage = storage;

    /// <summary>The blob name of an import's file inside the uploads container.</summary>
    public static string BlobName(string organisationId, string importId) => $"{organisationId}/bank-statements/{importId}";

    public async Task<long> SaveAsync(string organisationId, string importId, Stream content, long maxBytes, StatementFileMetadata metadata, CancellationToken cancellationToken)
    {
        var container = await _storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        var blob = container.GetBlobClient(BlobName(organisationId, importId));
        await using var limited = new SizeLimitedStream(content, maxBytes);
        try
        {
            await blob.UploadAsync(
                limited,
                new BlobUploadOptions
                {
                    Metadata = Write(metadata),
                    HttpHeaders = new BlobHttpHeaders { ContentType = metadata.Format == BankImportFormat.Webhook ? "application/json" : "application/octet-stream" },
                    TransferOptions = new StorageTransferOptions
                    {
                        InitialTransferSize = BlockBytes,
                        MaximumTransferSize = BlockBytes,
                        MaximumConcurrency = 2,
                    },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (Exception exception) when (limited.Exceeded && exception is not OperationCanceledException)
        {
            // NOTE: blocks staged before the limit was reached stay as an uncommitted blob, which
            // no listing or trigger sees and the storage service discards after a week.
            throw new ProblemException(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
            {
                ["size"] = limited.BytesRead,
                ["limit"] = maxBytes,
            }, innerException: exception);
        }

        return limited.BytesRead;
    }

    public async Task<StatementFileMetadata?> GetMetadataAsync(string organisationId, string importId, CancellationToken cancellationToken)
    {
        var container = await _storage.ContainerAsync(StorageNames.UploadsContainer, cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(BlobName(organisationId, importId)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return Read(properties.Value.Metadata);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    // Blob metadata travels in HTTP headers, so values are ASCII: names are percent-encoded.
    private static Dictionary<string, string> Write(StatementFileMetadata metadata) => new(StringComparer.Ordinal)
    {
        ["filename"] = Uri.EscapeDataString(metadata.FileName),
        ["uploadedby"] = Uri.EscapeDataString(metadata.UploadedBy),
        ["format"] = metadata.Format.ToString(),
        ["validation"] = metadata.Validation.ToString(),
        ["receivedat"] = metadata.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private static StatementFileMetadata? Read(IDictionary<string, string> values)
    {
        if (!values.TryGetValue("filename", out var fileName) || !values.TryGetValue("uploadedby", out var uploadedBy)
            || !values.TryGetValue("receivedat", out var receivedAt))
        {
            return null;
        }

        return new StatementFileMetadata(
            Uri.UnescapeDataString(fileName),
            Uri.UnescapeDataString(uploadedBy),
            values.TryGetValue("format", out var formatText) && Enum.TryParse<BankImportFormat>(formatText, out var format) ? format : BankImportFormat.Unknown,
            values.TryGetValue("validation", out var validationText) && Enum.TryParse<ImportValidation>(validationText, out var validation) ? validation : ImportValidation.Strict,
            DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <summary>Reads a stream forward and fails once more than the limit has come through.</summary>
    private sealed class SizeLimitedStream(Stream inner, long limit) : Stream
    {
        public long BytesRead { get; private set; }

        public bool Exceeded => BytesRead > limit;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            if (Exceeded)
            {
                throw new InvalidDataException($"The upload is larger than {limit} bytes.");
            }

            return read;
        }
    }
}
