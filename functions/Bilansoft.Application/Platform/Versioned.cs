namespace Bilansoft.Application.Platform;

/// <summary>
/// A stored value with the version tag (ETag) it was read at. Writes that pass the tag back fail
/// when someone changed the value in between, so concurrent updates never overwrite each other.
/// </summary>
public sealed record Versioned<T>(T Value, string ETag);
