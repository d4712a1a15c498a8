using System.Text.Json;
using Bilansoft.Functions.Platform;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.LocalHost.Tests;

/// <summary>
/// Compares what the Functions SDK declares for the app (functions.metadata, generated at build
/// time from the [Function] attributes) with what the local host serves, so a function added to the
/// app without local support, or with a different trigger, fails the build's tests.
/// </summary>
public sealed class FunctionMetadataTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public FunctionMetadataTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public void Catalog_ListsEveryFunctionOfTheMetadata()
    {
        var declared = ReadMetadata();
        var catalog = FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly);

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Keys.Order(), catalog.Functions.Select(f => f.Name).Order());
        foreach (var function in catalog.Functions)
        {
            var metadata = declared[function.Name];
            Assert.Equal(metadata.EntryPoint, function.EntryPoint);
            Assert.Equal(metadata.TriggerType, function.TriggerBindingType);
            Assert.Equal(metadata.Route, function.Route);
            Assert.Equal(metadata.Methods, function.HttpMethods?.Order().ToList());
            Assert.Equal(metadata.Schedule, function.Schedule);
            Assert.Equal(metadata.QueueName, function.QueueName);
            Assert.Equal(metadata.Path, function.BlobPath);
        }
    }

    [Fact]
    public async Task RunningHost_ServesEveryHttpFunctionOnItsDeclaredRoute()
    {
        var declared = ReadMetadata();
        await using var host = await TestHost.StartAsync(_storage, AzuriteFixture.NewTablePrefix());

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FunctionDescriptor>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<FunctionDescriptor>()!.Name);

        foreach (var (name, metadata) in declared.Where(d => d.Value.TriggerType == "httpTrigger"))
        {
            Assert.True(endpoints.ContainsKey(name), $"HTTP function {name} is not served by the local host.");
            var endpoint = endpoints[name];
            Assert.Equal("api/" + metadata.Route, endpoint.RoutePattern.RawText);
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods;
            Assert.Equal(metadata.Methods!.Select(m => m.ToUpperInvariant()).Order(), methods.Order());
        }

        foreach (var (name, metadata) in declared.Where(d => d.Value.TriggerType != "httpTrigger"))
        {
            var served = host.Catalog.Find(name);
            Assert.True(served is not null, $"Function {name} is not served by the local host.");
            Assert.Equal(metadata.Schedule, served.Schedule);
            Assert.Equal(metadata.QueueName, served.QueueName);
            Assert.Equal(metadata.Path, served.BlobPath);
        }
    }

    [Fact]
    public void Catalog_ParsesEveryTimerSchedule()
    {
        var catalog = FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        foreach (var timer in catalog.Functions.Where(f => f.Trigger == TriggerKind.Timer))
        {
            var schedule = Triggers.TimerTriggerService.ParseSchedule(timer.Schedule!, configuration);
            Assert.True(schedule.GetNextOccurrence(DateTime.UtcNow) > DateTime.UtcNow, $"Timer {timer.Name} never fires.");
        }
    }

    private sealed record DeclaredFunction(string EntryPoint, string TriggerType, string? Route, List<string>? Methods, string? Schedule, string? QueueName, string? Path);

    private static Dictionary<string, DeclaredFunction> ReadMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not copied to {AppContext.BaseDirectory}; the Functions SDK build did not run.");

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var functions = new Dictionary<string, DeclaredFunction>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            functions[function.GetProperty("name").GetString()!] = new DeclaredFunction(
                function.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text(trigger, "route"),
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order().ToList() : null,
                Text(trigger, "schedule"),
                Text(trigger, "queueName"),
                Text(trigger, "path"));
        }

        return functions;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
