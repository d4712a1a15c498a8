using Bilansoft.Functions.Platform.Http;
using System.Globalization;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Platform;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Catalog;

/// <summary>Reads the query string of list routes: <c>?cursor=&amp;limit=&amp;q=</c>.</summary>
public static class CatalogQueries
{
    /// <summary>Reads the cursor, page size and search text, recording invalid values in <paramref name="rules"/>.</summary>
    public static CatalogQuery Read(HttpRequest request, InputRules rules)
    {
        var text = request.Query["q"].ToString();
        return new CatalogQuery(NullIfEmpty(request.Query["cursor"].ToString()), Limit(request, rules), string.IsNullOrWhiteSpace(text) ? null : text.Trim());
    }

    /// <summary>Reads the query of a catalog list, throwing a 400 problem for invalid values.</summary>
    public static CatalogQuery Read(HttpRequest request)
    {
        var rules = new InputRules();
        var query = Read(request, rules);
        rules.ThrowIfInvalid();
        return query;
    }

    /// <summary>Reads <c>limit</c>: a whole number from 1 to <see cref="PageSize.Max"/>; the default page size when absent.</summary>
    public static int Limit(HttpRequest request, InputRules rules) => PagingQuery.Limit(request, rules);

    public static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
