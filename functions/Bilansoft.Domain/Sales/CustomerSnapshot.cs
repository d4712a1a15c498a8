using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// The buyer (EN 16931 BG-7) as it was when the document was made. A document keeps its own copy,
/// so later edits to the customer record do not change documents already written.
/// </summary>
public sealed record CustomerSnapshot
{
    /// <summary>
    /// Identifier of the customer record in the organisation; documents of the same customer share
    /// it, which merging and conversion rely on.
    /// </summary>
    public required string CustomerId { get; init; }

    /// <summary>Buyer name (BT-44).</summary>
    public required string Name { get; init; }

    /// <summary>Buyer postal address (BG-8); its country is <see cref="CountryCode"/>.</summary>
    public required PostalAddress Address { get; init; }

    /// <summary>Whether the buyer is a business or a private person.</summary>
    public CustomerType Type { get; init; } = CustomerType.Company;

    /// <summary>Buyer VAT identifier (BT-48), or null when the buyer has none.</summary>
    public VatNumber? VatNumber { get; init; }

    /// <summary>Belgian enterprise number of the buyer (BT-47 legal registration identifier), or null.</summary>
    public EnterpriseNumber? EnterpriseNumber { get; init; }

    /// <summary>Language in which the buyer receives documents and mentions.</summary>
    public Language Language { get; init; } = Language.Dutch;

    /// <summary>
    /// Peppol participant identifier (BT-49 buyer electronic address) as <c>scheme:value</c>, such
    /// as <c>0208:0123456749</c>; null when the buyer is not on Peppol.
    /// </summary>
    public string? PeppolId { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code of the buyer's address (BT-55).</summary>
    public string CountryCode => Address.CountryCode;

    /// <summary>Whether the buyer is a private person.</summary>
    public bool IsConsumer => Type == CustomerType.Consumer;
}
