using Azure.Data.Tables;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Sales;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Tests.Sales;

public sealed class SalesDocumentStoreTests : IClassFixture<AzuriteFixture>
{
    private const string Organisation = "org-sales";
    private static readonly DateOnly IssueDate = new(2026, 3, 16);

    private readonly AzuriteFixture _storage;

    public SalesDocumentStoreTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task FourDecimalUnitPrices_RoundTripExactly()
    {
        var (store, _) = NewStore();
        var lines = new[]
        {
            Line(quantity: 3.333m, unitPrice: 12.3456m, discount: 12.5m),
            Line(quantity: 1m, unitPrice: 0.0001m),
            Line(quantity: 2m, unitPrice: 999999.9999m, rate: 6m),
            Line(quantity: 1.000m, unitPrice: 10.5000m, rate: 12m),
        };
        var record = Record(Draft(lines));

        await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [AuditEntry()] }, CancellationToken.None);
        var read = (await store.GetAsync(Organisation, record.Id, CancellationToken.None))!.Value;

        Assert.Equal(lines, read.Document.Lines);
        Assert.Equal(4, read.Document.Lines[0].UnitPrice.Scale);
        Assert.Equal(4, read.Document.Lines[3].UnitPrice.Scale);
        Assert.Equal(record.Document.Totals.TotalWithVat, read.Document.Totals.TotalWithVat);
        Assert.Equal(record.Document.Content.Customer, read.Document.Content.Customer);
        Assert.Equal(record.CreatedAt, read.CreatedAt);
    }

    [Fact]
    public async Task ThousandLines_FitOneCompressedEntity()
    {
        var (store, table) = NewStore();
        var lines = Enumerable.Range(0, 1000).Select(i => Line($"Onderdeel {i:D4} met een omschrijving", 1m + (i % 3), 0.0001m + (i * 1.2345m))).ToArray();
        var record = Record(Draft(lines));

        await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [AuditEntry()] }, CancellationToken.None);
        var read = (await store.GetAsync(Organisation, record.Id, CancellationToken.None))!.Value;
        var entity = (await table.GetEntityAsync<TableEntity>(Organisation, "sales|" + SalesIds.Format(record.Id))).Value;

        Assert.Equal(lines, read.Document.Lines);
        Assert.Equal(record.Document.Totals.TotalWithVat, read.Document.Totals.TotalWithVat);
        Assert.Equal("json+gzip", entity.GetString("BodyEncoding"));
        Assert.Equal(SalesIndex.Cents(record.Document.Totals.TotalWithVat), entity.GetInt64("TotalCents"));
    }

    [Fact]
    public async Task StaleETag_FailsTheCommitAndWritesNothing()
    {
        var (store, table) = NewStore();
        var record = Record(Draft([Line()]));
        var etags = await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [AuditEntry()] }, CancellationToken.None);
        var first = new Versioned<SalesDocumentRecord>(record, etags[record.Id]);
        var changed = record with { Document = record.Document.Update(record.Document.Content with { Reference = "A" }).Value };
        await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(changed, first)], Audit = [AuditEntry()] }, CancellationToken.None);
        var lost = record with { Document = record.Document.Update(record.Document.Content with { Reference = "B" }).Value };

        await Assert.ThrowsAsync<SalesConcurrencyException>(() =>
            store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(lost, first)], Audit = [AuditEntry()] }, CancellationToken.None));

        Assert.Equal("A", (await store.GetAsync(Organisation, record.Id, CancellationToken.None))!.Value.Document.Content.Reference);
        Assert.Equal(2, await CountAsync(table, "audit|"));
    }

    [Fact]
    public async Task FirstNumberOfASeries_IsGivenOnce()
    {
        var (store, _) = NewStore();
        var counter = new CounterWrite(0, new NumberingCounter(2026, 1), null);
        var first = Record(Draft([Line()]));
        var second = Record(Draft([Line()]));

        await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(first, null)], Counter = counter, Audit = [AuditEntry()] }, CancellationToken.None);

        await Assert.ThrowsAsync<SalesConcurrencyException>(() =>
            store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(second, null)], Counter = counter, Audit = [AuditEntry()] }, CancellationToken.None));
        Assert.Null(await store.GetAsync(Organisation, second.Id, CancellationToken.None));
        Assert.Equal(new NumberingCounter(2026, 1), (await store.GetCounterAsync(Organisation, 0, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Issue_MovesIndexRows()
    {
        var (store, table) = NewStore();
        var draft = Record(Draft([Line()]));
        var etags = await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(draft, null)], Audit = [AuditEntry()] }, CancellationToken.None);
        var issued = draft with { Document = Issue(draft.Document, 7, IssueDate.AddDays(2)) };

        await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(issued, new Versioned<SalesDocumentRecord>(draft, etags[draft.Id]))], Audit = [AuditEntry()] }, CancellationToken.None);

        var keys = await KeysAsync(table, "salesidx|");
        Assert.Equal(4, keys.Count);
        Assert.All(keys, key => Assert.DoesNotContain("000000000000", key, StringComparison.Ordinal));
        var summary = Assert.Single((await store.ListAsync(Organisation, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice }, CancellationToken.None)).Items);
        Assert.Equal("2026/0007", summary.Number);
        Assert.Equal(SalesDocumentStatus.Issued, summary.Status);
        Assert.Equal(121.00m, summary.AmountDue);
    }

    [Fact]
    public async Task List_ReadsEachOrderFiltersAndPages()
    {
        var (store, _) = NewStore();
        var records = new List<SalesDocumentRecord>();
        for (var i = 1; i <= 6; i++)
        {
            // Issue dates go back in time while numbers go up, so the two orders differ.
            records.Add(Record(Issue(Draft([Line(unitPrice: i * 10m)], IssueDate.AddDays(-i)), i, IssueDate.AddDays(10 - i))));
        }

        records.Add(Record(Draft([Line()], IssueDate)));
        foreach (var record in records)
        {
            await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [AuditEntry()] }, CancellationToken.None);
        }

        var byNumber = await WalkAsync(store, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, Sort = SalesDocumentSort.Number, Descending = false, Limit = 4 });
        var byNumberDescending = await WalkAsync(store, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, Sort = SalesDocumentSort.Number, Limit = 2 });
        var byDate = await WalkAsync(store, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, Descending = false, Limit = 3 });
        var period = await WalkAsync(store, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, From = IssueDate.AddDays(5), To = IssueDate.AddDays(7), Limit = 10 });
        var drafts = await WalkAsync(store, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, Statuses = new HashSet<SalesDocumentStatus> { SalesDocumentStatus.Draft } });
        var text = await WalkAsync(store, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, Text = "2026/0003", Limit = 1 });

        Assert.Equal([null, "2026/0001", "2026/0002", "2026/0003", "2026/0004", "2026/0005", "2026/0006"], byNumber.Select(summary => summary.Number));
        Assert.Equal(byNumber.AsEnumerable().Reverse().Select(summary => summary.Id), byNumberDescending.Select(summary => summary.Id));
        Assert.Equal(["2026/0006", "2026/0005", "2026/0004", "2026/0003", "2026/0002", "2026/0001"], byDate.Skip(1).Select(summary => summary.Number));
        Assert.Equal(["2026/0003", "2026/0004", "2026/0005"], period.Select(summary => summary.Number));
        Assert.Null(Assert.Single(drafts).Number);
        Assert.Equal("2026/0003", Assert.Single(text).Number);
        Assert.Equal(36.30m, Assert.Single(text).Total);
    }

    [Fact]
    public async Task OpenInvoices_HaveAnAmountDue()
    {
        var (store, _) = NewStore();
        var open = Record(Issue(Draft([Line(unitPrice: 100m)]), 1, IssueDate));
        var paid = Record(Issue(Draft([Line(unitPrice: 50m)]), 2, IssueDate));
        paid = paid with { Document = paid.Document.RecordPayment(new InvoicePayment(PaymentId.New(), IssueDate, 60.50m)).Value };
        var partly = Record(Issue(Draft([Line(unitPrice: 200m)]), 3, IssueDate));
        partly = partly with { Document = partly.Document.RecordPayment(new InvoicePayment(PaymentId.New(), IssueDate, 42m)).Value };
        var draft = Record(Draft([Line()]));
        foreach (var record in new[] { open, paid, partly, draft })
        {
            await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [AuditEntry()] }, CancellationToken.None);
        }

        var invoices = await store.ListOpenInvoicesAsync(Organisation, CancellationToken.None);

        Assert.Equal([("2026/0001", 121.00m), ("2026/0003", 200.00m)], invoices.Select(invoice => (invoice.Number, invoice.AmountDue)).Order());
        Assert.Equal(open.Document.StructuredCommunication, invoices.Single(invoice => invoice.Number == "2026/0001").StructuredCommunication);
        Assert.Equal("Bouwbedrijf Peeters NV", invoices[0].CustomerName);
    }

    [Fact]
    public async Task DeletedDraft_LeavesNoRows()
    {
        var (store, table) = NewStore();
        var draft = Record(Draft([Line()]));
        var etags = await store.CommitAsync(Organisation, new SalesCommit { Writes = [new DocumentWrite(draft, null)], Audit = [AuditEntry()] }, CancellationToken.None);

        await store.CommitAsync(Organisation, new SalesCommit { Deletes = [new Versioned<SalesDocumentRecord>(draft, etags[draft.Id])], Audit = [AuditEntry()] }, CancellationToken.None);

        Assert.Empty(await KeysAsync(table, "sales"));
        Assert.Null(await store.GetAsync(Organisation, draft.Id, CancellationToken.None));
    }

    private (TableSalesDocumentStore Store, TableClient Table) NewStore()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() }));
        var outbox = new TableOutbox(clients, new StorageQueueMessagePublisher(clients), TimeProvider.System, NullLogger<TableOutbox>.Instance);
        var table = clients.TableAsync(StorageNames.OrganisationTable, CancellationToken.None).GetAwaiter().GetResult();
        return (new TableSalesDocumentStore(clients, outbox), table);
    }

    private static SalesLine Line(string description = "Consultancy", decimal quantity = 1m, decimal unitPrice = 100m, decimal discount = 0m, decimal rate = 21m) => new()
    {
        Description = description,
        Quantity = quantity,
        UnitPrice = unitPrice,
        DiscountPercent = discount,
        VatCategory = VatCategory.Standard,
        VatRate = rate,
    };

    private static SalesDocument Draft(IReadOnlyList<SalesLine> lines, DateOnly? issueDate = null) =>
        SalesDocument.CreateDraft(SalesDocumentId.New(), SalesDocumentKind.Invoice, new SalesDocumentContent
        {
            Customer = new CustomerSnapshot
            {
                CustomerId = "customer-1",
                Name = "Bouwbedrijf Peeters NV",
                Address = new PostalAddress("Kerkstraat 1", "9000", "Gent", "BE"),
                VatNumber = VatNumber.Parse("BE0428759497"),
            },
            IssueDate = issueDate ?? IssueDate,
            PaymentTermDays = 30,
            Lines = lines,
        });

    private static SalesDocument Issue(SalesDocument draft, long sequence, DateOnly issueDate) =>
        draft.Issue(new DocumentNumber(0, 2026, sequence, $"2026/{sequence:D4}"), issueDate, SalesValidationOptions.Default).Value;

    private static SalesDocumentRecord Record(SalesDocument document) => new()
    {
        Document = document,
        CreatedAt = DateTimeOffset.Parse("2026-03-16T09:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse("2026-03-16T09:30:00+00:00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static AuditEntry AuditEntry() => Audit.Entry(new Caller("user-1", "Tester", null), DateTimeOffset.UtcNow, "invoice.tested", "invoice", "x");

    private static async Task<List<SalesDocumentSummary>> WalkAsync(TableSalesDocumentStore store, SalesDocumentQuery query)
    {
        var all = new List<SalesDocumentSummary>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(Organisation, query with { Cursor = cursor }, CancellationToken.None);
            Assert.True(page.Items.Count <= query.Limit);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    private static async Task<List<string>> KeysAsync(TableClient table, string prefix)
    {
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Organisation, select: ["RowKey"]))
        {
            if (entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(entity.RowKey);
            }
        }

        return keys;
    }

    private static async Task<int> CountAsync(TableClient table, string prefix) => (await KeysAsync(table, prefix)).Count;
}
