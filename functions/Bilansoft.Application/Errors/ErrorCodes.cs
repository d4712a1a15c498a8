namespace Bilansoft.Application.Errors;

/// <summary>
/// Stable codes of the problems every endpoint can return. Features add their own codes in their
/// folders; every code needs a title and detail in each language of
/// <see cref="Localization.ProblemTexts"/>.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation-failed";
    public const string MalformedJson = "malformed-json";
    public const string JsonValueInvalid = "json-value-invalid";
    public const string MissingBody = "missing-body";
    public const string NotFound = "not-found";
    public const string RouteNotFound = "route-not-found";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string PreconditionFailed = "precondition-failed";
    public const string PayloadTooLarge = "payload-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string StorageUnavailable = "storage-unavailable";
    public const string InternalError = "internal-error";
}
