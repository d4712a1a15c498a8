using System.Text;
using System.Text.RegularExpressions;

namespace Bilansoft.LocalHost.Triggers;

/// <summary>
/// A blob trigger path such as <c>uploads/{orgId}/bank-statements/{name}</c>: the container, the
/// literal prefix of blob names to list, and a pattern that extracts the named parameters. A
/// parameter matches one path segment, except the last one, which may span several.
/// </summary>
internal sealed class BlobPathPattern
{
    private readonly Regex _pattern;

    private BlobPathPattern(string container, string prefix, Regex pattern, IReadOnlyList<string> parameters)
    {
        Container = container;
        Prefix = prefix;
        _pattern = pattern;
        Parameters = parameters;
    }

    public string Container { get; }

    /// <summary>The literal start of matching blob names, used to list as few blobs as possible.</summary>
    public string Prefix { get; }

    public IReadOnlyList<string> Parameters { get; }

    public static BlobPathPattern Parse(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"Blob trigger path '{path}' has no container part.");
        }

        var container = path[..slash];
        var blobPattern = path[(slash + 1)..];
        var parameters = Regex.Matches(blobPattern, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToList();

        var regex = new StringBuilder("^");
        var position = 0;
        foreach (Match match in Regex.Matches(blobPattern, @"\{(\w+)\}"))
        {
            regex.Append(Regex.Escape(blobPattern[position..match.Index]));
            var isLast = match.Groups[1].Value == parameters[^1];
            regex.Append("(?<").Append(match.Groups[1].Value).Append('>').Append(isLast ? ".+" : "[^/]+").Append(')');
            position = match.Index + match.Length;
        }

        regex.Append(Regex.Escape(blobPattern[position..])).Append('$');
        var brace = blobPattern.IndexOf('{', StringComparison.Ordinal);
        var prefix = brace < 0 ? blobPattern : blobPattern[..brace];
        return new BlobPathPattern(container, prefix, new Regex(regex.ToString(), RegexOptions.CultureInvariant), parameters);
    }

    /// <summary>Returns the parameter values when <paramref name="blobName"/> matches, else null.</summary>
    public Dictionary<string, object?>? Match(string blobName)
    {
        var match = _pattern.Match(blobName);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in Parameters)
        {
            values[parameter] = match.Groups[parameter].Value;
        }

        return values;
    }
}
