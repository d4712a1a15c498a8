using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Testing;

/// <summary>A request the loopback server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A small HTTP server on 127.0.0.1 and a free port that stands in for an outside service (SendGrid,
/// the Peppol access point, the debt-collection service, a bank). It records every request and
/// answers with the handler the test sets.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, HttpResponse, Task> _handler = (_, response) =>
    {
        response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    };

    private LoopbackHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackHttpServer? server = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            server!._requests.Enqueue(request);
            await server._handler(request, context.Response);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackHttpServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Sets how the server answers from now on.</summary>
    public void Respond(Func<RecordedRequest, HttpResponse, Task> handler) => _handler = handler;

    /// <summary>Answers every request with <paramref name="status"/> and an optional JSON body.</summary>
    public void RespondWith(int status, string? json = null) => Respond(async (_, response) =>
    {
        response.StatusCode = status;
        if (json is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(json);
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
