using Bilansoft.Application.Sales;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>
/// The JSON body of a <c>sales|{id}</c> row: a sales document and its record, in a shape of its
/// own so the domain types can change without breaking stored documents. Amounts are exact JSON
/// decimals; VAT categories are stored by their stable id.
/// </summary>
public sealed record StoredSalesDocument
{
    /// <summary>Version of this shape; readers reject versions they do not know.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Id { get; init; }

    public required SalesDocumentKind Kind { get; init; }

    public required SalesDocumentStatus Status { get; init; }

    public required StoredContent Content { get; init; }

    public DocumentNumber? Number { get; init; }

    public StructuredCommunication? StructuredCommunication { get; init; }

    public IReadOnlyList<StoredSourceLink> Sources { get; init; } = [];

    public IReadOnlyList<StoredPayment> Payments { get; init; } = [];

    public IReadOnlyList<StoredCredit> Credits { get; init; } = [];

    public bool Imported { get; init; }

    public PostalAddress? DeliveryAddress { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>Copies a record into its stored shape.</summary>
    public static StoredSalesDocument From(SalesDocumentRecord record)
    {
        var document = record.Document;
        var content = document.Content;
        return new StoredSalesDocument
        {
            Id = SalesIds.Format(document.Id),
            Kind = document.Kind,
            Status = document.Status,
            Content = new StoredContent
            {
                Customer = StoredCustomer.From(content.Customer),
                IssueDate = content.IssueDate,
                PaymentTermDays = content.PaymentTermDays,
                FixedDueDate = content.FixedDueDate,
                DeliveryDate = content.DeliveryDate,
                Reference = content.Reference,
                Notes = content.Notes,
                VatExemptionReason = content.VatExemptionReason,
                ReturnsGoods = content.ReturnsGoods,
                Lines = [.. content.Lines.Select(StoredLine.From)],
            },
            Number = document.Number,
            StructuredCommunication = document.StructuredCommunication,
            Sources = [.. document.SourceLinks.Select(link => new StoredSourceLink(SalesIds.Format(link.DocumentId), link.Kind, link.Number, link.IssueDate))],
            Payments = [.. document.Payments.Select(payment => new StoredPayment(SalesIds.Format(payment.Id), payment.Date, payment.Amount, payment.Reference))],
            Credits = [.. document.Credits.Select(credit => new StoredCredit(SalesIds.Format(credit.CreditNoteId), credit.CreditNoteNumber, credit.Amount))],
            Imported = record.Imported,
            DeliveryAddress = record.DeliveryAddress,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
            IssuedAt = record.IssuedAt,
        };
    }

    /// <summary>Rebuilds the record with <see cref="SalesDocument.Restore"/>.</summary>
    /// <exception cref="InvalidDataException">The body has an unknown version or an invalid identifier.</exception>
    public SalesDocumentRecord ToRecord()
    {
        if (Version != CurrentVersion)
        {
            throw new InvalidDataException($"Sales document {Id} is stored in version {Version}; this build reads version {CurrentVersion}.");
        }

        var content = new SalesDocumentContent
        {
            Customer = Content.Customer.ToSnapshot(),
            IssueDate = Content.IssueDate,
            PaymentTermDays = Content.PaymentTermDays,
            FixedDueDate = Content.FixedDueDate,
            DeliveryDate = Content.DeliveryDate,
            Reference = Content.Reference,
            Notes = Content.Notes,
            VatExemptionReason = Content.VatExemptionReason,
            ReturnsGoods = Content.ReturnsGoods,
            Lines = [.. Content.Lines.Select(line => line.ToLine())],
        };
        var document = SalesDocument.Restore(
            DocumentId(Id),
            Kind,
            Status,
            content,
            Number,
            StructuredCommunication,
            [.. Sources.Select(source => new SourceLink(DocumentId(source.DocumentId), source.Kind, source.Number, source.IssueDate))],
            [.. Payments.Select(payment => new InvoicePayment(PaymentIdOf(payment.Id), payment.Date, payment.Amount, payment.Reference))],
            [.. Credits.Select(credit => new AppliedCredit(DocumentId(credit.CreditNoteId), credit.CreditNoteNumber, credit.Amount))]);
        return new SalesDocumentRecord
        {
            Document = document,
            Imported = Imported,
            DeliveryAddress = DeliveryAddress,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            IssuedAt = IssuedAt,
        };
    }

    private static SalesDocumentId DocumentId(string text) =>
        SalesDocumentId.TryParse(text, out var id) ? id : throw new InvalidDataException($"Stored sales document id '{text}' is invalid.");

    private static PaymentId PaymentIdOf(string text) =>
        PaymentId.TryParse(text, out var id) ? id : throw new InvalidDataException($"Stored payment id '{text}' is invalid.");
}

/// <summary>Stored <see cref="SalesDocumentContent"/>.</summary>
public sealed record StoredContent
{
    public required StoredCustomer Customer { get; init; }

