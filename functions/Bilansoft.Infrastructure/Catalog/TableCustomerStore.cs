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
/// Customers in the organisation table as <c>customer|{id}</c> rows: the customer as JSON in the
/// body, with <c>Name</c> and <c>Deleted</c> as plain properties for lists.
/// </summary>
public sealed class TableCustomerStore : ICustomerStore
{
    private const string Kind = "customer";

    private readonly StorageClients _storage;

    public TableCustomerStore(StorageClients storage) => _storage = storage;

    public async Task<Versioned<Customer>> AddAsync(string organisationId, Customer customer, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [new TableTransactionAction(TableTransactionActionType.Add, Row(organisationId, customer)), OrganisationTable.AuditRow(organisationId, audit)],
            () => ProblemException.Conflict(OrganisationErrorCodes.ConcurrentChange),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
        return new Versioned<Customer>(customer, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task<Versioned<Customer>?> GetAsync(string organisationId, string customerId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<Customer>(await TableAsync(cancellationToken), organisationId, Kind, customerId, cancellationToken);

    public async Task<ListPage<Customer>> ListAsync(string organisationId, CatalogQuery query, CancellationToken cancellationToken)
    {
        var range = new KeysetPages.Range(organisationId, RowKeys.RangeStart(Kind), RowKeys.RangeEnd(Kind), "Deleted eq false");
        return await KeysetPages.ReadAsync(await TableAsync(cancellationToken), range, query.Cursor, query.Limit, query.Text is not null, entity =>
        {
            var customer = EntityBody.Read<Customer>(entity);
            return Matches(customer, query.Text) ? customer : null;
        }, cancellationToken);
    }

    public async Task<Versioned<Customer>> SaveAsync(string organisationId, Customer customer, string etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row(organisationId, customer), new ETag(etag)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.PreconditionFailed("customer", customer.Id),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
        return new Versioned<Customer>(customer, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    private static bool Matches(Customer customer, string? text) =>
        text is null
        || customer.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || customer.Email?.Contains(text, StringComparison.OrdinalIgnoreCase) == true
        || customer.VatNumber?.Value.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static TableEntity Row(string organisationId, Customer customer)
    {
        var entity = OrganisationTable.Row(organisationId, Kind, customer.Id, customer);
        entity["Name"] = customer.Name;
        entity["Deleted"] = customer.IsDeleted;
        return entity;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
