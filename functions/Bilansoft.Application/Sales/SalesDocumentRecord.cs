using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// A stored sales document with what the application keeps besides the domain model: whether it
/// came from a previous tool, the delivery address and when it was made, changed and issued.
/// </summary>
public sealed record SalesDocumentRecord
{
    public required SalesDocument Document { get; init; }

    /// <summary>
    /// Whether the invoice was issued by a previous tool and imported as an open amount. Its number
    /// lies outside Bilansoft's series and its single line stands for the amount that was open, so
    /// VAT returns and accounting exports leave it out: the previous tool reported it.
    /// </summary>
    public bool Imported { get; init; }

    /// <summary>Where goods go (BG-15), copied from the customer when the document was written.</summary>
    public PostalAddress? DeliveryAddress { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the document was issued or sent; null for a draft.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    public SalesDocumentId Id => Document.Id;

    public SalesDocumentKind Kind => Document.Kind;
}

/// <summary>Text forms of sales document identifiers.</summary>
public static class SalesIds
{
    /// <summary>The identifier as 32 lowercase hex characters, the form of every id in the API and in storage keys.</summary>
    public static string Format(SalesDocumentId id) => id.Value.ToString("N");

    /// <summary>The payment identifier as 32 lowercase hex characters.</summary>
    public static string Format(PaymentId id) => id.Value.ToString("N");
}

/// <summary>Names of the document kinds in routes, audit entries and messages.</summary>
public static class SalesKinds
{
    /// <summary>The kebab-case name, such as <c>credit-note</c>: the audit target type and the first part of audit actions.</summary>
    public static string Name(SalesDocumentKind kind) => kind switch
    {
        SalesDocumentKind.Quote => "quote",
        SalesDocumentKind.DeliveryNote => "delivery-note",
        SalesDocumentKind.CreditNote => "credit-note",
        _ => "invoice",
    };
}
