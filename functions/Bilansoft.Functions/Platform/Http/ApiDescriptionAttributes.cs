namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// Declares the JSON body a function reads, for the OpenAPI document. Functions read bodies
/// themselves (<see cref="JsonBody"/>), so the type cannot be seen in the method signature.
/// </summary>
/// <remarks>
/// NOTE: This attribute must not implement ASP.NET Core's <c>IAcceptsMetadata</c>: routing reads
/// that metadata as a content-type constraint, so a wrong content type would get a 404 instead of
/// the function's 415 problem.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AcceptsJsonAttribute : Attribute
{
    public AcceptsJsonAttribute(Type requestType) => RequestType = requestType;

    public Type RequestType { get; }
}

/// <summary>
/// Declares a binary body a function reads (a logo, a bank statement file), for the OpenAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AcceptsFileAttribute : Attribute
{
    public AcceptsFileAttribute(params string[] contentTypes) => ContentTypes = contentTypes.Length == 0 ? ["application/octet-stream"] : contentTypes;

    public IReadOnlyList<string> ContentTypes { get; }
}
