using Bilansoft.LocalHost.Hosting;
using Xunit;

namespace Bilansoft.Testing;

/// <summary>
/// An in-memory Azurite and a local host on it, shared by the tests of one class. Tests keep their
/// data apart by signing in as new users and creating their own organisations.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();
    private LocalHostApp? _host;

    public LocalHostApp Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public AzuriteFixture Storage => _storage;

    public LogCapture Logs { get; } = new();

    /// <summary>Extra settings for the host; override to change them.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        _host = await TestHost.StartAsync(_storage, AzuriteFixture.NewTablePrefix(), Logs, Settings);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _storage.DisposeAsync();
    }

    public Task<ApiSession> SignInAsync(string? subject = null, string? name = null, string? email = null) =>
        ApiSession.SignInAsync(Host, subject, name, email);
}
