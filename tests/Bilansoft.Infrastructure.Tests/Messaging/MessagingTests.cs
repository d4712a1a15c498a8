using Azure.Data.Tables;
using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bilansoft.Infrastructure.Tests.Messaging;

public sealed class MessagingTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public MessagingTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task Inbox_FirstClaimWins_SecondIsHeld()
    {
        var inbox = new TableMessageInbox(NewClients(), TimeProvider.System);

        var first = await inbox.TryClaimAsync("Render", "m1", TimeSpan.FromMinutes(5), CancellationToken.None);
        var second = await inbox.TryClaimAsync("Render", "m1", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(InboxClaim.Acquired, first);
        Assert.Equal(InboxClaim.HeldByOther, second);
    }

    [Fact]
    public async Task Inbox_CompletedMessage_IsAlreadyHandled()
    {
        var inbox = new TableMessageInbox(NewClients(), TimeProvider.System);
        await inbox.TryClaimAsync("Render", "m1", TimeSpan.FromMinutes(5), CancellationToken.None);

        await inbox.CompleteAsync("Render", "m1", CancellationToken.None);

        Assert.Equal(InboxClaim.AlreadyHandled, await inbox.TryClaimAsync("Render", "m1", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(InboxClaim.Acquired, await inbox.TryClaimAsync("Deliver", "m1", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Inbox_ReleasedOrExpiredClaim_CanBeTakenAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var inbox = new TableMessageInbox(NewClients(), clock);
        await inbox.TryClaimAsync("Render", "released", TimeSpan.FromMinutes(5), CancellationToken.None);
        await inbox.TryClaimAsync("Render", "expired", TimeSpan.FromMinutes(5), CancellationToken.None);

        await inbox.ReleaseAsync("Render", "released", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(InboxClaim.Acquired, await inbox.TryClaimAsync("Render", "released", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(InboxClaim.Acquired, await inbox.TryClaimAsync("Render", "expired", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Inbox_EscapesMessageIdsNotAllowedInKeys()
    {
        var inbox = new TableMessageInbox(NewClients(), TimeProvider.System);

        var claim = await inbox.TryClaimAsync("Render", "a/b#c?d\\e", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(InboxClaim.Acquired, claim);
    }

    [Fact]
    public async Task StorageQueuePublisher_SendsTheEnvelopeAsJson()
    {
        var clients = NewClients();
        var publisher = new StorageQueueMessagePublisher(clients);
        var queueName = "q" + Guid.NewGuid().ToString("N")[..12];
        var envelope = Envelope("org-1");

        await publisher.PublishAsync(queueName, envelope, CancellationToken.None);

        var queue = await clients.QueueAsync(queueName, CancellationToken.None);
        var received = MessageEnvelope.FromJson(Assert.Single((await queue.ReceiveMessagesAsync(10)).Value).Body.ToString());
        Assert.Equal(envelope.Id, received.Id);
        Assert.Equal("org-1", received.OrganisationId);
        Assert.Equal("corr-1", received.CorrelationId);
        Assert.Equal("draft-7", received.ReadPayload<Payload>().DocumentId);
    }

    [Fact]
    public async Task Outbox_CommittedRows_ArePublishedAndRemoved()
    {
        var clients = NewClients();
        var publisher = new RecordingPublisher();
        var outbox = new TableOutbox(clients, publisher, TimeProvider.System, NullLogger<TableOutbox>.Instance);
        var message = new OutboxMessage("invoice-issued", Envelope("org-2"));
        var table = await clients.TableAsync(StorageNames.OrganisationTable, CancellationToken.None);
        await outbox.MarkPendingAsync("org-2", CancellationToken.None);
        await table.SubmitTransactionAsync([outbox.CreateRow("org-2", message)]);

        await outbox.PublishCommittedAsync("org-2", [message], CancellationToken.None);

        Assert.Equal(message.Envelope.Id, Assert.Single(publisher.Published).Envelope.Id);
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "org-2").ToListAsync());
    }

    [Fact]
    public async Task Outbox_FailedPublish_IsLeftForTheSweep()
    {
        var clients = NewClients();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var publisher = new RecordingPublisher { FailuresLeft = 1 };
        var outbox = new TableOutbox(clients, publisher, clock, NullLogger<TableOutbox>.Instance);
        var message = new OutboxMessage("invoice-issued", Envelope("org-3"));
        var table = await clients.TableAsync(StorageNames.OrganisationTable, CancellationToken.None);
        await outbox.MarkPendingAsync("org-3", CancellationToken.None);
        await table.SubmitTransactionAsync([outbox.CreateRow("org-3", message)]);

        await outbox.PublishCommittedAsync("org-3", [message], CancellationToken.None);
        var tooEarly = await outbox.SweepAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var swept = await outbox.SweepAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(0, tooEarly);
        Assert.Equal(1, swept);
        Assert.Equal(message.Envelope.Id, Assert.Single(publisher.Published).Envelope.Id);
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "org-3").ToListAsync());
    }

    [Fact]
    public async Task Outbox_Sweep_KeepsRecentMarkersAndDropsOldEmptyOnes()
    {
        var clients = NewClients();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var outbox = new TableOutbox(clients, new RecordingPublisher(), clock, NullLogger<TableOutbox>.Instance);
        var markers = await clients.TableAsync(StorageNames.PendingOutboxTable, CancellationToken.None);
        await outbox.MarkPendingAsync("org-recent", CancellationToken.None);

        await outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None);
        var afterFirstSweep = await markers.QueryAsync<TableEntity>().ToListAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        await outbox.SweepAsync(TimeSpan.Zero, CancellationToken.None);
        var afterSecondSweep = await markers.QueryAsync<TableEntity>().ToListAsync();

        Assert.Single(afterFirstSweep);
        Assert.Empty(afterSecondSweep);
    }

    private sealed record Payload(string DocumentId);

    private static MessageEnvelope Envelope(string organisationId) =>
        MessageEnvelope.Create(Guid.NewGuid().ToString("N"), "invoice-issued", organisationId, "corr-1", DateTimeOffset.UtcNow, new Payload("draft-7"));

    private StorageClients NewClients() =>
        new(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() }));

    /// <summary>A publisher that records messages and can fail a number of times first.</summary>
    private sealed class RecordingPublisher : IMessagePublisher
    {
        public int FailuresLeft { get; set; }

        public List<(string Queue, MessageEnvelope Envelope)> Published { get; } = [];

        public Task PublishAsync(string queueName, MessageEnvelope message, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new Azure.RequestFailedException(503, "Service Bus is unavailable in this test.");
            }

            Published.Add((queueName, message));
            return Task.CompletedTask;
        }
    }
}
