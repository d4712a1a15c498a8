namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// How to reach the storage account with Bilansoft's data. Read from the <c>Storage</c> setting:
/// either a connection string (<c>Storage</c>), or service URIs with a managed identity
/// (<c>Storage__tableServiceUri</c>, <c>Storage__blobServiceUri</c>, <c>Storage__queueServiceUri</c>,
/// optionally <c>Storage__clientId</c>), the same names the Functions host reads for triggers.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Name of the configuration setting or section.</summary>
    public const string SettingName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Prefix added to every table name, so tests can share one storage account without sharing
    /// tables. Letters and digits only; empty in production.
    /// </summary>
    public string TablePrefix { get; set; } = string.Empty;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ConnectionString) || (TableServiceUri is not null && BlobServiceUri is not null && QueueServiceUri is not null);
}
