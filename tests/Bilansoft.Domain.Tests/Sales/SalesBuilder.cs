using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

/// <summary>
/// Builds valid Belgian sales documents for tests; every argument overrides one field by name.
/// The defaults give a 21 % consultancy invoice to a Belgian company, payable in 30 days.
/// </summary>
internal static class SalesBuilder
{
    public static readonly DateOnly IssueDate = new(2026, 3, 16);

    public const string BelgianVatNumber = "BE0123456749";

    public static CustomerSnapshot Customer(
        string customerId = "customer-1",
        string name = "Bouwbedrijf Peeters NV",
        string countryCode = "BE",
        string? vatNumber = BelgianVatNumber,
        CustomerType type = CustomerType.Company,
        Language language = Language.Dutch) =>
        new()
        {
            CustomerId = customerId,
            Name = name,
            Address = new PostalAddress("Kerkstraat 1", "9000", "Gent", countryCode),
            VatNumber = vatNumber is null ? null : VatNumber.Parse(vatNumber),
            Type = type,
            Language = language,
        };

    public static CustomerSnapshot Consumer(string countryCode = "BE") =>
        Customer(customerId: "consumer-1", name: "An Janssens", countryCode: countryCode, vatNumber: null, type: CustomerType.Consumer);

    public static SalesLine Line(
        string description = "Consultancy",
        decimal quantity = 1m,
        decimal unitPrice = 100m,
        decimal discountPercent = 0m,
        VatCategory? category = null,
        decimal vatRate = 21m,
        string? productId = null) =>
        new()
        {
            Description = description,
            Quantity = quantity,
            UnitPrice = unitPrice,
            DiscountPercent = discountPercent,
            VatCategory = category ?? VatCategory.Standard,
            VatRate = vatRate,
            ProductId = productId,
        };

    public static SalesLine ZeroRateLine(VatCategory category, string? productId = null) =>
        Line(description: "Supply " + category.Id, category: category, vatRate: 0m, productId: productId);

    public static SalesDocumentContent Content(
        CustomerSnapshot? customer = null,
        DateOnly? issueDate = null,
        int? paymentTermDays = 30,
        DateOnly? fixedDueDate = null,
        DateOnly? deliveryDate = null,
        string? notes = null,
        string? vatExemptionReason = null,
        IReadOnlyList<SalesLine>? lines = null) =>
        new()
        {
            Customer = customer ?? Customer(),
            IssueDate = issueDate ?? IssueDate,
            PaymentTermDays = paymentTermDays,
            FixedDueDate = fixedDueDate,
            DeliveryDate = deliveryDate,
            Notes = notes,
            VatExemptionReason = vatExemptionReason,
            Lines = lines ?? [Line()],
        };

    public static SalesDocument Draft(SalesDocumentKind kind = SalesDocumentKind.Invoice, SalesDocumentContent? content = null) =>
        SalesDocument.CreateDraft(SalesDocumentId.New(), kind, content ?? Content());

    public static DocumentNumber Number(int sequence = 1, int seriesIndex = 0, int year = 2026) =>
        new(seriesIndex, year, sequence, $"{year}/{sequence:D4}");

    public static SalesDocument IssuedInvoice(SalesDocumentContent? content = null, int sequence = 1) =>
        Draft(SalesDocumentKind.Invoice, content).Issue(Number(sequence), IssueDate, SalesValidationOptions.Default).Value;

    public static SalesDocument IssuedDeliveryNote(SalesDocumentContent? content = null, int sequence = 1) =>
        Draft(SalesDocumentKind.DeliveryNote, content).Issue(Number(sequence, seriesIndex: 3), IssueDate, SalesValidationOptions.Default).Value;

    public static SalesDocument SentQuote(SalesDocumentContent? content = null) =>
        Draft(SalesDocumentKind.Quote, content).Send(Number(seriesIndex: 4), IssueDate, SalesValidationOptions.Default).Value;

    /// <summary>Rebuilds a document of any kind in any state, as storage would.</summary>
    public static SalesDocument InStatus(SalesDocumentKind kind, SalesDocumentStatus status, SalesDocumentContent? content = null) =>
        SalesDocument.Restore(
            SalesDocumentId.New(),
            kind,
            status,
            content ?? Content(),
            status == SalesDocumentStatus.Draft ? null : Number(),
            null,
            [],
            [],
            []);

    public static IReadOnlyList<string> Codes(IEnumerable<RuleViolation> violations) => [.. violations.Select(violation => violation.Code)];

    public static SalesFailure FailureOf<T>(SalesResult<T> result)
    {
        Assert.False(result.Succeeded, "Expected the operation to fail.");
        return result.Failure!;
    }
}
