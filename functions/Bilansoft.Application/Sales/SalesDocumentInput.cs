namespace Bilansoft.Application.Sales;

/// <summary>The content of a draft as a client sends it, before validation.</summary>
public sealed record SalesDocumentInput
{
    public string? CustomerId { get; init; }

    /// <summary>Intended issue date (BT-2); today in Brussels when absent. Issuing sets the actual date.</summary>
    public DateOnly? IssueDate { get; init; }

    /// <summary>Fixed due date (BT-9); when absent, the payment term sets it.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Days from issue to due date; when absent, the customer's term or the organisation's default.</summary>
    public int? PaymentTermDays { get; init; }

    /// <summary>Date of delivery (BT-72) when it differs from the issue date.</summary>
    public DateOnly? DeliveryDate { get; init; }

    /// <summary>Buyer reference (BT-10), such as a purchase order number.</summary>
    public string? Reference { get; init; }

    /// <summary>Note printed on the document (BT-22).</summary>
    public string? Notes { get; init; }

    /// <summary>Exemption reason (BT-120), required for exempt lines.</summary>
    public string? VatExemptionReason { get; init; }

    /// <summary>On a credit note, whether the goods come back into stock.</summary>
    public bool? ReturnsGoods { get; init; }

    public IReadOnlyList<SalesLineInput?>? Lines { get; init; }
}

/// <summary>
/// A line as a client sends it. With a <see cref="ProductId"/>, omitted fields come from the product;
/// without one, the line is free text.
/// </summary>
public sealed record SalesLineInput
{
    public string? ProductId { get; init; }

    public string? Description { get; init; }

    public decimal? Quantity { get; init; }

    /// <summary>UN/ECE Recommendation 20 unit code; <c>C62</c> (one) by default.</summary>
    public string? Unit { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? DiscountPercent { get; init; }

    public decimal? VatRate { get; init; }

    /// <summary><see cref="Domain.Sales.VatCategory.Id"/>; the product's, the customer's default or <c>standard</c> when absent.</summary>
    public string? VatCategory { get; init; }
}
