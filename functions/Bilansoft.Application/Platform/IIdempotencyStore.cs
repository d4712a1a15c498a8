namespace Bilansoft.Application.Platform;

/// <summary>
/// Responses of POST requests sent with an <c>Idempotency-Key</c>, so a retried request gets the
/// first response and creates nothing new. A key is claimed before the request runs; the claim
/// keeps a concurrent duplicate out until the first request completes or is abandoned.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> in <paramref name="scope"/> (user and organisation) for a
    /// request with the given fingerprint, or reports what happened to an earlier request.
    /// </summary>
    Task<IdempotencyClaim> TryBeginAsync(string scope, string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores the response of the claimed request; later requests with the key get it back.</summary>
    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Releases a claim after a failure, so a retry runs the request again.</summary>
    Task AbandonAsync(string scope, string key, CancellationToken cancellationToken);
}

/// <summary>Outcome of <see cref="IIdempotencyStore.TryBeginAsync"/>.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is new (or its record expired): run the request.</summary>
    public sealed record Started : IdempotencyClaim;

    /// <summary>The request ran before: return its response.</summary>
    public sealed record Completed(StoredResponse Response) : IdempotencyClaim;

    /// <summary>A request with the key is still running.</summary>
    public sealed record InProgress : IdempotencyClaim;

    /// <summary>The key was used for a different request (other method, path or body).</summary>
    public sealed record Mismatch : IdempotencyClaim;
}

/// <summary>An HTTP response as stored for replay.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers);
