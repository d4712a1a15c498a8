using Bilansoft.Application.Errors;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>Turns domain failures into problems: invalid input into 400, a state conflict into 409 with the rule's code.</summary>
public static class SalesProblems
{
    /// <summary>Returns the value of a successful result or throws the problem of its failure.</summary>
    /// <exception cref="ProblemException">The operation failed.</exception>
    public static T ValueOrThrow<T>(this SalesResult<T> result) =>
        result.Succeeded ? result.Value : throw From(result.Failure);

    /// <summary>The problem of a domain failure; a conflict keeps its violation, so clients also get the path and message.</summary>
    public static ProblemException From(SalesFailure failure) =>
        failure.Kind == SalesFailureKind.Invalid
            ? ProblemException.Invalid(failure.Violations)
            : new ProblemException(ProblemKind.Conflict, failure.Violations[0].Code, failure.Violations[0].Arguments, failure.Violations);

    /// <summary>The 409 problem for an action the document's state does not allow, worded as the domain words it.</summary>
    public static ProblemException TransitionNotAllowed(SalesDocument document, SalesDocumentAction action)
    {
        var violation = new RuleViolation(SalesRuleCodes.TransitionNotAllowed, string.Empty, new Dictionary<string, object?>
        {
            ["kind"] = document.Kind,
            ["status"] = document.Status,
            ["action"] = action,
        });
        return new ProblemException(ProblemKind.Conflict, violation.Code, violation.Arguments, [violation]);
    }

    /// <summary>The 409 problem for a change of a document that is no longer a draft.</summary>
    public static ProblemException Immutable(SalesDocument document)
    {
        var violation = new RuleViolation(SalesRuleCodes.DocumentImmutable, string.Empty, new Dictionary<string, object?> { ["status"] = document.Status });
        return new ProblemException(ProblemKind.Conflict, violation.Code, violation.Arguments, [violation]);
    }

    /// <summary>The 409 problem for duplicating or crediting an invoice imported from a previous tool.</summary>
    public static ProblemException Imported(SalesDocument document) =>
        ProblemException.Conflict(SalesErrorCodes.DocumentImported, new Dictionary<string, object?> { ["number"] = document.Number?.Text });

    /// <summary>Rewrites the domain's <c>documents[i]</c> paths to the request field that listed the documents.</summary>
    public static IReadOnlyList<RuleViolation> RenameDocumentsPath(IReadOnlyList<RuleViolation> violations, string field) =>
        [.. violations.Select(violation => violation.Path.StartsWith("documents", StringComparison.Ordinal)
            ? violation with { Path = field + violation.Path["documents".Length..] }
            : violation)];
}
