using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Organisations;

namespace Bilansoft.Functions.Sales;

/// <summary>One line of a document request; with <c>productId</c>, omitted fields come from the product.</summary>
public sealed record LineRequest(
    string? ProductId,
    string? Description,
    decimal? Quantity,
    string? Unit,
    decimal? UnitPrice,
    decimal? DiscountPercent,
    decimal? VatRate,
    string? VatCategory)
{
    public SalesLineInput ToInput() => new()
    {
        ProductId = ProductId,
        Description = Description,
        Quantity = Quantity,
        Unit = Unit,
        UnitPrice = UnitPrice,
        DiscountPercent = DiscountPercent,
        VatRate = VatRate,
        VatCategory = VatCategory,
    };
}

/// <summary>
/// Body of <c>POST</c> and <c>PUT</c> on quotes, delivery notes, invoices and credit notes. A
/// credit note takes <c>invoiceId</c> on creation and keeps the invoice's customer.
/// </summary>
public sealed record SalesDocumentRequest(
    string? CustomerId,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    int? PaymentTermDays,
    DateOnly? DeliveryDate,
    string? Reference,
    string? Notes,
    string? VatExemptionReason,
    bool? ReturnsGoods,
    IReadOnlyList<LineRequest?>? Lines,
    string? InvoiceId = null)
{
    public SalesDocumentInput ToInput() => new()
    {
        CustomerId = CustomerId,
        IssueDate = IssueDate,
        DueDate = DueDate,
        PaymentTermDays = PaymentTermDays,
        DeliveryDate = DeliveryDate,
        Reference = Reference,
        Notes = Notes,
        VatExemptionReason = VatExemptionReason,
        ReturnsGoods = ReturnsGoods,
        Lines = Lines?.Select(line => line?.ToInput()).ToList(),
    };
}

/// <summary>Body of <c>POST …/quotes/{id}/convert</c>: <c>invoice</c> or <c>deliveryNote</c>.</summary>
public sealed record ConvertQuoteRequest(string? To);

/// <summary>Body of <c>POST …/invoices/from-delivery-notes</c>.</summary>
public sealed record InvoiceDeliveryNotesRequest(IReadOnlyList<string?>? DeliveryNoteIds);

/// <summary>Body of <c>POST …/invoices/merge</c>.</summary>
public sealed record MergeInvoicesRequest(IReadOnlyList<string?>? InvoiceIds);

/// <summary>Body of <c>POST …/invoices/{id}/payments</c>.</summary>
public sealed record PaymentRequest(decimal? Amount, DateOnly? Date, string? Reference);

/// <summary>The buyer as a document shows it, with identifiers printed the Belgian way.</summary>
public sealed record DocumentCustomerResponse(
    string? Id,
    string Name,
    CustomerType Type,
    AddressDto? Address,
    AddressDto? DeliveryAddress,
    string? VatNumber,
    string? EnterpriseNumber,
    string Language,
    string? PeppolId);

/// <summary>A line with the amounts computed from it.</summary>
public sealed record LineResponse(
    string Description,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    decimal DiscountPercent,
    string VatCategory,
    decimal VatRate,
    string? ProductId,
    decimal GrossAmount,
    decimal DiscountAmount,
    decimal NetAmount);

/// <summary>Document totals (EN 16931 BT-109, BT-110, BT-112).</summary>
public sealed record TotalsResponse(decimal Net, decimal Vat, decimal Total);

/// <summary>One entry of the VAT breakdown (BG-23) and the VAT return grid of its base.</summary>
public sealed record VatBreakdownResponse(string VatCategory, decimal VatRate, decimal TaxableAmount, decimal TaxAmount, string? ReturnGrid);

public sealed record PaymentResponse(string Id, DateOnly Date, decimal Amount, string? Reference)
{
    public static PaymentResponse From(InvoicePayment payment) => new(SalesIds.Format(payment.Id), payment.Date, payment.Amount, payment.Reference);
}

public sealed record CreditResponse(string CreditNoteId, string Number, decimal Amount);

/// <summary>A legal mention in the customer's language.</summary>
public sealed record MentionResponse(string Key, string Text);

public sealed record SourceResponse(string DocumentId, SalesDocumentKind Kind, string? Number, DateOnly? IssueDate);

