namespace Bilansoft.LocalHost.Hosting;

/// <summary>Settings of the local host, from the <c>LocalHost</c> configuration section.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>Whether timer functions fire on their schedules (they always run on <c>POST /admin/functions/{name}</c>).</summary>
    public bool TimersEnabled { get; set; } = true;

    /// <summary>Whether queue messages are delivered to Service Bus functions.</summary>
    public bool QueuesEnabled { get; set; } = true;

    /// <summary>Whether new blobs are delivered to blob functions.</summary>
    public bool BlobsEnabled { get; set; } = true;

    /// <summary>Longest wait between two polls of an empty queue.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Delay before the first retry of a failed message; it doubles with every failure, up to one minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries before a message moves to the poison queue; 10 is Service Bus's default max delivery count.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>Interval between two scans of the blob paths that blob functions watch.</summary>
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed attempts on one blob before it is given up, as the Functions host does (5).</summary>
    public int MaxBlobAttempts { get; set; } = 5;

    /// <summary>Folder for the embedded Azurite's data; defaults to <c>.localdata</c> in the repository root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Keeps the embedded Azurite's data in memory only (tests).</summary>
    public bool InMemoryStorage { get; set; }

    /// <summary>Repository root holding <c>package.json</c>; found by walking up from the app folder when empty.</summary>
    public string? RepositoryRoot { get; set; }
}
