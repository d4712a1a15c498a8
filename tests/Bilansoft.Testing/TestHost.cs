using Bilansoft.LocalHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Testing;

/// <summary>
/// Starts the local host in-process on a free loopback port against a test's Azurite, with timers off
/// (tests fire them through the admin API) and short poll intervals.
/// </summary>
public static class TestHost
{
    public static Task<LocalHostApp> StartAsync(
        AzuriteFixture storage,
        string tablePrefix,
        LogCapture? logs = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        IReadOnlyList<Type>? functionTypes = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage"] = storage.ConnectionString,
            ["Storage:tablePrefix"] = tablePrefix,
            ["LocalHost:TimersEnabled"] = "false",
            ["LocalHost:QueuePollInterval"] = "00:00:00.100",
            ["LocalHost:BlobPollInterval"] = "00:00:00.200",
            ["LocalHost:RetryDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return LocalHostApp.StartAsync(
            new LocalHostStartOptions
            {
                Settings = all,
                AdditionalFunctionTypes = functionTypes ?? [],
                ConfigureServices = configureServices,
                ConfigureLogging = logs is null ? null : logging => logging.AddProvider(logs),
            },
            CancellationToken.None);
    }

    /// <summary>An HttpClient for the host's base address.</summary>
    public static HttpClient CreateClient(this LocalHostApp host) => new() { BaseAddress = host.BaseAddress };
}
