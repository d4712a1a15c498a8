using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// Stores an object as JSON inside a table entity. Table storage limits a property to 64 KiB and an
/// entity to 1 MiB, so bodies above <see cref="CompressionThreshold"/> are gzip-compressed and
/// split over binary properties <c>Body0</c>, <c>Body1</c>, … of at most <see cref="ChunkSize"/> bytes.
/// </summary>
public static class EntityBody
{
    /// <summary>Largest binary property value Azure Tables accepts (64 KiB).</summary>
    public const int ChunkSize = 64 * 1024;

    /// <summary>Bodies smaller than this are stored uncompressed, so they stay readable in storage tools.</summary>
    public const int CompressionThreshold = 16 * 1024;

    /// <summary>
    /// Upper bound of the stored body, leaving room under the 1 MiB entity limit for the other
    /// properties and the per-property overhead.
    /// </summary>
    public const int MaxStoredBytes = 14 * ChunkSize;

    private const string EncodingProperty = "BodyEncoding";
    private const string PartsProperty = "BodyParts";

    /// <summary>Writes <paramref name="value"/> into <paramref name="entity"/>, replacing any previous body.</summary>
    /// <exception cref="EntityTooLargeException">The compressed body still exceeds <see cref="MaxStoredBytes"/>.</exception>
    public static void Write<T>(TableEntity entity, T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, StorageJson.Options);
        var compressed = json.Length >= CompressionThreshold;
        var bytes = compressed ? Compress(json) : json;
        if (bytes.Length > MaxStoredBytes)
        {
            throw new EntityTooLargeException(json.Length, bytes.Length, MaxStoredBytes);
        }

        RemoveBody(entity);
        var parts = 0;
        for (var offset = 0; offset < bytes.Length || parts == 0; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, bytes.Length - offset);
            entity["Body" + parts] = bytes.AsSpan(offset, length).ToArray();
            parts++;
        }

        entity[EncodingProperty] = compressed ? "json+gzip" : "json";
        entity[PartsProperty] = parts;
    }

    /// <summary>Reads the body written by <see cref="Write{T}"/>.</summary>
    /// <exception cref="InvalidDataException">The entity has no body or a damaged one.</exception>
    public static T Read<T>(TableEntity entity)
    {
        var parts = entity.GetInt32(PartsProperty) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no body.");
        using var buffer = new MemoryStream();
        for (var i = 0; i < parts; i++)
        {
            var chunk = entity.GetBinary("Body" + i) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} misses body part {i}.");
            buffer.Write(chunk);
        }

        var bytes = buffer.ToArray();
        if (entity.GetString(EncodingProperty) == "json+gzip")
        {
            bytes = Decompress(bytes);
        }

        return JsonSerializer.Deserialize<T>(bytes, StorageJson.Options)
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has an empty body.");
    }

    private static void RemoveBody(TableEntity entity)
    {
        foreach (var key in entity.Keys.Where(k => k.StartsWith("Body", StringComparison.Ordinal)).ToList())
        {
            entity.Remove(key);
        }
    }

    private static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}

/// <summary>A document is too large to be stored in one table entity, even compressed.</summary>
public sealed class EntityTooLargeException : Exception
{
    public EntityTooLargeException(int jsonBytes, int storedBytes, int limit)
        : base($"The document is {jsonBytes} bytes as JSON and {storedBytes} bytes stored, above the limit of {limit} bytes.")
    {
        JsonBytes = jsonBytes;
        StoredBytes = storedBytes;
        Limit = limit;
    }

    public EntityTooLargeException()
    {
    }

    public EntityTooLargeException(string message)
        : base(message)
    {
    }

    public EntityTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int JsonBytes { get; }

    public int StoredBytes { get; }

    public int Limit { get; }
}
