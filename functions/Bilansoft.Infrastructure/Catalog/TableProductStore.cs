using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Sales;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Catalog;

/// <summary>
/// Products in the organisation table: <c>product|{id}</c> with the product as JSON and
/// <c>Code</c> and <c>TrackStock</c> as plain properties, and one <c>product-code|{CODE}</c> row per
/// product that claims its code. Both are written in one transaction, so a code taken by another
/// product fails the insert and codes stay unique.
/// </summary>
public sealed class TableProductStore : IProductStore
{
    /// <summary>Row-key kind of product rows.</summary>
    public const string Kind = "product";

    private const string CodeKind = "product-code";

    // Below this many ids, point reads in parallel beat reading every product of the organisation.
    private const int PointReadLimit = 16;

    private readonly StorageClients _storage;

    public TableProductStore(StorageClients storage) => _storage = storage;

    /// <summary>Creates the row of a product, for this store and for the stock changes of issued documents.</summary>
    public static TableEntity Row(string organisationId, Product product)
    {
        var entity = OrganisationTable.Row(organisationId, Kind, product.Id, product);
        entity["Code"] = product.Code;
        entity["TrackStock"] = product.TrackStock;
        return entity;
    }

    public async Task<Versioned<Product>> AddAsync(string organisationId, Product product, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Row(organisationId, product)),
                new TableTransactionAction(TableTransactionActionType.Add, CodeRow(organisationId, product)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            product,
            cancellationToken);
        return new Versioned<Product>(product, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task<Versioned<Product>?> GetAsync(string organisationId, string productId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<Product>(await TableAsync(cancellationToken), organisationId, Kind, productId, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Versioned<Product>>> GetManyAsync(string organisationId, IReadOnlyCollection<string> productIds, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var requested = productIds.Where(Identifiers.IsValid).ToHashSet(StringComparer.Ordinal);
        if (requested.Count <= PointReadLimit)
        {
            var reads = await Task.WhenAll(requested.Select(id => OrganisationTable.GetAsync<Product>(table, organisationId, Kind, id, cancellationToken)));
            return reads.Where(read => read is not null).ToDictionary(read => read!.Value.Id, read => read!, StringComparer.Ordinal);
        }

        var found = new Dictionary<string, Versioned<Product>>(StringComparer.Ordinal);
        foreach (var product in await OrganisationTable.ListAsync<Product>(table, organisationId, Kind, cancellationToken))
        {
            if (requested.Contains(product.Value.Id))
            {
                found[product.Value.Id] = product;
            }
        }

        return found;
    }

    public async Task<ListPage<Product>> ListAsync(string organisationId, CatalogQuery query, CancellationToken cancellationToken)
    {
        var range = new KeysetPages.Range(organisationId, RowKeys.RangeStart(Kind), RowKeys.RangeEnd(Kind));
        return await KeysetPages.ReadAsync(await TableAsync(cancellationToken), range, query.Cursor, query.Limit, query.Text is not null, entity =>
        {
            var product = EntityBody.Read<Product>(entity);
            return Matches(product, query.Text) ? product : null;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<Product>>> ListTrackedAsync(string organisationId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var filter = $"{RowKeys.KindFilter(organisationId, Kind)} and TrackStock eq true";
        var products = new List<Versioned<Product>>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            products.Add(OrganisationTable.Read<Product>(entity));
        }

        return products;
    }

    public async Task<Versioned<Product>> SaveAsync(string organisationId, Product product, Versioned<Product> previous, AuditEntry audit, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, Row(organisationId, product), new ETag(previous.ETag)),
        };
        if (CodeKey(product.Code) != CodeKey(previous.Value.Code))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, CodeKey(previous.Value.Code)), ETag.All));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, CodeRow(organisationId, product)));
        }

        actions.Add(OrganisationTable.AuditRow(organisationId, audit));
        var response = await SubmitAsync(actions, product, cancellationToken);
        return new Versioned<Product>(product, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task DeleteAsync(string organisationId, Versioned<Product> previous, AuditEntry audit, CancellationToken cancellationToken) =>
        await SubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, RowKeys.For(Kind, previous.Value.Id)), new ETag(previous.ETag)),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, CodeKey(previous.Value.Code)), ETag.All),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            previous.Value,
            cancellationToken);

    private async Task<Response<IReadOnlyList<Response>>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, Product product, CancellationToken cancellationToken)
    {
        try
        {
            return await (await TableAsync(cancellationToken)).SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            throw ProblemException.Conflict(CatalogErrorCodes.ProductCodeExists, new Dictionary<string, object?> { ["code"] = product.Code });
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 412)
        {
            throw ProblemException.PreconditionFailed("product", product.Id);
        }
    }

    private static bool Matches(Product product, string? text) =>
        text is null
        || product.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
        || new[] { product.Name.Dutch, product.Name.French, product.Name.English, product.Name.German }
            .Any(name => name?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    // Codes are unique without regard to case, so the claim row uses the upper-case code.
    private static string CodeKey(string code) => RowKeys.For(CodeKind, RowKeys.Escape(code.ToUpperInvariant()));

    private static TableEntity CodeRow(string organisationId, Product product) =>
        new(organisationId, CodeKey(product.Code)) { ["ProductId"] = product.Id };

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
