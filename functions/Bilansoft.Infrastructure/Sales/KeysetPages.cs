using Azure.Data.Tables;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>
/// Reads one page of a row-key range, continuing after the row key of the last item of the previous
/// page. Unlike a storage continuation token, the cursor stays right when items are skipped by a
/// filter that runs here rather than in the table service, such as a text search.
/// </summary>
public static class KeysetPages
{
    // Rows fetched per request while a local filter may skip many of them.
    private const int FilteredScanSize = 1000;

    /// <summary>The row-key range and server-side filter of one listing.</summary>
    /// <param name="PartitionKey">The organisation.</param>
    /// <param name="From">Lowest row key included.</param>
    /// <param name="To">Row key just above the range.</param>
    /// <param name="Filter">Extra OData filter on properties, or null.</param>
    /// <param name="Select">Properties to read, or null for all.</param>
    public sealed record Range(string PartitionKey, string From, string To, string? Filter = null, IReadOnlyList<string>? Select = null);

    /// <summary>
    /// Reads up to <paramref name="limit"/> items of <paramref name="range"/> after
    /// <paramref name="cursor"/>; <paramref name="map"/> returns null for rows to skip.
    /// </summary>
    /// <exception cref="ProblemException">Invalid when the cursor does not belong to the range.</exception>
    public static async Task<ListPage<T>> ReadAsync<T>(
        TableClient table,
        Range range,
        string? cursor,
        int limit,
        bool filtersLocally,
        Func<TableEntity, T?> map,
        CancellationToken cancellationToken)
        where T : class
    {
        var after = Cursor.Decode(cursor);
        if (after is not null && (string.CompareOrdinal(after, range.From) < 0 || string.CompareOrdinal(after, range.To) >= 0))
        {
            throw ProblemException.Invalid("invalid-cursor", "cursor", new Dictionary<string, object?> { ["value"] = cursor });
        }

        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {range.PartitionKey} and RowKey ge {range.From} and RowKey lt {range.To}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {range.PartitionKey} and RowKey gt {after} and RowKey lt {range.To}");
        if (range.Filter is not null)
        {
            filter = $"{filter} and ({range.Filter})";
        }

        var items = new List<T>(limit);
        string? lastKey = null;
        var more = false;
        var scanSize = filtersLocally ? FilteredScanSize : Math.Min(FilteredScanSize, limit + 1);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, scanSize, range.Select, cancellationToken))
        {
            var item = map(entity);
            if (item is null)
            {
                continue;
            }

            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(item);
            lastKey = entity.RowKey;
        }

        return new ListPage<T>(items, more ? Cursor.Encode(lastKey) : null);
    }
}
