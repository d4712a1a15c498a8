namespace Bilansoft.Domain.Sales;

/// <summary>A rejected sales operation: its kind and every rule it broke.</summary>
/// <param name="Kind">Whether the input was invalid or the document's state did not allow the operation.</param>
/// <param name="Violations">All violations found, at least one; codes are listed in <see cref="SalesRuleCodes"/>.</param>
public sealed record SalesFailure(SalesFailureKind Kind, IReadOnlyList<RuleViolation> Violations)
{
    /// <summary>Returns the kind and the violations, for logs and test failures.</summary>
    public override string ToString() => $"{Kind}: {string.Join("; ", Violations)}";
}
