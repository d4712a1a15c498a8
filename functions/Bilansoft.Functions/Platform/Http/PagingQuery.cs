using System.Globalization;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Platform;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// Reads the paging parameters every list route shares: <c>?cursor=</c> and <c>?limit=</c>, the page
/// size from 1 to <see cref="PageSize.Max"/>.
/// </summary>
public static class PagingQuery
{
    /// <summary>Reads <c>limit</c>, recording a violation when it is not a whole number in range; the default page size when absent.</summary>
    public static int Limit(HttpRequest request, InputRules rules)
    {
        var value = request.Query["limit"].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return PageSize.Default;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > PageSize.Max)
        {
            rules.Add(CatalogErrorCodes.OutOfRange, "limit", new Dictionary<string, object?> { ["value"] = value, ["minimum"] = 1, ["maximum"] = PageSize.Max });
            return PageSize.Default;
        }

        return limit;
    }

    /// <summary>Reads <c>limit</c>.</summary>
    /// <exception cref="Application.Errors.ProblemException">The limit is not a whole number from 1 to <see cref="PageSize.Max"/>.</exception>
    public static int Limit(HttpRequest request)
    {
        var rules = new InputRules();
        var limit = Limit(request, rules);
        rules.ThrowIfInvalid();
        return limit;
    }
}
