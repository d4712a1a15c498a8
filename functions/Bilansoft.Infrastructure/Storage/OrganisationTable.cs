using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// Shared helpers over the organisation table: rows with JSON bodies, audit rows, cursors and the
/// mapping of storage conflicts to problems. Every feature's store builds on these.
/// </summary>
public static class OrganisationTable
{
    /// <summary>Row-key kind of audit entries; keys sort newest first.</summary>
    public const string AuditKind = "audit";

    /// <summary>Creates a row whose body is <paramref name="value"/> as JSON.</summary>
    public static TableEntity Row<T>(string organisationId, string kind, string id, T value)
    {
        var entity = new TableEntity(organisationId, RowKeys.For(kind, id));
        EntityBody.Write(entity, value);
        return entity;
    }

    /// <summary>Reads a row's body with its ETag.</summary>
    public static Versioned<T> Read<T>(TableEntity entity) => new(EntityBody.Read<T>(entity), entity.ETag.ToString());

    /// <summary>Reads one row by kind and id, or null when absent.</summary>
    public static async Task<Versioned<T>?> GetAsync<T>(TableClient table, string organisationId, string kind, string id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, RowKeys.For(kind, id), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? Read<T>(entity) : null;
    }

    /// <summary>Reads every row of a kind in the organisation, in row-key order.</summary>
    public static async Task<IReadOnlyList<Versioned<T>>> ListAsync<T>(TableClient table, string organisationId, string kind, CancellationToken cancellationToken)
    {
        var rows = new List<Versioned<T>>();
        await foreach (var entity in table.QueryAsync<TableEntity>(RowKeys.KindFilter(organisationId, kind), cancellationToken: cancellationToken))
        {
            rows.Add(Read<T>(entity));
        }

        return rows;
    }

    /// <summary>
    /// The insert of an audit entry. Its row key starts with the inverted time, so a range query
    /// returns the newest entries first.
    /// </summary>
    public static TableTransactionAction AuditRow(string organisationId, AuditEntry entry)
    {
        var invertedTicks = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
        var entity = Row(organisationId, AuditKind, $"{invertedTicks}|{entry.Id}", entry);
        entity["Action"] = entry.Action;
        entity["At"] = entry.At;
        return new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    /// <summary>Reads one page of a kind's rows, continuing from an opaque cursor.</summary>
    public static async Task<ListPage<T>> PageAsync<T>(TableClient table, string filter, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var continuation = Cursor.Decode(cursor);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            var items = page.Values.Select(entity => EntityBody.Read<T>(entity)).ToList();
            return new ListPage<T>(items, Cursor.Encode(page.ContinuationToken));
        }

        return new ListPage<T>([], null);
    }

    /// <summary>
    /// Submits a transaction, turning a failed precondition into <paramref name="onConflict"/> and a
    /// duplicate insert into a conflict problem with <paramref name="duplicateCode"/>.
    /// </summary>
    public static async Task<Response<IReadOnlyList<Response>>> SubmitAsync(
        TableClient table,
        IReadOnlyList<TableTransactionAction> actions,
        Func<ProblemException> onConflict,
        string duplicateCode,
        CancellationToken cancellationToken)
    {
        try
        {
            return await table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404)
        {
            throw onConflict();
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            throw ProblemException.Conflict(duplicateCode);
        }
    }
}

/// <summary>Opaque list cursors: the storage continuation token in base64url.</summary>
public static class Cursor
{
    public static string? Encode(string? continuationToken) =>
        continuationToken is null ? null : Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(continuationToken));

    /// <exception cref="ProblemException">The cursor was not made by Bilansoft.</exception>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(Base64Url.Decode(cursor));
        }
        catch (FormatException)
        {
            throw ProblemException.Invalid("invalid-cursor", "cursor", new Dictionary<string, object?> { ["value"] = cursor });
        }
    }
}
