using Bilansoft.Application.Documents;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Documents;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Tests.Documents;

public sealed class DocumentStoreTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public DocumentStoreTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task FileStore_KeepsTheFirstStoredVersion()
    {
        var files = new BlobDocumentFileStore(NewClients());
        var organisation = Guid.NewGuid().ToString("N");

        var first = await files.AddOrGetAsync(organisation, "doc-1", DocumentFileKind.Pdf, new byte[] { 1, 2, 3 }, CancellationToken.None);
        var second = await files.AddOrGetAsync(organisation, "doc-1", DocumentFileKind.Pdf, new byte[] { 9, 9 }, CancellationToken.None);

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], second);
        Assert.Equal([1, 2, 3], await files.GetAsync(organisation, "doc-1", DocumentFileKind.Pdf, CancellationToken.None));
        Assert.Null(await files.GetAsync(organisation, "doc-1", DocumentFileKind.Ubl, CancellationToken.None));
    }

    [Fact]
    public async Task DeliveryStore_StaleETag_IsAConcurrencyFailure()
    {
        var clients = NewClients();
        var store = new TableDocumentDeliveryStore(clients, Outbox(clients));
        var organisation = Guid.NewGuid().ToString("N");
        var delivery = new DocumentDelivery { DocumentId = "doc-1", Kind = SalesDocumentKind.Invoice, Number = "2026/0001" };
        var etag = await store.SaveAsync(organisation, delivery, null, [AuditEntry()], [], CancellationToken.None);
        await store.SaveAsync(organisation, delivery with { RenderFailure = "first writer" }, etag, [], [], CancellationToken.None);

        var stale = store.SaveAsync(organisation, delivery with { RenderFailure = "second writer" }, etag, [], [], CancellationToken.None);
        var added = store.SaveAsync(organisation, delivery, null, [], [], CancellationToken.None);

        await Assert.ThrowsAsync<DeliveryConcurrencyException>(() => stale);
        await Assert.ThrowsAsync<DeliveryConcurrencyException>(() => added);
        Assert.Equal("first writer", (await store.GetAsync(organisation, "doc-1", CancellationToken.None))!.Value.RenderFailure);
    }

    [Fact]
    public async Task DeliveryStore_WritesTheOutboxRowWithTheState()
    {
        var clients = NewClients();
        var store = new TableDocumentDeliveryStore(clients, Outbox(clients));
        var organisation = Guid.NewGuid().ToString("N");
        var delivery = new DocumentDelivery { DocumentId = "doc-2", Kind = SalesDocumentKind.CreditNote, Number = "CN-1" };
        var envelope = MessageEnvelope.Create("message-1", DocumentMessages.DeliveryRequested, organisation, "correlation", DateTimeOffset.UtcNow,
            new DeliveryRequestPayload("doc-2", SalesDocumentKind.CreditNote, "CN-1", "request-1"));

        await store.SaveAsync(organisation, delivery, null, [], [new OutboxMessage(QueueNames.DocumentsRendered, envelope)], CancellationToken.None);

        var table = await clients.TableAsync(StorageNames.OrganisationTable, CancellationToken.None);
        var row = await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(organisation, RowKeys.For(TableOutbox.Kind, "message-1"));
        Assert.True(row.HasValue);
        Assert.Equal(QueueNames.DocumentsRendered, row.Value!.GetString("Queue"));
    }

    [Fact]
    public async Task TransmissionIndex_FindsTheDocument()
    {
        var index = new TablePeppolTransmissionIndex(NewClients());

        await index.AddAsync("tx/1001", "org-1", "doc-1", CancellationToken.None);
        await index.AddAsync("tx/1001", "org-1", "doc-1", CancellationToken.None);

        Assert.Equal(("org-1", "doc-1"), await index.FindAsync("tx/1001", CancellationToken.None));
        Assert.Null(await index.FindAsync("tx-unknown", CancellationToken.None));
    }

    private static AuditEntry AuditEntry() =>
        Audit.Entry(new Caller("system", "Bilansoft", null), DateTimeOffset.UtcNow, "invoice.sent", "invoice", "doc-1");

    private static TableOutbox Outbox(StorageClients clients) =>
        new(clients, new NoPublisher(), TimeProvider.System, NullLogger<TableOutbox>.Instance);

    private StorageClients NewClients() =>
        new(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() }));

    private sealed class NoPublisher : IMessagePublisher
    {
        public Task PublishAsync(string queueName, MessageEnvelope message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
