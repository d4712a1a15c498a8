using Bilansoft.Application.Banking;
using Bilansoft.LocalHost.Hosting;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Banking;

/// <summary>
/// A local host on Azurite whose invoice side is <see cref="InMemoryInvoices"/>, so the match step
/// runs its real code against open items the tests choose.
/// </summary>
public sealed class MatchingHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _storage = new();
    private LocalHostApp? _host;

    public InMemoryInvoices Invoices { get; } = new();

    public LocalHostApp Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        _host = await TestHost.StartAsync(_storage, AzuriteFixture.NewTablePrefix(), configureServices: services =>
        {
            services.AddSingleton<IOpenItemSource>(Invoices);
            services.AddSingleton<IPaymentRegistrar>(Invoices);
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _storage.DisposeAsync();
    }

    public Task<ApiSession> SignInAsync() => ApiSession.SignInAsync(Host);
}
