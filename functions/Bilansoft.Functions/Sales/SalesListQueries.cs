using System.Globalization;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Catalog;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Sales;

/// <summary>
/// Reads the query string of document lists: <c>status</c> (comma-separated), <c>customerId</c>,
/// <c>from</c> and <c>to</c> (issue dates, <c>yyyy-MM-dd</c>, inclusive), <c>overdue=true</c>,
/// <c>q</c> (text in number, customer name or reference), <c>sort</c> (<c>issueDate</c> or
/// <c>number</c>), <c>order</c> (<c>asc</c> or <c>desc</c>, default <c>desc</c>), <c>cursor</c> and
/// <c>limit</c>.
/// </summary>
public static class SalesListQueries
{
    private static readonly Dictionary<string, SalesDocumentSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["issueDate"] = SalesDocumentSort.IssueDate,
        ["date"] = SalesDocumentSort.IssueDate,
        ["number"] = SalesDocumentSort.Number,
    };

    private static readonly Dictionary<string, bool> Orders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["asc"] = false,
        ["desc"] = true,
    };

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true,
        ["false"] = false,
    };

    /// <exception cref="Application.Errors.ProblemException">Invalid with every parameter that is not understood.</exception>
    public static SalesDocumentQuery Read(HttpRequest request, SalesDocumentKind kind, DateOnly today)
    {
        var rules = new InputRules();
        var catalog = CatalogQueries.Read(request, rules);
        var statuses = Statuses(rules, request.Query["status"].ToString(), kind);
        var from = Date(rules, request.Query["from"].ToString(), "from");
        var to = Date(rules, request.Query["to"].ToString(), "to");
        var overdue = rules.Choice(request.Query["overdue"].ToString(), "overdue", false, Booleans);
        var sort = rules.Choice(request.Query["sort"].ToString(), "sort", SalesDocumentSort.IssueDate, Sorts);
        var descending = rules.Choice(request.Query["order"].ToString(), "order", true, Orders);
        var customerId = CatalogQueries.NullIfEmpty(request.Query["customerId"].ToString());
        if (customerId is not null && !Identifiers.IsValid(customerId))
        {
            rules.Add(SalesErrorCodes.CustomerUnknown, "customerId", new Dictionary<string, object?> { ["id"] = customerId });
        }

        rules.ThrowIfInvalid();
        return new SalesDocumentQuery
        {
            Kind = kind,
            Statuses = statuses,
            CustomerId = customerId,
            From = from,
            To = to,
            OverdueOn = overdue ? today : null,
            Text = catalog.Text,
            Sort = sort,
            Descending = descending,
            Cursor = catalog.Cursor,
            Limit = catalog.Limit,
        };
    }

    private static HashSet<SalesDocumentStatus> Statuses(InputRules rules, string value, SalesDocumentKind kind)
    {
        var allowed = SalesDocumentLifecycle.StatusesOf(kind).ToDictionary(status => JsonName(status), status => status, StringComparer.OrdinalIgnoreCase);
        var statuses = new HashSet<SalesDocumentStatus>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (allowed.TryGetValue(part, out var status))
            {
                statuses.Add(status);
            }
            else
            {
                rules.Add(CatalogErrorCodes.InvalidChoice, "status", new Dictionary<string, object?> { ["value"] = part, ["allowed"] = string.Join(", ", allowed.Keys) });
            }
        }

        return statuses;
    }

    private static DateOnly? Date(InputRules rules, string value, string path)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        rules.Add(SalesErrorCodes.InvalidDate, path, new Dictionary<string, object?> { ["value"] = value });
        return null;
    }

    private static string JsonName(SalesDocumentStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
