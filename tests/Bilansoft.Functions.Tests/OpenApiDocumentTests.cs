using System.Text.Json;
using System.Text.Json.Nodes;
using Bilansoft.Functions.Platform;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests;

/// <summary>
/// Keeps docs/openapi.json equal to the document the local host generates from the functions.
/// After changing routes, regenerate it with
/// <c>BILANSOFT_UPDATE_OPENAPI=1 dotnet test tests/Bilansoft.Functions.Tests --filter OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<HostFixture>
{
    private readonly HostFixture _fixture;

    public OpenApiDocumentTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Document_DescribesEveryApiRoute()
    {
        var document = await GenerateAsync();

        var paths = document["paths"]!.AsObject();
        foreach (var function in FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly).Functions.Where(f => f.Trigger == TriggerKind.Http && !f.Route!.Contains("{*", StringComparison.Ordinal)))
        {
            var path = "/api/" + System.Text.RegularExpressions.Regex.Replace(function.Route!, @":[^}]+\}", "}");
            Assert.True(paths.ContainsKey(path), $"{function.Name} ({path}) is missing from the OpenAPI document.");
            foreach (var method in function.HttpMethods!)
            {
                Assert.True(paths[path]!.AsObject().ContainsKey(method), $"{method.ToUpperInvariant()} {path} is missing.");
            }
        }
    }

    [Fact]
    public async Task DocsCopy_IsCurrent()
    {
        var generated = (await GenerateAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var path = Path.Combine(RepositoryPaths.Root, "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("BILANSOFT_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated + "\n");
        }

        Assert.True(File.Exists(path), "docs/openapi.json is missing; regenerate it (see this class's summary).");
        Assert.True(
            (await File.ReadAllTextAsync(path)).TrimEnd() == generated.TrimEnd(),
            "docs/openapi.json differs from the generated document; regenerate it with BILANSOFT_UPDATE_OPENAPI=1 (see this class's summary).");
    }

    private async Task<JsonNode> GenerateAsync()
    {
        using var client = _fixture.Host.CreateClient();
        var text = await client.GetStringAsync("openapi/v1.json");
        return JsonNode.Parse(text)!;
    }
}
