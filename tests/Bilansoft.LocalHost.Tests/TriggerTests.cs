using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.LocalHost.Tests;

public sealed class TriggerTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public TriggerTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task TimerFunction_RunsThroughAdminApi()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();

        var response = await client.PostAsJsonAsync("admin/functions/ProbeTimer", new { input = "" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runs = await Eventually.ReturnsAsync(() => ProbeFunctions.ReadAsync(Storage(host), "ProbeTimer"), r => r.Count > 0, "the timer run");
        Assert.Equal(["status"], runs);
    }

    [Fact]
    public async Task AppTimerFunction_SweepOutbox_PublishesStaleOutboxRows()
    {
        await using var host = await StartAsync();
        var storage = Storage(host);
        var organisationId = "org-" + Guid.NewGuid().ToString("N");
        var envelope = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), "probe", organisationId, "corr-sweep", DateTimeOffset.UtcNow, new ProbeFunctions.ProbePayload(false, "swept"));
        await WriteStaleOutboxRowAsync(host, organisationId, ProbeFunctions.OnceQueue, envelope);
        using var client = host.CreateClient();

        var response = await client.PostAsync("admin/functions/SweepOutbox", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var handled = await Eventually.ReturnsAsync(() => ProbeFunctions.ReadAsync(storage, "ProbeCountOnce"), r => r.Contains(envelope.Id), "the swept message to be handled");
        Assert.Single(handled, envelope.Id);
        var table = await storage.TableAsync(StorageNames.OrganisationTable, CancellationToken.None);
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == organisationId).ToListAsync());
    }

    [Fact]
    public async Task QueuedMessage_PublishedTwice_IsHandledOnce()
    {
        await using var host = await StartAsync();
        var publisher = host.Services.GetRequiredService<IMessagePublisher>();
        var envelope = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), "probe", "org-1", "corr-once", DateTimeOffset.UtcNow, new ProbeFunctions.ProbePayload(false, "once"));
        var marker = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), "probe", "org-1", "corr-once", DateTimeOffset.UtcNow, new ProbeFunctions.ProbePayload(false, "marker"));

        await publisher.PublishAsync(ProbeFunctions.OnceQueue, envelope, CancellationToken.None);
        await publisher.PublishAsync(ProbeFunctions.OnceQueue, envelope, CancellationToken.None);
        await publisher.PublishAsync(ProbeFunctions.OnceQueue, marker, CancellationToken.None);

        // The marker is published last, so once it and the queue are done, both copies were delivered.
        await Eventually.TrueAsync(async () => (await ProbeFunctions.ReadAsync(Storage(host), "ProbeCountOnce")).Contains(marker.Id), "the marker message");
        await Eventually.TrueAsync(() => QueueIsEmptyAsync(host, ProbeFunctions.OnceQueue), "the queue to drain");
        var handled = await ProbeFunctions.ReadAsync(Storage(host), "ProbeCountOnce");
        Assert.Single(handled, id => id == envelope.Id);
    }

    [Fact]
    public async Task FailingMessage_MovesToPoisonQueue_WithoutBlockingOthers()
    {
        await using var host = await StartAsync();
        var publisher = host.Services.GetRequiredService<IMessagePublisher>();
        var failing = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), "probe", "org-1", "corr-fail", DateTimeOffset.UtcNow, new ProbeFunctions.ProbePayload(true, "bad"));
        var good = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), "probe", "org-1", "corr-good", DateTimeOffset.UtcNow, new ProbeFunctions.ProbePayload(false, "good"));

        await publisher.PublishAsync(ProbeFunctions.FailingQueue, failing, CancellationToken.None);
        await publisher.PublishAsync(ProbeFunctions.FailingQueue, good, CancellationToken.None);

        var handled = await Eventually.ReturnsAsync(() => ProbeFunctions.ReadAsync(Storage(host), "ProbeFailing"), r => r.Count > 0, "the good message");
        Assert.Equal([good.Id], handled);
        var poison = await Storage(host).QueueAsync(ProbeFunctions.FailingQueue + QueueNames.PoisonSuffix, CancellationToken.None);
        var poisoned = await Eventually.ReturnsAsync(async () => (await poison.PeekMessagesAsync(10)).Value, m => m.Length > 0, "the failing message in the poison queue");
        Assert.Equal(failing.Id, MessageEnvelope.FromJson(Assert.Single(poisoned).Body.ToString()).Id);
        Assert.True(await QueueIsEmptyAsync(host, ProbeFunctions.FailingQueue));
    }

    [Fact]
    public async Task Blob_IsProcessedOnce_AcrossRestart()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var organisationId = "org" + Guid.NewGuid().ToString("N")[..8];
        string firstName = "first.txt", secondName = "second.txt";

        await using (var first = await TestHost.StartAsync(_storage, prefix, functionTypes: [typeof(ProbeFunctions)]))
        {
            await UploadAsync(first, $"{organisationId}/files/{firstName}", "one");
            await Eventually.TrueAsync(async () => (await ProbeFunctions.ReadAsync(Storage(first), "ProbeBlob")).Count == 1, "the first blob");
        }

        await using var second = await TestHost.StartAsync(_storage, prefix, functionTypes: [typeof(ProbeFunctions)]);
        await UploadAsync(second, $"{organisationId}/files/{secondName}", "two");

        // The second blob proves the restarted host scans; the first must not come back.
        await Eventually.TrueAsync(async () => (await ProbeFunctions.ReadAsync(Storage(second), "ProbeBlob")).Count >= 2, "the second blob");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var processed = await ProbeFunctions.ReadAsync(Storage(second), "ProbeBlob");
        Assert.Equal(2, processed.Count);
        Assert.Contains($"{organisationId}|{firstName}|one", processed);
        Assert.Contains($"{organisationId}|{secondName}|two", processed);
    }

    [Fact]
    public async Task HttpRoute_BindsRouteParametersByName()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClient();

        var response = await client.GetFromJsonAsync<RouteEcho>("api/probe/orgs/acme/items/42");

        Assert.Equal(new RouteEcho("acme", 42), response);
    }

    private sealed record RouteEcho(string OrgId, int ItemId);

    private Task<Hosting.LocalHostApp> StartAsync() =>
        TestHost.StartAsync(_storage, AzuriteFixture.NewTablePrefix(), functionTypes: [typeof(ProbeFunctions)]);

    private static StorageClients Storage(Hosting.LocalHostApp host) => host.Services.GetRequiredService<StorageClients>();

    private static async Task<bool> QueueIsEmptyAsync(Hosting.LocalHostApp host, string queueName)
    {
        var queue = await Storage(host).QueueAsync(queueName, CancellationToken.None);
        var properties = await queue.GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount == 0;
    }

    private static async Task UploadAsync(Hosting.LocalHostApp host, string name, string content)
    {
        var container = await Storage(host).ContainerAsync("probe-uploads", CancellationToken.None);
        await container.UploadBlobAsync(name, BinaryData.FromString(content));
    }

    private static async Task WriteStaleOutboxRowAsync(Hosting.LocalHostApp host, string organisationId, string queue, MessageEnvelope envelope)
    {
        var storage = Storage(host);
        var table = await storage.TableAsync(StorageNames.OrganisationTable, CancellationToken.None);
        await table.AddEntityAsync(new TableEntity(organisationId, RowKeys.For("outbox", envelope.Id))
        {
            ["Queue"] = queue,
            ["Envelope"] = envelope.ToJson(),
            ["CreatedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5),
        });
        var markers = await storage.TableAsync(StorageNames.PendingOutboxTable, CancellationToken.None);
        await markers.UpsertEntityAsync(new TableEntity("pending", organisationId) { ["MarkedAt"] = DateTimeOffset.UtcNow.AddMinutes(-10) });
    }
}
