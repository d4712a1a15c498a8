using Bilansoft.Domain;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Catalog;

/// <summary>
/// An item or service the organisation sells. A line made from a product takes its name (in the
/// customer's language), unit, price and VAT; a tracked product's stock moves when delivery notes,
/// invoices and credit notes for returned goods are issued.
/// </summary>
public sealed record Product
{
    public required string Id { get; init; }

    /// <summary>Seller's item identifier (BT-155), unique in the organisation without regard to case.</summary>
    public required string Code { get; init; }

    /// <summary>Item name (BT-153) per language.</summary>
    public required TranslatedText Name { get; init; }

    /// <summary>UN/ECE Recommendation 20 unit code (BT-130), such as <c>C62</c> or <c>HUR</c>.</summary>
    public string Unit { get; init; } = SalesLine.UnitCodeOne;

    /// <summary>Price of one unit in euro without VAT (BT-146), at most 4 decimals.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary><see cref="VatCategory.Id"/> of the product.</summary>
    public required string VatCategory { get; init; }

    /// <summary>VAT rate in percent (BT-152).</summary>
    public required decimal VatRate { get; init; }

    /// <summary>General ledger account that books the revenue, such as <c>700000</c>.</summary>
    public string? RevenueAccount { get; init; }

    /// <summary>Whether issuing documents moves <see cref="StockLevel"/>.</summary>
    public bool TrackStock { get; init; }

    /// <summary>Quantity in stock, in <see cref="Unit"/>; may fall below zero when more is delivered than recorded.</summary>
    public decimal StockLevel { get; init; }

    /// <summary>Stock at or below which the product appears in the reorder list; null for never.</summary>
    public decimal? ReorderLevel { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the product is tracked and its stock is at or below the reorder level.</summary>
    public bool NeedsReorder => TrackStock && ReorderLevel is { } level && StockLevel <= level;

    /// <summary>The product's VAT category.</summary>
    public VatCategory Category => Domain.Sales.VatCategory.TryParse(VatCategory, out var category) ? category : default;

    /// <summary>The name in <paramref name="language"/>, falling back to another language.</summary>
    public string NameIn(Language language) => Name.In(language);
}

/// <summary>A product as a client sends it, before validation.</summary>
public sealed record ProductInput
{
    public string? Code { get; init; }

    public TranslatedTextInput? Name { get; init; }

    public string? Unit { get; init; }

    public decimal? UnitPrice { get; init; }

    public string? VatCategory { get; init; }

    public decimal? VatRate { get; init; }

    public string? RevenueAccount { get; init; }

    public bool? TrackStock { get; init; }

    public decimal? StockLevel { get; init; }

    public decimal? ReorderLevel { get; init; }
}
