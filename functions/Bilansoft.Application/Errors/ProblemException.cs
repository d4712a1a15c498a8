using Bilansoft.Domain;

namespace Bilansoft.Application.Errors;

/// <summary>
/// The one exception use cases throw to reject a request. It carries a stable error code that the
/// HTTP layer localises into an RFC 9457 problem document, the values the message needs, and for
/// validation failures every broken rule.
/// </summary>
public sealed class ProblemException : Exception
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    public ProblemException(
        ProblemKind kind,
        string code,
        IReadOnlyDictionary<string, object?>? arguments = null,
        IReadOnlyList<RuleViolation>? violations = null,
        Exception? innerException = null)
        : base($"{kind}: {code}", innerException)
    {
        Kind = kind;
        Code = code;
        Arguments = arguments ?? NoArguments;
        Violations = violations ?? [];
    }

    public ProblemException()
        : this(ProblemKind.Internal, ErrorCodes.InternalError)
    {
    }

    public ProblemException(string message)
        : this(ProblemKind.Internal, ErrorCodes.InternalError, innerException: new InvalidOperationException(message))
    {
    }

    public ProblemException(string message, Exception innerException)
        : this(ProblemKind.Internal, ErrorCodes.InternalError, innerException: new InvalidOperationException(message, innerException))
    {
    }

    public ProblemKind Kind { get; }

    /// <summary>Stable kebab-case code, for example <c>invoice-already-issued</c>.</summary>
    public string Code { get; }

    /// <summary>Named values used by the localised message, such as the rejected value.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Every broken rule when <see cref="Kind"/> is <see cref="ProblemKind.Validation"/>.</summary>
    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>Rejects input that breaks the given rules; nothing is changed.</summary>
    public static ProblemException Invalid(IReadOnlyList<RuleViolation> violations) =>
        new(ProblemKind.Validation, ErrorCodes.ValidationFailed, violations: violations);

    /// <summary>Rejects input that breaks one rule on one field.</summary>
    public static ProblemException Invalid(string code, string path, IReadOnlyDictionary<string, object?>? arguments = null) =>
        Invalid([new RuleViolation(code, path, arguments ?? NoArguments)]);

    /// <summary>Reports that a resource of <paramref name="resource"/> kind with that id is not visible.</summary>
    public static ProblemException NotFound(string resource, string id) =>
        new(ProblemKind.NotFound, ErrorCodes.NotFound, new Dictionary<string, object?> { ["resource"] = resource, ["id"] = id });

    /// <summary>Reports a state conflict with its own code.</summary>
    public static ProblemException Conflict(string code, IReadOnlyDictionary<string, object?>? arguments = null) =>
        new(ProblemKind.Conflict, code, arguments);

    /// <summary>Reports that the If-Match ETag does not match the stored version.</summary>
    public static ProblemException PreconditionFailed(string resource, string id) =>
        new(ProblemKind.PreconditionFailed, ErrorCodes.PreconditionFailed, new Dictionary<string, object?> { ["resource"] = resource, ["id"] = id });

    /// <summary>Reports that the caller lacks a permission in the organisation.</summary>
    public static ProblemException Forbidden(string permission) =>
        new(ProblemKind.Forbidden, ErrorCodes.Forbidden, new Dictionary<string, object?> { ["permission"] = permission });
}
