using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Catalog;

/// <summary>How a customer receives its invoices.</summary>
public enum DeliveryChannel
{
    /// <summary>A PDF by e-mail to <see cref="Customer.Email"/>.</summary>
    Email,

    /// <summary>A Peppol BIS Billing 3.0 document to <see cref="Customer.PeppolId"/>.</summary>
    Peppol,

    /// <summary>Both an e-mail and a Peppol document.</summary>
    Both,
}

/// <summary>
/// A customer (the buyer, EN 16931 BG-7) of an organisation: a company or a consumer. Enterprise and
/// VAT numbers are stored compact and printed formatted. Documents copy the customer into a
/// <see cref="CustomerSnapshot"/>, so later changes do not alter documents already written.
/// </summary>
public sealed record Customer
{
    public required string Id { get; init; }

    public CustomerType Type { get; init; } = CustomerType.Company;

    /// <summary>Buyer name (BT-44).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Address printed on invoices (BG-8). A customer may be saved without one, but no document can
    /// be written for it until the address is filled in, because Belgian invoices must show it.
    /// </summary>
    public PostalAddress? InvoiceAddress { get; init; }

    /// <summary>Address where goods go (BG-15), when it differs from the invoice address.</summary>
    public PostalAddress? DeliveryAddress { get; init; }

    /// <summary>Buyer VAT identifier (BT-48).</summary>
    public VatNumber? VatNumber { get; init; }

    /// <summary>Belgian enterprise number (BT-47).</summary>
    public EnterpriseNumber? EnterpriseNumber { get; init; }

    /// <summary>Address that receives invoices by e-mail.</summary>
    public string? Email { get; init; }

    /// <summary>Language of the customer's documents and mentions.</summary>
    public Language Language { get; init; } = Language.Dutch;

    /// <summary>Days between issue date and due date (BT-9) on new invoices; null for the organisation's default.</summary>
    public int? PaymentTermDays { get; init; }

    /// <summary>
    /// <see cref="VatCategory.Id"/> used on new lines that name neither a category nor a product,
    /// such as <c>intra-community-services</c> for a customer in another member state.
    /// </summary>
    public string? DefaultVatCategory { get; init; }

    /// <summary>Peppol participant id (BT-49) as <c>{icd}:{identifier}</c>, lower case.</summary>
    public string? PeppolId { get; init; }

    public DeliveryChannel DeliveryChannel { get; init; } = DeliveryChannel.Email;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// When the customer was deleted. A deleted customer is kept because documents refer to it, but
    /// it is no longer listed, read or used on new documents.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; init; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Copies the customer into the buyer snapshot a document keeps.</summary>
    /// <exception cref="Errors.ProblemException">The customer has no invoice address yet.</exception>
    public CustomerSnapshot ToSnapshot() => new()
    {
        CustomerId = Id,
        Name = Name,
        Address = InvoiceAddress ?? throw Errors.ProblemException.Invalid(CatalogErrorCodes.CustomerAddressMissing, "customerId", new Dictionary<string, object?>
        {
            ["id"] = Id,
            ["name"] = Name,
        }),
        Type = Type,
        VatNumber = VatNumber,
        EnterpriseNumber = EnterpriseNumber,
        Language = Language,
        PeppolId = PeppolId,
    };
}

/// <summary>A customer as a client sends it, before validation.</summary>
public sealed record CustomerInput
{
    /// <summary><c>company</c> (default) or <c>consumer</c>.</summary>
    public string? Type { get; init; }

    public string? Name { get; init; }

    public Organisations.AddressInput? InvoiceAddress { get; init; }

    public Organisations.AddressInput? DeliveryAddress { get; init; }

    public string? VatNumber { get; init; }

    public string? EnterpriseNumber { get; init; }

    public string? Email { get; init; }

    public string? Language { get; init; }

    public int? PaymentTermDays { get; init; }

    public string? DefaultVatCategory { get; init; }

    public string? PeppolId { get; init; }

    /// <summary><c>email</c> (default), <c>peppol</c> or <c>both</c>.</summary>
    public string? DeliveryChannel { get; init; }
}
