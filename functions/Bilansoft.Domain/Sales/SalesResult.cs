using System.Diagnostics.CodeAnalysis;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// The outcome of a sales operation: the new value, or a <see cref="SalesFailure"/> with every
/// violation. Documents are immutable, so a successful change returns a new document.
/// </summary>
/// <typeparam name="T">Type of the value produced on success.</typeparam>
public sealed class SalesResult<T>
{
    private readonly T? _value;

    internal SalesResult(T value) => _value = value;

    internal SalesResult(SalesFailure failure) => Failure = failure;

    /// <summary>Whether the operation succeeded; <see cref="Failure"/> is null exactly then.</summary>
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>Why the operation was rejected, or null when it succeeded.</summary>
    public SalesFailure? Failure { get; }

    /// <summary>The value produced by a successful operation.</summary>
    /// <exception cref="InvalidOperationException">The operation failed; read <see cref="Failure"/> first.</exception>
    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException($"The sales operation failed, so it has no value ({Failure}).");

    /// <summary>Returns the value or the failure, for logs and test failures.</summary>
    public override string ToString() => Succeeded ? $"Succeeded: {_value}" : Failure.ToString();

    internal static SalesResult<T> Invalid(IReadOnlyList<RuleViolation> violations) =>
        new(new SalesFailure(SalesFailureKind.Invalid, violations));

    internal static SalesResult<T> Invalid(RuleViolation violation) => Invalid([violation]);

    internal static SalesResult<T> Conflict(RuleViolation violation) =>
        new(new SalesFailure(SalesFailureKind.Conflict, [violation]));
}
