namespace Bilansoft.Domain.Banking;

/// <summary>Limits and weights of <see cref="PaymentMatcher"/>.</summary>
public sealed record PaymentMatcherOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static PaymentMatcherOptions Default { get; } = new();

    /// <summary>Maximum number of suggestions per payment. Default 5.</summary>
    public int MaxSuggestions { get; init; } = 5;

    /// <summary>Lowest score a suggestion needs to be returned, from 1 to 100. Default 25.</summary>
    public int MinimumScore { get; init; } = 25;

    /// <summary>
    /// Maximum number of items taken from one index entry (one amount, one IBAN, one name word).
    /// A key shared by more items identifies none of them and would make matching slow, so
    /// items are taken in order of due date. Name words shared by more items are not used to find
    /// candidates at all. Default 200.
    /// </summary>
    public int MaxCandidatesPerKey { get; init; } = 200;

    /// <summary>Shortest compacted invoice number or reference looked for in payment texts. Default 4.</summary>
    public int MinimumNumberLength { get; init; } = 4;
}
