using System.Text;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// Builds row and partition keys. Azure Tables forbids <c>/ \ # ?</c> and control characters in
/// keys, so values that may contain them are escaped with <see cref="Escape"/>.
/// </summary>
public static class RowKeys
{
    /// <summary>Separator between the parts of a composite key, such as <c>invoice|{id}</c>.</summary>
    public const char Separator = '|';

    /// <summary>Joins a kind and an id: <c>{kind}|{id}</c>.</summary>
    public static string For(string kind, string id) => kind + Separator + id;

    /// <summary>The lowest key of a kind, for range queries.</summary>
    public static string RangeStart(string kind) => kind + Separator;

    /// <summary>The key just above every key of a kind, for range queries (<c>|</c> + 1 is <c>}</c>).</summary>
    public static string RangeEnd(string kind) => kind + '}';

    /// <summary>A filter that selects every row of a kind in a partition.</summary>
    public static string KindFilter(string partitionKey, string kind) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {RangeStart(kind)} and RowKey lt {RangeEnd(kind)}");

    /// <summary>
    /// Escapes characters not allowed in keys with <c>%XX</c>, the way URLs do, so the result stays
    /// readable and sorts close to the original.
    /// </summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string value) => Uri.UnescapeDataString(value);
}
