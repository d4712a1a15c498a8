namespace Bilansoft.Domain;

/// <summary>
/// One broken business rule found while validating input: a stable code, the path of the offending
/// field in the request (JSON-pointer-like, for example <c>lines[2].quantity</c>) and the values a
/// message needs. The application layer turns the code into a localised sentence.
/// </summary>
/// <param name="Code">
/// Stable, kebab-case rule identifier (for example <c>vat.reverse-charge-requires-vat-number</c>).
/// Clients may rely on it; it never changes once released.
/// </param>
/// <param name="Path">Field path in camelCase, or an empty string for the document as a whole.</param>
/// <param name="Arguments">Named values used in the message, such as the rejected value or a limit.</param>
public sealed record RuleViolation(string Code, string Path, IReadOnlyDictionary<string, object?> Arguments)
{
    /// <summary>Creates a violation without message arguments.</summary>
    public RuleViolation(string code, string path)
        : this(code, path, new Dictionary<string, object?>())
    {
    }

    /// <summary>Returns the violation as <c>path: code</c> for logs and test failures.</summary>
    public override string ToString() => string.IsNullOrEmpty(Path) ? Code : $"{Path}: {Code}";
}
