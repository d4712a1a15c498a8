namespace Bilansoft.Infrastructure.Peppol;

/// <summary>Settings of the <c>PeppolAccessPoint</c> section: where the access point's API is and how to call it.</summary>
public sealed class PeppolAccessPointOptions
{
    /// <summary>Name of the configuration section.</summary>
    public const string SectionName = "PeppolAccessPoint";

    /// <summary>Base address of the access point's API (<c>PeppolAccessPoint__BaseUrl</c>), such as <c>https://ap.example.com/api/v1/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API key (<c>PeppolAccessPoint__ApiKey</c>), from Key Vault in Azure.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Name of the request header that carries <see cref="ApiKey"/> (<c>PeppolAccessPoint__ApiKeyHeader</c>).</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Attempts per call, the first one included (<c>PeppolAccessPoint__MaxAttempts</c>, 2 to 10).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Base delay before the first retry; later retries wait exponentially longer, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time-out of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time-out of all attempts together, delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
