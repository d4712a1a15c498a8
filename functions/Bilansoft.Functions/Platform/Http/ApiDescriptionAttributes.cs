using Microsoft.AspNetCore.Http.Metadata;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// Declares the JSON body a function reads, for the OpenAPI document. Functions read bodies
/// themselves (<see cref="JsonBody"/>), so the type cannot be seen in the method signature.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AcceptsJsonAttribute : Attribute, IAcceptsMetadata
{
    public AcceptsJsonAttribute(Type requestType) => RequestType = requestType;

    public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

    public Type? RequestType { get; }

    public bool IsOptional => false;
}

/// <summary>
/// Declares a binary body a function reads (a logo, a bank statement file), for the OpenAPI document.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AcceptsFileAttribute : Attribute, IAcceptsMetadata
{
    public AcceptsFileAttribute(params string[] contentTypes) => ContentTypes = contentTypes.Length == 0 ? ["application/octet-stream"] : contentTypes;

    public IReadOnlyList<string> ContentTypes { get; }

    public Type? RequestType => typeof(Stream);

    public bool IsOptional => false;
}
