namespace Bilansoft.Domain.Sales;

/// <summary>
/// The stock movements a document causes when it is issued. Goods leave once: with the delivery
/// note when there is one, otherwise with the invoice. Goods come back with a credit note for
/// returned goods. Quotes never move stock.
/// </summary>
public static class StockEffects
{
    /// <summary>
    /// Returns the movements issuing <paramref name="document"/> causes, one per product in the order
    /// products first appear on the lines, with the quantities of its lines added up. Lines without
    /// a product and products whose quantities cancel out give no movement. The result does not
    /// depend on the document's state, so the application may compute it before or after issuing.
    /// </summary>
    /// <remarks>
    /// NOTE: An invoice made from delivery notes moves no stock at all, including lines added to it
    /// after the conversion.
    /// </remarks>
    public static IReadOnlyList<StockMovement> WhenIssued(SalesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        var sign = SignOf(document);
        if (sign == 0)
        {
            return [];
        }

        var totals = new List<(string ProductId, decimal Quantity)>();
        foreach (var line in document.Lines)
        {
            if (string.IsNullOrEmpty(line.ProductId))
            {
                continue;
            }

            var index = totals.FindIndex(total => string.Equals(total.ProductId, line.ProductId, StringComparison.Ordinal));
            if (index < 0)
            {
                totals.Add((line.ProductId, line.Quantity));
            }
            else
            {
                totals[index] = (line.ProductId, totals[index].Quantity + line.Quantity);
            }
        }

        return [.. totals.Where(total => total.Quantity != 0m).Select(total => new StockMovement(total.ProductId, sign * total.Quantity))];
    }

    private static int SignOf(SalesDocument document) => document.Kind switch
    {
        SalesDocumentKind.DeliveryNote => -1,
        SalesDocumentKind.Invoice when !document.SourceLinks.Any(link => link.Kind == SalesDocumentKind.DeliveryNote) => -1,
        SalesDocumentKind.CreditNote when document.Content.ReturnsGoods => 1,
        _ => 0,
    };
}
