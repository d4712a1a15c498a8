namespace Bilansoft.Application.Platform;

/// <summary>
/// One page of a list with the opaque cursor of the next page, or null on the last page. Clients
/// pass the cursor back unchanged as <c>?cursor=</c>.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Size limits of list pages.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Max = 200;

    /// <summary>The requested size, or the default when absent, clamped to 1..<see cref="Max"/>.</summary>
    public static int Normalize(int? requested) => Math.Clamp(requested ?? Default, 1, Max);
}
