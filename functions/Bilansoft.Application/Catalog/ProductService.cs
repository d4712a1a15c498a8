using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Catalog;

/// <summary>Creates, reads, changes and deletes products, and lists the ones to reorder.</summary>
public sealed class ProductService
{
    private readonly IProductStore _store;
    private readonly SalesOptions _options;
    private readonly TimeProvider _clock;

    public ProductService(IProductStore store, IOptions<SalesOptions> options, TimeProvider clock)
    {
        _store = store;
        _options = options.Value;
        _clock = clock;
    }

    public async Task<Versioned<Product>> CreateAsync(OrganisationAccess access, ProductInput input, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var product = ProductValidator.Validate(input, Guid.CreateVersion7(now).ToString("N"), _options.VatRates, BusinessDate.Today(_clock), now, now);

        var audit = Audit.Entry(access.Caller, now, "product.created", "product", product.Id, Details(product));
        return await _store.AddAsync(access.OrganisationId, product, audit, cancellationToken);
    }

    public Task<ListPage<Product>> ListAsync(OrganisationAccess access, CatalogQuery query, CancellationToken cancellationToken) =>
        _store.ListAsync(access.OrganisationId, query, cancellationToken);

    /// <summary>Tracked products whose stock is at or below their reorder level, the furthest below it first.</summary>
    public async Task<IReadOnlyList<Versioned<Product>>> ListToReorderAsync(OrganisationAccess access, CancellationToken cancellationToken) =>
        [.. (await _store.ListTrackedAsync(access.OrganisationId, cancellationToken))
            .Where(product => product.Value.NeedsReorder)
            .OrderBy(product => product.Value.StockLevel - product.Value.ReorderLevel!.Value)
            .ThenBy(product => product.Value.Code, StringComparer.OrdinalIgnoreCase)];

    public async Task<Versioned<Product>> GetAsync(OrganisationAccess access, string productId, CancellationToken cancellationToken) =>
        (Identifiers.IsValid(productId) ? await _store.GetAsync(access.OrganisationId, productId, cancellationToken) : null)
        ?? throw ProblemException.NotFound("product", productId);

    /// <summary>
    /// Replaces the product, including its stock level, as after a stock count;
    /// <paramref name="ifMatch"/>, when given, must be the current ETag.
    /// </summary>
    public async Task<Versioned<Product>> UpdateAsync(OrganisationAccess access, string productId, ProductInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, productId, cancellationToken);
        CheckIfMatch(current.ETag, ifMatch, productId);
        var now = _clock.GetUtcNow();
        var product = ProductValidator.Validate(input, productId, _options.VatRates, BusinessDate.Today(_clock), current.Value.CreatedAt, now);

        var details = Details(product);
        if (product.StockLevel != current.Value.StockLevel)
        {
            details["previousStockLevel"] = CatalogRules.Invariant(current.Value.StockLevel);
        }

        var audit = Audit.Entry(access.Caller, now, "product.updated", "product", productId, details);
        return await _store.SaveAsync(access.OrganisationId, product, current, audit, cancellationToken);
    }

    /// <summary>
    /// Deletes the product. Lines already written keep their text and price; issuing a draft that
    /// still names the product moves no stock.
    /// </summary>
    public async Task DeleteAsync(OrganisationAccess access, string productId, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, productId, cancellationToken);
        CheckIfMatch(current.ETag, ifMatch, productId);

        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "product.deleted", "product", productId, Details(current.Value));
        await _store.DeleteAsync(access.OrganisationId, current, audit, cancellationToken);
    }

    private static void CheckIfMatch(string etag, string? ifMatch, string productId)
    {
        if (ifMatch is not null && ifMatch != etag)
        {
            throw ProblemException.PreconditionFailed("product", productId);
        }
    }

    private static Dictionary<string, string?> Details(Product product) => new()
    {
        ["code"] = product.Code,
        ["unitPrice"] = CatalogRules.Invariant(product.UnitPrice),
        ["stockLevel"] = product.TrackStock ? CatalogRules.Invariant(product.StockLevel) : null,
    };
}
