using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Catalog;

/// <summary>
/// Creates, reads, changes and deletes customers. Deleting keeps the customer stored, because
/// documents refer to it by id, but hides it from lists, reads and new documents.
/// </summary>
public sealed class CustomerService
{
    private readonly ICustomerStore _store;
    private readonly TimeProvider _clock;

    public CustomerService(ICustomerStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    public async Task<Versioned<Customer>> CreateAsync(OrganisationAccess access, CustomerInput input, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var customer = CustomerValidator.Validate(input, Guid.CreateVersion7(now).ToString("N"), now, now);

        var audit = Audit.Entry(access.Caller, now, "customer.created", "customer", customer.Id, Details(customer));
        return await _store.AddAsync(access.OrganisationId, customer, audit, cancellationToken);
    }

    public Task<ListPage<Customer>> ListAsync(OrganisationAccess access, CatalogQuery query, CancellationToken cancellationToken) =>
        _store.ListAsync(access.OrganisationId, query, cancellationToken);

    /// <exception cref="ProblemException">Not found when the customer does not exist or was deleted.</exception>
    public async Task<Versioned<Customer>> GetAsync(OrganisationAccess access, string customerId, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(access.OrganisationId, customerId, cancellationToken);
        return customer is null || customer.Value.IsDeleted ? throw ProblemException.NotFound("customer", customerId) : customer;
    }

    /// <summary>Replaces the customer; <paramref name="ifMatch"/>, when given, must be the current ETag.</summary>
    public async Task<Versioned<Customer>> UpdateAsync(OrganisationAccess access, string customerId, CustomerInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, customerId, cancellationToken);
        CheckIfMatch(current.ETag, ifMatch, customerId);
        var now = _clock.GetUtcNow();
        var customer = CustomerValidator.Validate(input, customerId, current.Value.CreatedAt, now);

        var audit = Audit.Entry(access.Caller, now, "customer.updated", "customer", customerId, Details(customer));
        return await _store.SaveAsync(access.OrganisationId, customer, current.ETag, audit, cancellationToken);
    }

    /// <summary>Marks the customer deleted; deleting a deleted customer again changes nothing.</summary>
    public async Task DeleteAsync(OrganisationAccess access, string customerId, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await FindAsync(access.OrganisationId, customerId, cancellationToken)
            ?? throw ProblemException.NotFound("customer", customerId);
        if (current.Value.IsDeleted)
        {
            return;
        }

        CheckIfMatch(current.ETag, ifMatch, customerId);
        var now = _clock.GetUtcNow();
        var audit = Audit.Entry(access.Caller, now, "customer.deleted", "customer", customerId, Details(current.Value));
        await _store.SaveAsync(access.OrganisationId, current.Value with { DeletedAt = now, UpdatedAt = now }, current.ETag, audit, cancellationToken);
    }

    /// <summary>
    /// Reads a customer that new documents may use, or null when it does not exist in the
    /// organisation or was deleted.
    /// </summary>
    public async Task<Customer?> FindUsableAsync(string organisationId, string? customerId, CancellationToken cancellationToken)
    {
        var customer = await FindAsync(organisationId, customerId, cancellationToken);
        return customer is { Value.IsDeleted: false } ? customer.Value : null;
    }

    private async Task<Versioned<Customer>?> FindAsync(string organisationId, string? customerId, CancellationToken cancellationToken) =>
        Identifiers.IsValid(customerId) ? await _store.GetAsync(organisationId, customerId!, cancellationToken) : null;

    private static void CheckIfMatch(string etag, string? ifMatch, string customerId)
    {
        if (ifMatch is not null && ifMatch != etag)
        {
            throw ProblemException.PreconditionFailed("customer", customerId);
        }
    }

    private static Dictionary<string, string?> Details(Customer customer) => new()
    {
        ["name"] = customer.Name,
        ["vatNumber"] = customer.VatNumber?.Value,
    };
}
