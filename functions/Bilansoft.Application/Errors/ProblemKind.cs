namespace Bilansoft.Application.Errors;

/// <summary>
/// Category of a failed request. The HTTP layer maps each kind to one status code, so use cases
/// never deal with HTTP.
/// </summary>
public enum ProblemKind
{
    /// <summary>The input breaks one or more rules (400).</summary>
    Validation,

    /// <summary>The caller has no valid credentials (401).</summary>
    Unauthorized,

    /// <summary>The caller is a member but lacks the permission (403).</summary>
    Forbidden,

    /// <summary>The resource does not exist, or belongs to an organisation the caller cannot see (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the resource's state, such as changing an issued invoice (409).</summary>
    Conflict,

    /// <summary>The resource changed since the caller read it: the If-Match ETag no longer matches (412).</summary>
    PreconditionFailed,

    /// <summary>The request body is larger than allowed (413).</summary>
    PayloadTooLarge,

    /// <summary>The request body has a media type the endpoint does not read (415).</summary>
    UnsupportedMediaType,

    /// <summary>A dependency such as storage is unreachable (503).</summary>
    Unavailable,

    /// <summary>An unexpected failure inside Bilansoft (500).</summary>
    Internal,
}
