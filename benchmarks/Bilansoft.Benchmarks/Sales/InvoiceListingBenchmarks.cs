using System.Globalization;
using BenchmarkDotNet.Attributes;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Sales;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilansoft.Benchmarks.Sales;

/// <summary>
/// Lists 10,000 issued invoices of one organisation through <see cref="TableSalesDocumentStore"/>
/// against an in-memory Azurite started in the benchmark process: the first page, a walk over all
/// pages, a filtered page, a text search and the open invoices the payment matcher reads.
/// </summary>
[MemoryDiagnoser]
public class InvoiceListingBenchmarks
{
    private const int InvoiceCount = 10_000;
    private const int CustomerCount = 200;
    private const int InvoicesPerCommit = 16;
    private const string Organisation = "benchmark-org";
    private static readonly DateOnly FirstIssueDate = new(2026, 1, 2);

    private readonly AzuriteFixture _azurite = new();
    private TableSalesDocumentStore _store = null!;

    [GlobalSetup]
    public async Task SeedAsync()
    {
        await _azurite.InitializeAsync();
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() }));
        var outbox = new TableOutbox(clients, new StorageQueueMessagePublisher(clients), TimeProvider.System, NullLogger<TableOutbox>.Instance);
        _store = new TableSalesDocumentStore(clients, outbox);

        // Sixteen invoices per transaction (16 × 5 rows and one audit row), four transactions at a time.
        var batches = Enumerable.Range(0, InvoiceCount).Select(Invoice).Chunk(InvoicesPerCommit).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, cancellationToken) =>
        {
            var commit = new SalesCommit
            {
                Writes = [.. batch.Select(record => new DocumentWrite(record, null))],
                Audit = [Audit.Entry(new Caller("benchmark", null, null), DateTimeOffset.UtcNow, "invoice.seeded", "invoice", "batch")],
            };
            await _store.CommitAsync(Organisation, commit, cancellationToken);
        });

        var walked = await WalkAllPagesAsync();
        if (walked != InvoiceCount)
        {
            throw new InvalidOperationException($"Seeded {InvoiceCount} invoices but listed {walked}.");
        }
    }

    [GlobalCleanup]
    public Task StopAsync() => _azurite.DisposeAsync();

    /// <summary>The first 50 invoices, newest first: the default list.</summary>
    [Benchmark]
    public async Task<int> FirstPage() =>
        (await _store.ListAsync(Organisation, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice }, CancellationToken.None)).Items.Count;

    /// <summary>All 10,000 invoices in pages of 200 (the largest page), by number.</summary>
    [Benchmark]
    public Task<int> AllPages() => WalkAllPagesAsync();

    /// <summary>The first page of one customer's partly paid invoices, filtered in the table service.</summary>
    [Benchmark]
    public async Task<int> CustomerAndStatusPage() =>
        (await _store.ListAsync(Organisation, new SalesDocumentQuery
        {
            Kind = SalesDocumentKind.Invoice,
            CustomerId = CustomerId(17),
            Statuses = new HashSet<SalesDocumentStatus> { SalesDocumentStatus.PartiallyPaid },
        }, CancellationToken.None)).Items.Count;

    /// <summary>The first page of a text search, which scans the index rows of the organisation.</summary>
    [Benchmark]
    public async Task<int> TextSearchPage() =>
        (await _store.ListAsync(Organisation, new SalesDocumentQuery { Kind = SalesDocumentKind.Invoice, Text = "klant 042" }, CancellationToken.None)).Items.Count;

    /// <summary>The invoices still to be paid, as the payment matcher reads them.</summary>
    [Benchmark]
    public async Task<int> OpenInvoices() =>
        (await _store.ListOpenInvoicesAsync(Organisation, CancellationToken.None)).Count;

    private async Task<int> WalkAllPagesAsync()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await _store.ListAsync(Organisation, new SalesDocumentQuery
            {
                Kind = SalesDocumentKind.Invoice,
                Sort = SalesDocumentSort.Number,
                Limit = Application.Platform.PageSize.Max,
                Cursor = cursor,
            }, CancellationToken.None);
            count += page.Items.Count;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return count;
    }

    private static string CustomerId(int index) => index.ToString("D32", CultureInfo.InvariantCulture);

    // Invoices of 3 lines over the year, one in three partly paid, spread over 200 customers.
    private static SalesDocumentRecord Invoice(int index)
    {
        var sequence = index + 1;
        var issueDate = FirstIssueDate.AddDays(index / 40);
        var content = new SalesDocumentContent
        {
            Customer = new CustomerSnapshot
            {
                CustomerId = CustomerId(index % CustomerCount),
                Name = string.Create(CultureInfo.InvariantCulture, $"Klant {index % CustomerCount:D3} BV"),
                Address = new PostalAddress("Kerkstraat 1", "9000", "Gent", "BE"),
                VatNumber = VatNumber.Parse("BE0428759497"),
            },
            IssueDate = issueDate,
            PaymentTermDays = 30,
            Reference = string.Create(CultureInfo.InvariantCulture, $"PO-{sequence:D5}"),
            Lines =
            [
                Line("Consultancy", 3m + (index % 5), 95m, 21m),
                Line("Verplaatsing", 1m, 0.4567m * (index % 90), 21m),
                Line("Documentatie", 1m, 42.5m, 6m),
            ],
        };
        var draft = SalesDocument.CreateDraft(SalesDocumentId.New(), SalesDocumentKind.Invoice, content);
        var number = new DocumentNumber(0, 2026, sequence, string.Create(CultureInfo.InvariantCulture, $"2026/{sequence:D5}"));
        var invoice = draft.Issue(number, issueDate, SalesValidationOptions.Default).Value;
        if (index % 3 == 0)
        {
            invoice = invoice.RecordPayment(new InvoicePayment(PaymentId.New(), issueDate.AddDays(10), 100m)).Value;
        }

        var now = DateTimeOffset.UtcNow;
        return new SalesDocumentRecord { Document = invoice, CreatedAt = now, UpdatedAt = now, IssuedAt = now };
    }

    private static SalesLine Line(string description, decimal quantity, decimal unitPrice, decimal rate) => new()
    {
        Description = description,
        Quantity = quantity,
        UnitPrice = unitPrice,
        VatCategory = VatCategory.Standard,
        VatRate = rate,
    };
}
