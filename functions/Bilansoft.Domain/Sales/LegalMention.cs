namespace Bilansoft.Domain.Sales;

/// <summary>A text the law requires on a printed or sent document.</summary>
/// <param name="Key">
/// Stable identifier of the mention: <c>vat-category.</c> followed by the category id, or
/// <c>credit-note.vat-repayment</c>.
/// </param>
/// <param name="Text">The mention in the four languages.</param>
/// <param name="Detail">
/// Text the seller wrote that completes the mention, such as the exemption reason of an exempt
/// supply; it is printed as written, in one language. Null when the mention is complete.
/// </param>
public sealed record LegalMention(string Key, LocalizedText Text, string? Detail = null)
{
    /// <summary>Returns the mention in <paramref name="language"/>, followed by <see cref="Detail"/> after a colon when present.</summary>
    public string In(Language language) =>
        Detail is null ? Text.In(language) : $"{Text.In(language)}: {Detail}";
}