    public required DateOnly IssueDate { get; init; }

    public int? PaymentTermDays { get; init; }

    public DateOnly? FixedDueDate { get; init; }

    public DateOnly? DeliveryDate { get; init; }

    public string? Reference { get; init; }

    public string? Notes { get; init; }

    public string? VatExemptionReason { get; init; }

    public bool ReturnsGoods { get; init; }

    public IReadOnlyList<StoredLine> Lines { get; init; } = [];
}

/// <summary>Stored <see cref="CustomerSnapshot"/>.</summary>
public sealed record StoredCustomer
{
    public required string CustomerId { get; init; }

    public required string Name { get; init; }

    public required PostalAddress Address { get; init; }

    public CustomerType Type { get; init; }

    public VatNumber? VatNumber { get; init; }

    public EnterpriseNumber? EnterpriseNumber { get; init; }

    public Language Language { get; init; }

    public string? PeppolId { get; init; }

    public static StoredCustomer From(CustomerSnapshot customer) => new()
    {
        CustomerId = customer.CustomerId,
        Name = customer.Name,
        Address = customer.Address,
        Type = customer.Type,
        VatNumber = customer.VatNumber,
        EnterpriseNumber = customer.EnterpriseNumber,
        Language = customer.Language,
        PeppolId = customer.PeppolId,
    };

    public CustomerSnapshot ToSnapshot() => new()
    {
        CustomerId = CustomerId,
        Name = Name,
        Address = Address,
        Type = Type,
        VatNumber = VatNumber,
        EnterpriseNumber = EnterpriseNumber,
        Language = Language,
        PeppolId = PeppolId,
    };
}

/// <summary>Stored <see cref="SalesLine"/>; <see cref="VatCategory"/> is the category's id.</summary>
public sealed record StoredLine(
    string Description,
    decimal Quantity,
    string UnitCode,
    decimal UnitPrice,
    decimal DiscountPercent,
    string VatCategory,
    decimal VatRate,
    string? ProductId)
{
    public static StoredLine From(SalesLine line) =>
        new(line.Description, line.Quantity, line.UnitCode, line.UnitPrice, line.DiscountPercent, line.VatCategory.Id, line.VatRate, line.ProductId);

    /// <exception cref="InvalidDataException">The category id is not known.</exception>
    public SalesLine ToLine() => new()
    {
        Description = Description,
        Quantity = Quantity,
        UnitCode = UnitCode,
        UnitPrice = UnitPrice,
        DiscountPercent = DiscountPercent,
        VatCategory = Domain.Sales.VatCategory.TryParse(VatCategory, out var category)
            ? category
            : throw new InvalidDataException($"Stored VAT category '{VatCategory}' is not known."),
        VatRate = VatRate,
        ProductId = ProductId,
    };
}

/// <summary>Stored <see cref="SourceLink"/>.</summary>
public sealed record StoredSourceLink(string DocumentId, SalesDocumentKind Kind, string? Number, DateOnly? IssueDate);

/// <summary>Stored <see cref="InvoicePayment"/>.</summary>
public sealed record StoredPayment(string Id, DateOnly Date, decimal Amount, string? Reference);

/// <summary>Stored <see cref="AppliedCredit"/>.</summary>
public sealed record StoredCredit(string CreditNoteId, string CreditNoteNumber, decimal Amount);
