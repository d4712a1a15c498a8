using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Infrastructure.Banking;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Tests.Banking;

public sealed class TableBankImportStoreTests : IClassFixture<AzuriteFixture>
{
    private const string Organisation = "0123456789abcdef0123456789abcdef";
    private const string Account = "acc00000000000000000000000000001";

    private readonly AzuriteFixture _storage;
    private StorageClients? _clients;

    public TableBankImportStoreTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task Stage_WithAnOldETag_IsRejected()
    {
        var store = NewStore();
        var import = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        var processing = await store.SaveAsync(Organisation, import.Value with { Status = BankImportStatus.Processing }, import.ETag, CancellationToken.None);
        await store.StageAsync(Organisation, processing.Value, processing.ETag, [Transaction(processing.Value.Id, 1, "k1")], [Account], CancellationToken.None);

        var stale = await Assert.ThrowsAsync<ProblemException>(() =>
            store.StageAsync(Organisation, processing.Value, processing.ETag, [Transaction(processing.Value.Id, 2, "k2")], [Account], CancellationToken.None));

        Assert.Equal(ProblemKind.PreconditionFailed, stale.Kind);
        Assert.Single(await store.ListTransactionsAsync(Organisation, processing.Value.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Stage_SplitsLargeBatchesIntoTransactions()
    {
        var store = NewStore();
        var import = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        var transactions = Enumerable.Range(1, 250).Select(position => Transaction(import.Value.Id, position, "key" + position)).ToList();

        await store.StageAsync(Organisation, import.Value, import.ETag, transactions, [Account], CancellationToken.None);

        Assert.Equal(250, (await store.ListTransactionsAsync(Organisation, import.Value.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CountStoredKeys_CountsOnlyProcessedImports()
    {
        var store = NewStore();
        var processed = await StageAsync(store, ["same", "same", "other"]);
        await MarkAsync(store, processed, BankImportStatus.Processed);
        await StageAsync(store, ["same"]);

        var counts = await store.CountStoredKeysAsync(Organisation, Account, new DateOnly(2026, 2, 3), filesOnly: false, CancellationToken.None);

        Assert.Equal(2, counts["same"]);
        Assert.Equal(1, counts["other"]);
    }

    [Fact]
    public async Task Claim_SecondImportSeesTheFirst_UntilTheFirstFails()
    {
        var store = NewStore();
        var first = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        var second = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        await MarkAsync(store, first.Value.Id, BankImportStatus.Processed);

        var ownClaim = await store.ClaimStatementAsync(Organisation, first.Value.Id, "coda|X|EUR|2026|1", "fp-1", CancellationToken.None);
        var again = await store.ClaimStatementAsync(Organisation, first.Value.Id, "coda|X|EUR|2026|1", "fp-1", CancellationToken.None);
        var conflict = await store.ClaimStatementAsync(Organisation, second.Value.Id, "coda|X|EUR|2026|1", "fp-2", CancellationToken.None);
        await MarkAsync(store, first.Value.Id, BankImportStatus.Failed);
        var takenOver = await store.ClaimStatementAsync(Organisation, second.Value.Id, "coda|X|EUR|2026|1", "fp-2", CancellationToken.None);

        Assert.Null(ownClaim);
        Assert.Null(again);
        Assert.Equal(new StatementClaimConflict(first.Value.Id, SameKey: true, SameContent: false), conflict);
        Assert.Null(takenOver);
    }

    [Fact]
    public async Task Cleanup_RemovesEveryRowOfTheImport()
    {
        var store = NewStore();
        var import = await StageAsync(store, ["a", "b"]);
        await store.ClaimStatementAsync(Organisation, import, "coda|Y|EUR|2026|9", "fp-9", CancellationToken.None);
        await MarkAsync(store, import, BankImportStatus.Processing);

        await store.CleanupAsync(Organisation, import, CancellationToken.None);

        Assert.Empty(await store.ListTransactionsAsync(Organisation, import, CancellationToken.None));
        await MarkAsync(store, import, BankImportStatus.Processed);
        Assert.Empty(await store.CountStoredKeysAsync(Organisation, Account, new DateOnly(2026, 2, 3), filesOnly: false, CancellationToken.None));
        var other = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        Assert.Null(await store.ClaimStatementAsync(Organisation, other.Value.Id, "coda|Y|EUR|2026|9", "fp-9", CancellationToken.None));
        Assert.False(await new TableBankAccountStore(_clients!).HasStatementsAsync(Organisation, Account, CancellationToken.None));
    }

    [Fact]
    public async Task Complete_WritesTheImportAndItsOutboxRowTogether()
    {
        var store = NewStore();
        var import = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        var envelope = MessageEnvelope.Create("m-" + import.Value.Id, BankStatementImported.MessageType, Organisation, "c1", DateTimeOffset.UtcNow, new BankStatementImported(import.Value.Id));
        var audit = Audit.Entry(BankingActors.System, DateTimeOffset.UtcNow, "bank-statement.imported", "bank-statement", import.Value.Id);

        await store.CompleteAsync(Organisation, import.Value with { Status = BankImportStatus.Processed }, import.ETag, [], new OutboxMessage(QueueNames.BankStatementImported, envelope), audit, CancellationToken.None);

        Assert.Equal(BankImportStatus.Processed, (await store.GetAsync(Organisation, import.Value.Id, CancellationToken.None))!.Value.Status);
        var table = await _clients!.TableAsync(StorageNames.OrganisationTable, CancellationToken.None);
        Assert.True((await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(Organisation, RowKeys.For(TableOutbox.Kind, envelope.Id))).HasValue);
    }

    private TableBankImportStore NewStore()
    {
        _clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() }));
        var outbox = new TableOutbox(_clients, new StorageQueueMessagePublisher(_clients), TimeProvider.System, NullLogger<TableOutbox>.Instance);
        return new TableBankImportStore(_clients, outbox);
    }

    private static async Task<string> StageAsync(TableBankImportStore store, IReadOnlyList<string> keys)
    {
        var import = await store.AddAsync(Organisation, NewImport(), CancellationToken.None);
        var transactions = keys.Select((key, index) => Transaction(import.Value.Id, index + 1, key)).ToList();
        await store.StageAsync(Organisation, import.Value, import.ETag, transactions, [Account], CancellationToken.None);
        return import.Value.Id;
    }

    private static async Task MarkAsync(TableBankImportStore store, string importId, BankImportStatus status)
    {
        var current = (await store.GetAsync(Organisation, importId, CancellationToken.None))!;
        await store.SaveAsync(Organisation, current.Value with { Status = status }, current.ETag, CancellationToken.None);
    }

    private static BankImport NewImport() => new()
    {
        Id = BankImportIds.New(DateTimeOffset.UtcNow),
        Status = BankImportStatus.Received,
        FileName = "test.cod",
        Size = 128,
        UploadedBy = "user-1",
        ReceivedAt = DateTimeOffset.UtcNow,
    };

    private static StatementTransaction Transaction(string importId, int position, string key) => new()
    {
        Id = StatementTransaction.IdFor(importId, position),
        ImportId = importId,
        AccountId = Account,
        StatementIndex = 0,
        Amount = 10m + position,
        Currency = "EUR",
        BookingDate = new DateOnly(2026, 2, 3),
        Key = key,
        Units = [],
    };
}
