using Bilansoft.LocalHost.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Bilansoft.Testing;

/// <summary>
/// Starts an in-memory Azurite on free loopback ports for the tests of one class or collection, and
/// stops it afterwards. Tests isolate their data with unique organisation ids or table prefixes.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => Process.ConnectionString;

    public AzuriteProcess Process => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync() =>
        _azurite = await AzuriteProcess.StartAsync(RepositoryPaths.Root, dataDirectory: null, NullLogger.Instance, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A fresh prefix for table names, so a test sees only its own tables.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}
