using Azure.Data.Tables;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Tests.Storage;

public sealed class EntityBodyTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public EntityBodyTests(AzuriteFixture storage) => _storage = storage;

    private sealed record Line(string Description, decimal Quantity, decimal UnitPrice, decimal Net);

    private sealed record Document(string Id, decimal Total, List<Line> Lines);

    [Fact]
    public async Task Decimals_RoundTripExactlyThroughTableStorage()
    {
        var table = await NewTableAsync();
        var document = new Document("d1", 1234567890.12m, [
            new Line("precise", 3.333m, 0.0001m, 0.00m),
            new Line("large", 1m, 999999999999.9999m, 999999999999.99m),
            new Line("negative", -2.5m, 19.9999m, -50.00m),
            new Line("trailing zeros keep scale", 1.000m, 10.5000m, 10.50m),
        ]);
        var entity = new TableEntity("org", "doc|d1");

        EntityBody.Write(entity, document);
        await table.AddEntityAsync(entity);
        var read = EntityBody.Read<Document>((await table.GetEntityAsync<TableEntity>("org", "doc|d1")).Value);

        Assert.Equal(document.Total, read.Total);
        for (var i = 0; i < document.Lines.Count; i++)
        {
            Assert.Equal(document.Lines[i], read.Lines[i]);
            Assert.Equal(document.Lines[i].UnitPrice.Scale, read.Lines[i].UnitPrice.Scale);
        }
    }

    [Fact]
    public async Task TableEntity_DoesNotRoundTripDecimalProperties()
    {
        // Why amounts live in the JSON body or as integer cents: Azure.Data.Tables has no decimal
        // EDM type, so a decimal property does not come back as the same decimal.
        var table = await NewTableAsync();
        var amount = 1234567890.1234567890123m;

        var roundTripped = await TryRoundTripAsync(table, amount);

        Assert.False(roundTripped is decimal value && value == amount, $"A decimal property came back unchanged: {roundTripped}.");
    }

    private static async Task<object?> TryRoundTripAsync(TableClient table, decimal amount)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity("org", "decimal") { ["Amount"] = amount });
            return (await table.GetEntityAsync<TableEntity>("org", "decimal")).Value["Amount"];
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or Azure.RequestFailedException)
        {
            return exception;
        }
    }

    [Fact]
    public async Task LargeDocument_IsCompressedAndSplitAcrossProperties()
    {
        var table = await NewTableAsync();
        var lines = Enumerable.Range(1, 1000)
            .Select(i => new Line($"Consultancy day {i}: analysis, design and implementation of the invoicing workflow", i % 7 + 0.25m, 612.3456m, Math.Round((i % 7 + 0.25m) * 612.3456m, 2, MidpointRounding.AwayFromZero)))
            .ToList();
        var document = new Document("big", lines.Sum(l => l.Net), lines);
        var entity = new TableEntity("org", "doc|big");

        EntityBody.Write(entity, document);
        await table.AddEntityAsync(entity);
        var stored = (await table.GetEntityAsync<TableEntity>("org", "doc|big")).Value;
        var read = EntityBody.Read<Document>(stored);

        Assert.Equal("json+gzip", stored.GetString("BodyEncoding"));
        Assert.Equal(1000, read.Lines.Count);
        Assert.Equal(document.Total, read.Total);
        Assert.Equal(lines[^1], read.Lines[^1]);
    }

    [Fact]
    public void Write_RejectsBodiesAboveTheLimit()
    {
        var random = new Random(42);
        var noise = Enumerable.Range(0, 2_000)
            .Select(_ => new Line(Convert.ToBase64String(Enumerable.Range(0, 600).Select(_ => (byte)random.Next(256)).ToArray()), 1, 1, 1))
            .ToList();

        var exception = Assert.Throws<EntityTooLargeException>(() => EntityBody.Write(new TableEntity("org", "x"), new Document("x", 0, noise)));

        Assert.True(exception.StoredBytes > EntityBody.MaxStoredBytes);
    }

    private async Task<TableClient> NewTableAsync()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = _storage.ConnectionString,
            TablePrefix = AzuriteFixture.NewTablePrefix(),
        }));
        return await clients.TableAsync("bodies", CancellationToken.None);
    }
}
