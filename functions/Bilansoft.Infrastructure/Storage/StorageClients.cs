using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// The Azure Storage clients of the app, created once. Tables and containers are created on first
/// use, so a fresh storage account (or a fresh Azurite) needs no set-up step.
/// </summary>
public sealed class StorageClients
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);
    private readonly string _tablePrefix;

    public StorageClients(IOptions<StorageOptions> options)
        : this(options.Value, maxRetries: 3)
    {
    }

    internal StorageClients(StorageOptions options, int maxRetries)
    {
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException(
                "Storage is not configured. Set 'Storage' to a connection string, or set Storage__tableServiceUri, Storage__blobServiceUri and Storage__queueServiceUri for a managed identity.");
        }

        _tablePrefix = options.TablePrefix;
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        var queueOptions = new QueueClientOptions();
        foreach (var clientOptions in new ClientOptions[] { tableOptions, blobOptions, queueOptions })
        {
            clientOptions.Retry.MaxRetries = maxRetries;
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else
        {
            var credential = string.IsNullOrWhiteSpace(options.ClientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
            Tables = new TableServiceClient(options.TableServiceUri!, credential, tableOptions);
            Blobs = new BlobServiceClient(options.BlobServiceUri!, credential, blobOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri!, credential, queueOptions);
        }
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>Returns a client for the table, creating the table the first time.</summary>
    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        Once(_tables, _tablePrefix + name, async fullName =>
        {
            var client = Tables.GetTableClient(fullName);
            await client.CreateIfNotExistsAsync(cancellationToken);
            return client;
        });

    /// <summary>Returns a client for the blob container, creating the container the first time.</summary>
    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        Once(_containers, name, async containerName =>
        {
            var client = Blobs.GetBlobContainerClient(containerName);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return client;
        });

    /// <summary>Returns a client for the queue, creating the queue the first time.</summary>
    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        Once(_queues, name, async queueName =>
        {
            var client = Queues.GetQueueClient(queueName);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return client;
        });

    private static async Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create)
    {
        var lazy = cache.GetOrAdd(name, key => new Lazy<Task<T>>(() => create(key)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed creation (storage down) must not be cached, or the name would stay broken.
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }
}
