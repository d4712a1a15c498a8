using System.Text.Json;
using Bilansoft.Functions.Platform;
using Bilansoft.Infrastructure;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.LocalHost.Invocation;
using Bilansoft.LocalHost.Triggers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bilansoft.LocalHost.Hosting;

/// <summary>
/// Runs the function classes of Bilansoft.Functions in one process: HTTP functions on Kestrel,
/// timers on their schedules, Service Bus functions fed from Storage queues and blob functions fed
/// by scanning their paths, all through the app's own worker middleware. Without a <c>Storage</c>
/// setting it starts an embedded Azurite and stops it again on shutdown.
/// </summary>
public sealed partial class LocalHostApp : IAsyncDisposable
{
    /// <summary>Address the local host listens on when none is configured, as Core Tools does.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    private readonly WebApplication _app;
    private readonly AzuriteProcess? _azurite;

    private LocalHostApp(WebApplication app, AzuriteProcess? azurite, FunctionCatalog catalog, Uri baseAddress)
    {
        _app = app;
        _azurite = azurite;
        Catalog = catalog;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the host listens on, for example <c>http://localhost:7071/</c>.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The functions this host serves.</summary>
    public FunctionCatalog Catalog { get; }

    /// <summary>The embedded Azurite, or null when a storage connection was configured.</summary>
    public AzuriteProcess? Azurite => _azurite;

    /// <summary>Builds and starts the host; returns once it accepts requests.</summary>
    public static async Task<LocalHostApp> StartAsync(LocalHostStartOptions start, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. start.Args],
            EnvironmentName = start.EnvironmentName
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(start.Settings);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        start.ConfigureLogging?.Invoke(builder.Logging);

        var options = builder.Configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
        using var startupLoggers = LoggerFactory.Create(logging =>
        {
            logging.AddSimpleConsole(console => console.SingleLine = true);
            start.ConfigureLogging?.Invoke(logging);
        });
        var logger = startupLoggers.CreateLogger<LocalHostApp>();

        var azurite = await StartStorageAsync(builder.Configuration, options, logger, cancellationToken);
        try
        {
            // The local host cannot listen to Service Bus, so its steps travel over Storage queues.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [InfrastructureRegistration.TransportSetting] = "StorageQueues" });
            if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            {
                builder.WebHost.UseUrls(DefaultUrl);
            }

            var catalog = FunctionCatalog.FromTypes(
                typeof(BilansoftWorker).Assembly.GetExportedTypes().Concat(start.AdditionalFunctionTypes));
            RegisterServices(builder, catalog, options, start);

            var app = builder.Build();
            var routePrefix = ReadRoutePrefix();
            HttpTriggerEndpoints.Map(app, catalog, routePrefix);
            AdminEndpoints.Map(app, catalog, routePrefix);
            app.MapOpenApi(OpenApi.FunctionOpenApi.DocumentPath);

            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            LogListening(app.Logger, baseAddress, catalog.Functions.Count, routePrefix);
            if (app.Services.GetService<Functions.Identity.DevelopmentTokenIssuer>() is not null)
            {
                LogTokenHint(app.Logger, baseAddress, routePrefix);
            }

            return new LocalHostApp(app, azurite, catalog, baseAddress);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops the host and the embedded Azurite.</summary>
    public async Task RunUntilShutdownAsync()
    {
        await _app.WaitForShutdownAsync();
        await DisposeAsync();
    }

    /// <summary>Stops the host, leaving storage running; a test can start another host on the same storage.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Already stopping.
        }

        await _app.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static async Task<AzuriteProcess?> StartStorageAsync(ConfigurationManager configuration, LocalHostOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var storage = new Infrastructure.Storage.StorageOptions();
        InfrastructureRegistration.ReadStorageOptions(configuration, storage);
        if (storage.IsConfigured)
        {
            LogExternalStorage(logger);
            return null;
        }

        var root = options.RepositoryRoot
            ?? AzuriteProcess.FindRepositoryRoot(Environment.CurrentDirectory)
            ?? AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException(
                "No storage is configured and the repository root (with package.json) was not found. Run the local host from the repository, or set LocalHost__RepositoryRoot or Storage.");
        var dataDirectory = options.InMemoryStorage ? null : options.DataDirectory ?? Path.Combine(root, ".localdata", "azurite");
        var azurite = await AzuriteProcess.StartAsync(root, dataDirectory, logger, cancellationToken);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [Infrastructure.Storage.StorageOptions.SettingName] = azurite.ConnectionString });
        return azurite;
    }

    private static void RegisterServices(WebApplicationBuilder builder, FunctionCatalog catalog, LocalHostOptions options, LocalHostStartOptions start)
    {
        var services = builder.Services;
        var pipeline = new WorkerPipeline(services);
        BilansoftWorker.Configure(pipeline, builder.Configuration, builder.Environment);

        // The Functions worker's ASP.NET Core integration registers MVC to execute IActionResults.
        services.AddMvc();
        services.AddSingleton(catalog);
        services.AddSingleton(pipeline);
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<InvocationRunner>();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddHostedService<TimerTriggerService>();
        services.AddHostedService<QueueTriggerService>();
        services.AddHostedService<BlobTriggerService>();
        OpenApi.FunctionOpenApi.AddServices(services);
        start.ConfigureServices?.Invoke(services);
    }

    private static string ReadRoutePrefix()
    {
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        if (!File.Exists(hostJson))
        {
            return "api";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(hostJson));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString()?.Trim('/') ?? "api"
            : "api";
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Bilansoft local host listens on {BaseAddress} with {FunctionCount} functions under /{RoutePrefix}; health: {BaseAddress}{RoutePrefix}/health")]
    private static partial void LogListening(ILogger logger, Uri baseAddress, int functionCount, string routePrefix);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Information, Message = "Get an access token for local calls: curl -X POST {BaseAddress}{RoutePrefix}/dev/token -H \"Content-Type: application/json\" -d '{{\"subject\":\"alice\",\"name\":\"Alice\",\"email\":\"alice@example.be\"}}' and send it as Authorization: Bearer <accessToken>")]
    private static partial void LogTokenHint(ILogger logger, Uri baseAddress, string routePrefix);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Using the configured storage account; no embedded Azurite started")]
    private static partial void LogExternalStorage(ILogger logger);
}
