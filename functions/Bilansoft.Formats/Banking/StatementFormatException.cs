namespace Bilansoft.Formats.Banking;

/// <summary>
/// Thrown when a bank statement file cannot be read: it is not a statement, it is broken, or it
/// fails an integrity check in <see cref="StatementValidation.Strict"/> mode. Nothing of the file
/// should be stored when it is thrown.
/// </summary>
public sealed class StatementFormatException : Exception
{
    /// <summary>Creates the exception for an issue.</summary>
    public StatementFormatException(StatementIssue issue)
        : base(issue.ToString())
    {
        Issue = issue;
    }

    /// <summary>Creates the exception for an issue, keeping the exception that revealed it.</summary>
    public StatementFormatException(StatementIssue issue, Exception innerException)
        : base(issue.ToString(), innerException)
    {
        Issue = issue;
    }

    /// <summary>What went wrong and where.</summary>
    public StatementIssue Issue { get; }

    /// <summary>Stable code; see <see cref="StatementErrorCodes"/>.</summary>
    public string Code => Issue.Code;

    /// <summary>1-based line in the file, when known.</summary>
    public int? LineNumber => Issue.LineNumber;

    /// <summary>1-based column, when known.</summary>
    public int? LinePosition => Issue.LinePosition;

    /// <summary>camt.053 element path, when known.</summary>
    public string? ElementPath => Issue.ElementPath;

    /// <summary>The offending value, when there is one.</summary>
    public string? OffendingValue => Issue.Value;
}
