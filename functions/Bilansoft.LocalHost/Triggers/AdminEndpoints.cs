using System.Text.Json;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.LocalHost.Triggers;

/// <summary>
/// The part of the Functions host's admin API that local work needs:
/// <c>GET /admin/functions</c> lists the functions, and <c>POST /admin/functions/{name}</c> with
/// <c>{"input": "..."}</c> runs a non-HTTP function once and returns 202. The input is the message
/// body for a queue function and the blob path (<c>container/name</c>) for a blob function; timers
/// ignore it.
/// </summary>
internal static partial class AdminEndpoints
{
    public static void Map(WebApplication app, FunctionCatalog catalog, string routePrefix)
    {
        app.MapGet("/admin/functions", () => Results.Json(catalog.Functions.Select(f => new
        {
            name = f.Name,
            trigger = f.TriggerBindingType,
            entryPoint = f.EntryPoint,
            route = f.Route is null ? null : $"{routePrefix}/{f.Route}",
            methods = f.HttpMethods,
            schedule = f.Schedule,
            queueName = f.QueueName,
            path = f.BlobPath,
        }))).ExcludeFromDescription();

        app.MapPost("/admin/functions/{name}", (string name, HttpContext httpContext) => RunAsync(name, httpContext, catalog))
            .ExcludeFromDescription();

        // The .eml files the mail pickup writes when no SendGrid key is set, so they can be opened
        // in a mail client without a storage browser.
        app.MapGet("/admin/mail", ListMailAsync).ExcludeFromDescription();
        app.MapGet("/admin/mail/{**name}", DownloadMailAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> RunAsync(string name, HttpContext httpContext, FunctionCatalog catalog)
    {
        var function = catalog.Find(name);
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Function not found", detail: $"No function named '{name}'. GET /admin/functions lists them.");
        }

        if (function.Trigger == TriggerKind.Http)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "HTTP function", detail: $"'{name}' is an HTTP function; call its route instead.");
        }

        var input = await ReadInputAsync(httpContext);
        var services = httpContext.RequestServices;
        var runner = services.GetRequiredService<InvocationRunner>();
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bilansoft.LocalHost.Admin");
        (TriggerInput trigger, Dictionary<string, object?> bindingData) invocation;
        try
        {
            invocation = await PrepareAsync(function, input, services);
        }
        catch (FormatException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid input", detail: exception.Message);
        }

        // Like the Functions host, the admin API queues the run and returns at once.
        _ = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(function, invocation.trigger, invocation.bindingData, lifetime.ApplicationStopping);
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception, function.Name);
            }
        });

        return Results.Accepted();
    }

    private static async Task<(TriggerInput, Dictionary<string, object?>)> PrepareAsync(FunctionDescriptor function, string? input, IServiceProvider services)
    {
        switch (function.Trigger)
        {
            case TriggerKind.Timer:
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var timer = new TimerInfo { IsPastDue = false, ScheduleStatus = new ScheduleStatus { Last = now, Next = now, LastUpdated = now } };
                return (new TriggerInput.Timer(timer), new Dictionary<string, object?>());
            case TriggerKind.ServiceBus:
                var body = input ?? string.Empty;
                return (new TriggerInput.Message(body), QueueTriggerService.BindingDataFor(body, Guid.NewGuid().ToString("N"), 1, services.GetRequiredService<TimeProvider>().GetUtcNow()));
            case TriggerKind.Blob:
                var pattern = BlobPathPattern.Parse(function.BlobPath!);
                var path = input ?? throw new FormatException("A blob function needs the blob path as input, for example uploads/{orgId}/bank-statements/file.cod.");
                var prefix = pattern.Container + "/";
                var parameters = path.StartsWith(prefix, StringComparison.Ordinal) ? pattern.Match(path[prefix.Length..]) : null;
                if (parameters is null)
                {
                    throw new FormatException($"Blob path '{path}' does not match '{function.BlobPath}'.");
                }

                var container = await services.GetRequiredService<StorageClients>().ContainerAsync(pattern.Container, CancellationToken.None);
                parameters["BlobTrigger"] = path;
                return (new TriggerInput.Blob(container.GetBlobClient(path[prefix.Length..])), parameters);
            default:
                throw new FormatException($"Function '{function.Name}' cannot be run through the admin API.");
        }
    }

    private static async Task<IResult> ListMailAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.MailPickupContainer, cancellationToken);
        var messages = new List<object>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            messages.Add(new { name = blob.Name, size = blob.Properties.ContentLength, createdOn = blob.Properties.CreatedOn, download = "/admin/mail/" + blob.Name });
        }

        return Results.Json(messages);
    }

    private static async Task<IResult> DownloadMailAsync(string name, StorageClients storage, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.MailPickupContainer, cancellationToken);
        var blob = container.GetBlobClient(name);
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Mail not found", detail: $"No e-mail '{name}' in the pickup container. GET /admin/mail lists them.");
        }

        var content = await blob.DownloadContentAsync(cancellationToken);
        return Results.File(content.Value.Content.ToArray(), "message/rfc822", Path.GetFileName(name));
    }

    private static async Task<string?> ReadInputAsync(HttpContext httpContext)
    {
        if (httpContext.Request.ContentLength is 0 or null && httpContext.Request.Headers.TransferEncoding.Count == 0)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(httpContext.Request.Body, cancellationToken: httpContext.RequestAborted);
            return document.RootElement.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.String ? input.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Warning, Message = "Function {FunctionName} run through the admin API failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName);
}