/// <summary>A sales document as <c>GET</c> returns it.</summary>
public sealed record SalesDocumentResponse(
    string Id,
    SalesDocumentKind Kind,
    string? Number,
    string? StructuredCommunication,
    SalesDocumentStatus Status,
    bool Overdue,
    bool Imported,
    DateOnly IssueDate,
    DateOnly? DueDate,
    int? PaymentTermDays,
    DateOnly? DeliveryDate,
    string? Reference,
    string? Notes,
    string? VatExemptionReason,
    bool ReturnsGoods,
    DocumentCustomerResponse Customer,
    IReadOnlyList<LineResponse> Lines,
    TotalsResponse Totals,
    IReadOnlyList<VatBreakdownResponse> VatBreakdown,
    decimal AmountPaid,
    decimal AmountCredited,
    decimal AmountDue,
    decimal CreditBalance,
    IReadOnlyList<PaymentResponse> Payments,
    IReadOnlyList<CreditResponse> Credits,
    IReadOnlyList<MentionResponse> Mentions,
    IReadOnlyList<SourceResponse> Sources,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? IssuedAt)
{
    /// <summary>How an issued invoice or credit note was rendered and sent; only <c>GET</c> fills it.</summary>
    public Documents.DocumentDeliveryResponse? Delivery { get; init; }

    public static SalesDocumentResponse From(SalesDocumentRecord record, DateOnly today)
    {
        var document = record.Document;
        var content = document.Content;
        var customer = document.Customer;
        var totals = document.Totals;
        return new SalesDocumentResponse(
            SalesIds.Format(document.Id),
            document.Kind,
            document.Number?.Text,
            document.StructuredCommunication?.ToPrinted(),
            document.Status,
            document.IsOverdue(today),
            record.Imported,
            content.IssueDate,
            content.DueDate,
            content.PaymentTermDays,
            content.DeliveryDate,
            content.Reference,
            content.Notes,
            content.VatExemptionReason,
            content.ReturnsGoods,
            new DocumentCustomerResponse(
                string.IsNullOrEmpty(customer.CustomerId) ? null : customer.CustomerId,
                customer.Name,
                customer.Type,
                string.IsNullOrEmpty(customer.Address.CountryCode) ? null : AddressDto.From(customer.Address),
                AddressDto.From(record.DeliveryAddress),
                customer.VatNumber?.ToPrinted(),
                customer.EnterpriseNumber?.ToPrinted(),
                customer.Language.ToCode(),
                customer.PeppolId),
            [.. document.Lines.Select(line => new LineResponse(
                line.Description, line.Quantity, line.UnitCode, line.UnitPrice, line.DiscountPercent, line.VatCategory.Id, line.VatRate, line.ProductId,
                line.GrossAmount, line.DiscountAmount, line.NetAmount))],
            new TotalsResponse(totals.TotalWithoutVat, totals.TotalVatAmount, totals.TotalWithVat),
            [.. totals.VatBreakdown.Select(entry => new VatBreakdownResponse(entry.Category.Id, entry.RatePercent, entry.TaxableAmount, entry.TaxAmount, entry.ReturnGrid))],
            document.AmountPaid,
            document.CreditedAmount,
            document.Kind == SalesDocumentKind.Invoice && !document.IsDraft ? document.AmountDue : 0m,
            document.CreditBalance,
            [.. document.Payments.Select(PaymentResponse.From)],
            [.. document.Credits.Select(credit => new CreditResponse(SalesIds.Format(credit.CreditNoteId), credit.CreditNoteNumber, credit.Amount))],
            [.. LegalMentions.For(document).Select(mention => new MentionResponse(mention.Key, mention.In(customer.Language)))],
            [.. document.SourceLinks.Select(link => new SourceResponse(SalesIds.Format(link.DocumentId), link.Kind, link.Number, link.IssueDate))],
            record.CreatedAt,
            record.UpdatedAt,
            record.IssuedAt);
    }
}

/// <summary>A document in a list, from the index.</summary>
public sealed record SalesDocumentSummaryResponse(
    string Id,
    SalesDocumentKind Kind,
    string? Number,
    string? StructuredCommunication,
    SalesDocumentStatus Status,
    bool Overdue,
    bool Imported,
    string? CustomerId,
    string CustomerName,
    string? Reference,
    DateOnly IssueDate,
    DateOnly? DueDate,
    TotalsResponse Totals,
    decimal AmountDue)
{
    public static SalesDocumentSummaryResponse From(SalesDocumentSummary summary, DateOnly today) => new(
        SalesIds.Format(summary.Id),
        summary.Kind,
        summary.Number,
        summary.StructuredCommunication?.ToPrinted(),
        summary.Status,
        summary.IsOverdue(today),
        summary.Imported,
        summary.CustomerId,
        summary.CustomerName,
        summary.Reference,
        summary.IssueDate,
        summary.DueDate,
        new TotalsResponse(summary.NetAmount, summary.VatAmount, summary.Total),
        summary.AmountDue);
}

