using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Catalog;

/// <summary>Criteria of a catalog list: a page after a cursor, optionally only entries whose name or code contains a text.</summary>
/// <param name="Cursor">Opaque cursor of the previous page, or null for the first page.</param>
/// <param name="Limit">Page size, already normalised.</param>
/// <param name="Text">Case-insensitive text to look for, or null for every entry.</param>
public sealed record CatalogQuery(string? Cursor, int Limit, string? Text);

/// <summary>
/// Customers of an organisation. Each write and its audit entry are stored in one transaction;
/// writes with an ETag fail with a precondition problem when the stored version changed.
/// </summary>
public interface ICustomerStore
{
    Task<Versioned<Customer>> AddAsync(string organisationId, Customer customer, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Reads a customer, deleted or not; null when it never existed.</summary>
    Task<Versioned<Customer>?> GetAsync(string organisationId, string customerId, CancellationToken cancellationToken);

    /// <summary>Lists customers that are not deleted, oldest first.</summary>
    Task<ListPage<Customer>> ListAsync(string organisationId, CatalogQuery query, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when <paramref name="etag"/> is not the stored version.</exception>
    Task<Versioned<Customer>> SaveAsync(string organisationId, Customer customer, string etag, AuditEntry audit, CancellationToken cancellationToken);
}

/// <summary>
/// Products of an organisation. Product codes are unique within the organisation, without regard
/// to case; adding or renaming to a taken code fails with <see cref="CatalogErrorCodes.ProductCodeExists"/>.
/// </summary>
public interface IProductStore
{
    /// <exception cref="Errors.ProblemException">Conflict when the code is taken.</exception>
    Task<Versioned<Product>> AddAsync(string organisationId, Product product, AuditEntry audit, CancellationToken cancellationToken);

    Task<Versioned<Product>?> GetAsync(string organisationId, string productId, CancellationToken cancellationToken);

    /// <summary>Reads the products with the given ids; ids of products that do not exist are left out of the result.</summary>
    Task<IReadOnlyDictionary<string, Versioned<Product>>> GetManyAsync(string organisationId, IReadOnlyCollection<string> productIds, CancellationToken cancellationToken);

    /// <summary>Lists products, oldest first.</summary>
    Task<ListPage<Product>> ListAsync(string organisationId, CatalogQuery query, CancellationToken cancellationToken);

    /// <summary>Every product whose stock is tracked.</summary>
    Task<IReadOnlyList<Versioned<Product>>> ListTrackedAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>Replaces a product; <paramref name="previous"/> is the version read, whose code is released when it changes.</summary>
    /// <exception cref="Errors.ProblemException">Precondition failed when the product changed; conflict when the new code is taken.</exception>
    Task<Versioned<Product>> SaveAsync(string organisationId, Product product, Versioned<Product> previous, AuditEntry audit, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when the product changed since <paramref name="previous"/> was read.</exception>
    Task DeleteAsync(string organisationId, Versioned<Product> previous, AuditEntry audit, CancellationToken cancellationToken);
}

/// <summary>Text snippets of an organisation.</summary>
public interface ITextSnippetStore
{
    Task<Versioned<TextSnippet>> AddAsync(string organisationId, TextSnippet snippet, AuditEntry audit, CancellationToken cancellationToken);

    Task<Versioned<TextSnippet>?> GetAsync(string organisationId, string snippetId, CancellationToken cancellationToken);

    /// <summary>Lists snippets, oldest first.</summary>
    Task<ListPage<TextSnippet>> ListAsync(string organisationId, CatalogQuery query, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when <paramref name="etag"/> is not the stored version.</exception>
    Task<Versioned<TextSnippet>> SaveAsync(string organisationId, TextSnippet snippet, string etag, AuditEntry audit, CancellationToken cancellationToken);

    /// <exception cref="Errors.ProblemException">Precondition failed when <paramref name="etag"/> is not the stored version.</exception>
    Task DeleteAsync(string organisationId, string snippetId, string etag, AuditEntry audit, CancellationToken cancellationToken);
}
