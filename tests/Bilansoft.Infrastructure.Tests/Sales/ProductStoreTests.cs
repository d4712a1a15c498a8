using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Infrastructure.Catalog;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Tests.Sales;

public sealed class ProductStoreTests : IClassFixture<AzuriteFixture>
{
    private const string Organisation = "org-products";

    private readonly AzuriteFixture _storage;

    public ProductStoreTests(AzuriteFixture storage) => _storage = storage;

    [Theory]
    [InlineData(5, "point reads in parallel")]
    [InlineData(20, "one scan of the organisation's products")]
    public async Task GetMany_ReturnsTheExistingProducts(int count, string reason)
    {
        var store = NewStore();
        var products = Enumerable.Range(0, count).Select(i => Product($"P-{i:D3}")).ToList();
        foreach (var product in products)
        {
            await store.AddAsync(Organisation, product, Audit(), CancellationToken.None);
        }

        var found = await store.GetManyAsync(Organisation, [.. products.Select(product => product.Id), Guid.NewGuid().ToString("N")], CancellationToken.None);

        Assert.True(found.Count == count, reason);
        Assert.All(products, product => Assert.Equal(product.Code, found[product.Id].Value.Code));
    }

    [Fact]
    public async Task Pages_SkipNonMatchingProducts()
    {
        var store = NewStore();
        foreach (var code in new[] { "A-1", "B-1", "A-2", "B-2", "A-3" })
        {
            await store.AddAsync(Organisation, Product(code), Audit(), CancellationToken.None);
        }

        var first = await store.ListAsync(Organisation, new CatalogQuery(null, 2, "a-"), CancellationToken.None);
        var second = await store.ListAsync(Organisation, new CatalogQuery(first.NextCursor, 2, "a-"), CancellationToken.None);

        Assert.Equal(2, first.Items.Count);
        Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Equal(["A-1", "A-2", "A-3"], first.Items.Concat(second.Items).Select(product => product.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StaleProduct_IsNotSaved()
    {
        var store = NewStore();
        var added = await store.AddAsync(Organisation, Product("STOCK"), Audit(), CancellationToken.None);
        await store.SaveAsync(Organisation, added.Value with { StockLevel = 5m }, added, Audit(), CancellationToken.None);

        var problem = await Assert.ThrowsAsync<ProblemException>(() => store.SaveAsync(Organisation, added.Value with { StockLevel = 9m }, added, Audit(), CancellationToken.None));

        Assert.Equal(ProblemKind.PreconditionFailed, problem.Kind);
        Assert.Equal(5m, (await store.GetAsync(Organisation, added.Value.Id, CancellationToken.None))!.Value.StockLevel);
    }

    private TableProductStore NewStore() =>
        new(new StorageClients(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() })));

    private static Product Product(string code) => new()
    {
        Id = Guid.CreateVersion7().ToString("N"),
        Code = code,
        Name = new TranslatedText("Product " + code, null, null, null),
        UnitPrice = 1.2345m,
        VatCategory = "standard",
        VatRate = 21m,
        TrackStock = true,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static AuditEntry Audit() => Application.Organisations.Audit.Entry(new Caller("user-1", null, null), DateTimeOffset.UtcNow, "product.tested", "product", "x");
}