/// <summary>Answer of <c>POST …/payments</c>: the payment and the invoice after it.</summary>
public sealed record RecordedPaymentResponse(PaymentResponse Payment, SalesDocumentResponse Invoice);

/// <summary>One numbering series with its counter and the next number it would give today.</summary>
public sealed record SeriesResponse(
    int Index,
    string Prefix,
    bool IncludeYear,
    string YearSeparator,
    int PaddingWidth,
    bool RestartsYearly,
    int? LastYear,
    long? LastSequence,
    string? NextNumber)
{
    public static SeriesResponse From(SeriesState state) => new(
        state.Settings.Index,
        state.Settings.Prefix,
        state.Settings.IncludeYear,
        state.Settings.YearSeparator,
        state.Settings.PaddingWidth,
        state.Settings.RestartsYearly,
        state.Counter?.Year,
        state.Counter?.LastSequence,
        state.NextNumber);

    /// <summary>The fields of a series in a request; <c>nextSequence</c> moves the counter forward.</summary>
    public sealed record Request(int? Index, string? Prefix, bool? IncludeYear, string? YearSeparator, int? PaddingWidth, bool? RestartsYearly, long? NextSequence)
    {
        public SeriesSettingsInput ToInput() => new()
        {
            Index = Index,
            Prefix = Prefix,
            IncludeYear = IncludeYear,
            YearSeparator = YearSeparator,
            PaddingWidth = PaddingWidth,
            RestartsYearly = RestartsYearly,
            NextSequence = NextSequence,
        };
    }
}

/// <summary><c>GET/PUT …/settings/numbering</c>: the series of the four document kinds.</summary>
public sealed record NumberingResponse(SeriesResponse Invoices, SeriesResponse CreditNotes, SeriesResponse Quotes, SeriesResponse DeliveryNotes)
{
    public static NumberingResponse From(NumberingOverview overview) => new(
        SeriesResponse.From(overview.Invoices),
        SeriesResponse.From(overview.CreditNotes),
        SeriesResponse.From(overview.Quotes),
        SeriesResponse.From(overview.DeliveryNotes));
}

/// <summary>Body of <c>PUT …/settings/numbering</c>; omitted series and fields keep their values.</summary>
public sealed record NumberingRequest(SeriesResponse.Request? Invoices, SeriesResponse.Request? CreditNotes, SeriesResponse.Request? Quotes, SeriesResponse.Request? DeliveryNotes)
{
    public NumberingSettingsInput ToInput() => new()
    {
        Invoices = Invoices?.ToInput(),
        CreditNotes = CreditNotes?.ToInput(),
        Quotes = Quotes?.ToInput(),
        DeliveryNotes = DeliveryNotes?.ToInput(),
    };
}

/// <summary>Response of <c>POST …/invoices/import</c>: how many invoices the file created, and every invoice of the file.</summary>
/// <param name="Created">Invoices this request created.</param>
/// <param name="AlreadyImported">Rows whose invoice number was imported before; they changed nothing.</param>
/// <param name="Invoices">One entry per row, in file order.</param>
public sealed record InvoiceImportResponse(int Created, int AlreadyImported, IReadOnlyList<ImportedInvoiceResponse> Invoices)
{
    public static InvoiceImportResponse From(OpenInvoiceImportResult result) => new(
        result.Created,
        result.AlreadyImported,
        [.. result.Invoices.Select(ImportedInvoiceResponse.From)]);
}

/// <summary>An invoice of an import: its id, the previous tool's number, what is due now and its structured communication.</summary>
public sealed record ImportedInvoiceResponse(string Id, string Number, decimal AmountDue, string? StructuredCommunication, SalesDocumentStatus Status, bool Created)
{
    public static ImportedInvoiceResponse From(ImportedInvoiceResult result)
    {
        var invoice = result.Invoice.Value.Document;
        return new(SalesIds.Format(invoice.Id), invoice.Number?.Text ?? string.Empty, invoice.AmountDue, invoice.StructuredCommunication?.ToString(), invoice.Status, result.Created);
    }
}
