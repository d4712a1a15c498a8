using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Sales;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Catalog;

/// <summary>Text snippets in the organisation table as <c>snippet|{id}</c> rows with the snippet as JSON.</summary>
public sealed class TableTextSnippetStore : ITextSnippetStore
{
    private const string Kind = "snippet";

    private readonly StorageClients _storage;

    public TableTextSnippetStore(StorageClients storage) => _storage = storage;

    public async Task<Versioned<TextSnippet>> AddAsync(string organisationId, TextSnippet snippet, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [new TableTransactionAction(TableTransactionActionType.Add, Row(organisationId, snippet)), OrganisationTable.AuditRow(organisationId, audit)],
            () => ProblemException.Conflict(OrganisationErrorCodes.ConcurrentChange),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
        return new Versioned<TextSnippet>(snippet, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task<Versioned<TextSnippet>?> GetAsync(string organisationId, string snippetId, CancellationToken cancellationToken) =>
        await OrganisationTable.GetAsync<TextSnippet>(await TableAsync(cancellationToken), organisationId, Kind, snippetId, cancellationToken);

    public async Task<ListPage<TextSnippet>> ListAsync(string organisationId, CatalogQuery query, CancellationToken cancellationToken)
    {
        var range = new KeysetPages.Range(organisationId, RowKeys.RangeStart(Kind), RowKeys.RangeEnd(Kind));
        return await KeysetPages.ReadAsync(await TableAsync(cancellationToken), range, query.Cursor, query.Limit, query.Text is not null, entity =>
        {
            var snippet = EntityBody.Read<TextSnippet>(entity);
            return query.Text is null || snippet.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase) ? snippet : null;
        }, cancellationToken);
    }

    public async Task<Versioned<TextSnippet>> SaveAsync(string organisationId, TextSnippet snippet, string etag, AuditEntry audit, CancellationToken cancellationToken)
    {
        var response = await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row(organisationId, snippet), new ETag(etag)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.PreconditionFailed("text-snippet", snippet.Id),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);
        return new Versioned<TextSnippet>(snippet, response.Value[0].Headers.ETag?.ToString() ?? string.Empty);
    }

    public async Task DeleteAsync(string organisationId, string snippetId, string etag, AuditEntry audit, CancellationToken cancellationToken) =>
        await OrganisationTable.SubmitAsync(
            await TableAsync(cancellationToken),
            [
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(organisationId, RowKeys.For(Kind, snippetId)), new ETag(etag)),
                OrganisationTable.AuditRow(organisationId, audit),
            ],
            () => ProblemException.PreconditionFailed("text-snippet", snippetId),
            OrganisationErrorCodes.ConcurrentChange,
            cancellationToken);

    private static TableEntity Row(string organisationId, TextSnippet snippet)
    {
        var entity = OrganisationTable.Row(organisationId, Kind, snippet.Id, snippet);
        entity["Name"] = snippet.Name;
        return entity;
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
