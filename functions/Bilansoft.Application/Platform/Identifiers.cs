namespace Bilansoft.Application.Platform;

/// <summary>
/// The shape of ids Bilansoft creates (32 lowercase hex characters) and accepts in routes. An id
/// of another shape cannot exist, so it is answered with 404 before any storage call; it also keeps
/// characters that table keys forbid out of storage.
/// </summary>
public static class Identifiers
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
