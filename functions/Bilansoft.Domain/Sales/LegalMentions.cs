namespace Bilansoft.Domain.Sales;

/// <summary>
/// The legal mentions a sales document must print besides its data: the mention of each VAT
/// category without ordinary VAT (exemption, reverse charge, small-enterprise scheme), and on a
/// credit note with VAT the notice that deducted VAT must be repaid.
/// </summary>
public static class LegalMentions
{
    /// <summary>Key of <see cref="CreditNoteVatRepayment"/>.</summary>
    public const string CreditNoteVatRepaymentKey = "credit-note.vat-repayment";

    /// <summary>
    /// Notice on a credit note that cancels VAT: the customer repays the VAT to the State as far as
    /// it deducted it (art. 4 § 1, 3° of Royal Decree no. 4).
    /// </summary>
    public static LocalizedText CreditNoteVatRepayment { get; } = new(
        "Btw terug te storten aan de Staat in de mate waarin ze oorspronkelijk in aftrek werd gebracht.",
        "TVA à reverser à l'État dans la mesure où elle a été initialement déduite.",
        "VAT to be repaid to the State to the extent that it was originally deducted.",
        "Die Mehrwertsteuer ist an den Staat zurückzuzahlen, soweit sie ursprünglich abgezogen wurde.");

    /// <summary>
    /// Lists the mentions <paramref name="document"/> needs, each once: first the VAT category
    /// mentions in the order the categories first appear on the lines, then the credit-note notice.
    /// A delivery note needs none, because it states no VAT.
    /// </summary>
    public static IReadOnlyList<LegalMention> For(SalesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        return For(document.Kind, document.Content);
    }

    /// <inheritdoc cref="For(SalesDocument)"/>
    public static IReadOnlyList<LegalMention> For(SalesDocumentKind kind, SalesDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);

        var mentions = new List<LegalMention>();
        if (kind == SalesDocumentKind.DeliveryNote)
        {
            return mentions;
        }

        foreach (var category in content.Lines.Select(line => line.VatCategory).Distinct())
        {
            if (category.Mention is { } text)
            {
                var detail = category.RequiresExemptionReason ? content.VatExemptionReason : null;
                mentions.Add(new LegalMention("vat-category." + category.Id, text, detail));
            }
        }

        if (kind == SalesDocumentKind.CreditNote && DocumentTotals.Calculate(content.Lines).TotalVatAmount != 0m)
        {
            mentions.Add(new LegalMention(CreditNoteVatRepaymentKey, CreditNoteVatRepayment));
        }

        return mentions;
    }
}
