namespace Bilansoft.Formats.Banking;

/// <summary>
/// A problem found in a statement file: a stable code (see <see cref="StatementErrorCodes"/>),
/// where it sits and the offending value. The message is English text for developers; the
/// application layer shows users a localised text chosen by <see cref="Code"/>.
/// </summary>
/// <param name="Code">Stable kebab-case code such as <c>coda.record-length</c>.</param>
/// <param name="Message">English message for developers and logs.</param>
/// <param name="LineNumber">1-based line in the file, when known.</param>
/// <param name="LinePosition">1-based column (CODA position or XML column), when known.</param>
/// <param name="ElementPath">camt.053 path such as <c>Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt</c>; null for CODA.</param>
/// <param name="Value">The offending value as read, when there is one.</param>
public sealed record StatementIssue(
    string Code,
    string Message,
    int? LineNumber = null,
    int? LinePosition = null,
    string? ElementPath = null,
    string? Value = null)
{
    /// <summary>Returns the code, the position and the message on one line.</summary>
    public override string ToString()
    {
        var position = LineNumber is null ? string.Empty : $" at line {LineNumber}" + (LinePosition is null ? string.Empty : $", position {LinePosition}");
        var path = ElementPath is null ? string.Empty : $" ({ElementPath})";
        return $"{Code}{position}{path}: {Message}";
    }
}
