using Bilansoft.Application.Banking;
using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// The invoice side of <see cref="IOpenItemSource"/>: sales invoices that are issued or partially
/// paid with an amount due, imported ones included, as the open items bank transactions may pay.
/// </summary>
public sealed class OpenInvoiceSource : IOpenItemSource
{
    /// <summary>The currency of every sales invoice: Bilansoft invoices in euro only.</summary>
    public const string Currency = "EUR";

    private readonly ISalesDocumentReader _reader;

    public OpenInvoiceSource(ISalesDocumentReader reader) => _reader = reader;

    /// <summary>Lists the open invoices from the list index, without reading the documents.</summary>
    /// <remarks>NOTE: customers have no IBAN in Bilansoft yet, so items carry none and IBAN suggestions never fire.</remarks>
    public async Task<IReadOnlyList<OpenItem>> ListOpenItemsAsync(string organisationId, CancellationToken cancellationToken)
    {
        var invoices = await _reader.ListOpenInvoicesAsync(organisationId, cancellationToken);
        return [.. invoices.Select(invoice => new OpenItem(
            SalesIds.Format(invoice.Id),
            OpenItemKind.SalesInvoice,
            invoice.Number,
            invoice.StructuredCommunication,
            null,
            invoice.AmountDue,
            Currency,
            invoice.CustomerName,
            null,
            invoice.DueDate))];
    }

    /// <summary>
    /// Reads the named invoices with their current amount due. Ids that name no invoice of the
    /// organisation, and invoices that are not open (draft, paid, credited), are left out.
    /// </summary>
    public async Task<IReadOnlyList<OpenItem>> GetOpenItemsAsync(string organisationId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        var items = new List<OpenItem>(itemIds.Count);
        foreach (var itemId in itemIds.Distinct(StringComparer.Ordinal))
        {
            if (!SalesDocumentId.TryParse(itemId, out var id)
                || await _reader.GetAsync(organisationId, id, cancellationToken) is not { } record
                || !IsOpen(record.Value.Document))
            {
                continue;
            }

            var invoice = record.Value.Document;
            items.Add(new OpenItem(
                SalesIds.Format(invoice.Id),
                OpenItemKind.SalesInvoice,
                invoice.Number?.Text ?? string.Empty,
                invoice.StructuredCommunication,
                null,
                invoice.AmountDue,
                Currency,
                invoice.Customer.Name,
                null,
                invoice.Content.DueDate));
        }

        return items;
    }

    private static bool IsOpen(SalesDocument document) =>
        document.Kind == SalesDocumentKind.Invoice
        && document.Status is SalesDocumentStatus.Issued or SalesDocumentStatus.PartiallyPaid
        && document.AmountDue > 0m;
}
