using Azure.Data.Tables;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Platform;
using Bilansoft.Functions.Platform.Http;
using Bilansoft.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Bilansoft.LocalHost.Tests;

/// <summary>
/// Functions that exist only in these tests, to exercise each trigger kind of the local host. Every
/// invocation is recorded as a row in the <c>probe</c> table, so tests observe what ran.
/// </summary>
public sealed class ProbeFunctions
{
    public const string OnceQueue = "probe-once";
    public const string FailingQueue = "probe-failing";
    public const string LoggedQueue = "probe-logged";
    public const string BlobPath = "probe-uploads/{orgId}/files/{name}";

    private readonly StorageClients _storage;
    private readonly IMessagePublisher _publisher;
    private readonly ILogger<ProbeFunctions> _logger;

    public ProbeFunctions(StorageClients storage, IMessagePublisher publisher, ILogger<ProbeFunctions> logger)
    {
        _storage = storage;
        _publisher = publisher;
        _logger = logger;
    }

    public sealed record EchoRequest(string Name, decimal Amount);

    public sealed record ProbePayload(bool Fail, string Label);

    [Function("ProbeEcho")]
    [AllowAnonymous]
    public static async Task<IActionResult> EchoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/echo")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<EchoRequest>(request, cancellationToken);
        return new OkObjectResult(body);
    }

    [Function("ProbeRoute")]
    [AllowAnonymous]
    public static IActionResult Route(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/orgs/{orgId}/items/{itemId:int}")] HttpRequest request,
        string orgId,
        int itemId) => new OkObjectResult(new { orgId, itemId });

    [Function("ProbeThrow")]
    [AllowAnonymous]
    public static IActionResult Throw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/throw")] HttpRequest request) =>
        throw new InvalidOperationException("Internal detail that must not reach clients: AccountKey=abc123");

    [Function("ProbePublish")]
    [AllowAnonymous]
    public async Task<IActionResult> PublishAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/publish")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        _logger.LogInformation("Publishing a probe message");
        var envelope = MessageEnvelope.Create(
            Guid.NewGuid().ToString("N"), "probe", "org-probe", CorrelationContext.CurrentOrNew(), DateTimeOffset.UtcNow, new ProbePayload(false, "logged"));
        await _publisher.PublishAsync(LoggedQueue, envelope, cancellationToken);
        return new AcceptedResult();
    }

    [Function("ProbeLoggedStep")]
    public async Task LoggedStepAsync(
        [ServiceBusTrigger(LoggedQueue, Connection = "ServiceBus")] MessageEnvelope message,
        CancellationToken cancellationToken)
    {
        _logger.LogInformation("Handling probe message {MessageId}", message.Id);
        await RecordAsync("ProbeLoggedStep", message.Id, cancellationToken);
    }

    [Function("ProbeCountOnce")]
    public Task CountOnceAsync(
        [ServiceBusTrigger(OnceQueue, Connection = "ServiceBus")] MessageEnvelope message,
        CancellationToken cancellationToken) =>
        RecordAsync("ProbeCountOnce", message.Id, cancellationToken);

    [Function("ProbeFailing")]
    public Task FailingAsync(
        [ServiceBusTrigger(FailingQueue, Connection = "ServiceBus")] MessageEnvelope message,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var payload = message.ReadPayload<ProbePayload>();
        if (payload.Fail)
        {
            throw new InvalidOperationException($"Probe message {message.Id} always fails (delivery {context.BindingContext.BindingData["DeliveryCount"]}).");
        }

        return RecordAsync("ProbeFailing", message.Id, cancellationToken);
    }

    [Function("ProbeBlob")]
    public async Task BlobAsync(
        [BlobTrigger(BlobPath, Connection = "Storage")] Stream content,
        string orgId,
        string name,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content);
        var text = await reader.ReadToEndAsync(cancellationToken);
        await RecordAsync("ProbeBlob", $"{orgId}|{name}|{text}", cancellationToken);
    }

    [Function("ProbeTimer")]
    public Task TimerAsync([TimerTrigger("0 0 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        RecordAsync("ProbeTimer", timer.ScheduleStatus is null ? "no-status" : "status", cancellationToken);

    /// <summary>Reads the recorded invocations of one probe function.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(StorageClients storage, string function)
    {
        var table = await storage.TableAsync("probe", CancellationToken.None);
        var values = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == function))
        {
            values.Add(row.GetString("Value"));
        }

        return values;
    }

    private async Task RecordAsync(string function, string value, CancellationToken cancellationToken)
    {
        var table = await _storage.TableAsync("probe", cancellationToken);
        await table.AddEntityAsync(new TableEntity(function, Guid.NewGuid().ToString("N")) { ["Value"] = value }, cancellationToken);
    }
}
