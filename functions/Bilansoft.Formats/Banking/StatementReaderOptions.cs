namespace Bilansoft.Formats.Banking;

/// <summary>Settings of a statement reader.</summary>
public sealed record StatementReaderOptions
{
    /// <summary>Strict validation, the default.</summary>
    public static StatementReaderOptions Default { get; } = new();

    /// <summary>What happens when an integrity check fails.</summary>
    public StatementValidation Validation { get; init; } = StatementValidation.Strict;
}

/// <summary>How a reader treats failed integrity checks (balances, trailer totals, continuation codes).</summary>
public enum StatementValidation
{
    /// <summary>A failed integrity check throws <see cref="StatementFormatException"/>.</summary>
    Strict = 0,

    /// <summary>
    /// A failed integrity check is recorded in <see cref="StatementSummary.Warnings"/> and reading
    /// goes on, so a user can review a file that a bank or tool got slightly wrong. Structural
    /// errors still throw.
    /// </summary>
    Lenient,
}
