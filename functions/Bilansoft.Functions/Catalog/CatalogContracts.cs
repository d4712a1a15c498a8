using Bilansoft.Application.Catalog;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Organisations;

namespace Bilansoft.Functions.Catalog;

/// <summary>A text in up to four languages: <c>{ "nl": …, "fr": …, "en": …, "de": … }</c>.</summary>
public sealed record TranslatedTextDto(string? Nl, string? Fr, string? En, string? De)
{
    public static TranslatedTextDto From(TranslatedText text) => new(text.Dutch, text.French, text.English, text.German);

    public TranslatedTextInput ToInput() => new(Nl, Fr, En, De);
}

/// <summary>One page of a list and the cursor of the next page, null on the last page.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Body of <c>POST</c> and <c>PUT /api/orgs/{orgId}/customers</c>.</summary>
public sealed record CustomerRequest(
    string? Type,
    string? Name,
    AddressDto? InvoiceAddress,
    AddressDto? DeliveryAddress,
    string? VatNumber,
    string? EnterpriseNumber,
    string? Email,
    string? Language,
    int? PaymentTermDays,
    string? DefaultVatCategory,
    string? PeppolId,
    string? DeliveryChannel,
    AddressDto? Address = null)
{
    /// <summary><c>address</c> is accepted as another name of <c>invoiceAddress</c>.</summary>
    public CustomerInput ToInput() => new()
    {
        Type = Type,
        Name = Name,
        InvoiceAddress = (InvoiceAddress ?? Address)?.ToInput(),
        DeliveryAddress = DeliveryAddress?.ToInput(),
        VatNumber = VatNumber,
        EnterpriseNumber = EnterpriseNumber,
        Email = Email,
        Language = Language,
        PaymentTermDays = PaymentTermDays,
        DefaultVatCategory = DefaultVatCategory,
        PeppolId = PeppolId,
        DeliveryChannel = DeliveryChannel,
    };
}

/// <summary>A customer as the API returns it, with identifiers printed the Belgian way.</summary>
public sealed record CustomerResponse(
    string Id,
    CustomerType Type,
    string Name,
    AddressDto? InvoiceAddress,
    AddressDto? DeliveryAddress,
    string? VatNumber,
    string? EnterpriseNumber,
    string? Email,
    string Language,
    int? PaymentTermDays,
    string? DefaultVatCategory,
    string? PeppolId,
    DeliveryChannel DeliveryChannel,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The invoice address under its short name, as clients may send it.</summary>
    public AddressDto? Address => InvoiceAddress;

    public static CustomerResponse From(Customer customer) => new(
        customer.Id,
        customer.Type,
        customer.Name,
        AddressDto.From(customer.InvoiceAddress),
        AddressDto.From(customer.DeliveryAddress),
        customer.VatNumber?.ToPrinted(),
        customer.EnterpriseNumber?.ToPrinted(),
        customer.Email,
        Domain.LanguageCodes.ToCode(customer.Language),
        customer.PaymentTermDays,
        customer.DefaultVatCategory,
        customer.PeppolId,
        customer.DeliveryChannel,
        customer.CreatedAt,
        customer.UpdatedAt);
}

/// <summary>Body of <c>POST</c> and <c>PUT /api/orgs/{orgId}/products</c>.</summary>
public sealed record ProductRequest(
    string? Code,
    TranslatedTextDto? Name,
    string? Unit,
    decimal? UnitPrice,
    string? VatCategory,
    decimal? VatRate,
    string? RevenueAccount,
    bool? TrackStock,
    decimal? StockLevel,
    decimal? ReorderLevel)
{
    public ProductInput ToInput() => new()
    {
        Code = Code,
        Name = Name?.ToInput(),
        Unit = Unit,
        UnitPrice = UnitPrice,
        VatCategory = VatCategory,
        VatRate = VatRate,
        RevenueAccount = RevenueAccount,
        TrackStock = TrackStock,
        StockLevel = StockLevel,
        ReorderLevel = ReorderLevel,
    };
}

/// <summary>A product as the API returns it; amounts and quantities are JSON numbers.</summary>
public sealed record ProductResponse(
    string Id,
    string Code,
    TranslatedTextDto Name,
    string Unit,
    decimal UnitPrice,
    string VatCategory,
    decimal VatRate,
    string? RevenueAccount,
    bool TrackStock,
    decimal StockLevel,
    decimal? ReorderLevel,
    bool NeedsReorder,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(Product product) => new(
        product.Id,
        product.Code,
        TranslatedTextDto.From(product.Name),
        product.Unit,
        product.UnitPrice,
        product.VatCategory,
        product.VatRate,
        product.RevenueAccount,
        product.TrackStock,
        product.StockLevel,
        product.ReorderLevel,
        product.NeedsReorder,
        product.CreatedAt,
        product.UpdatedAt);
}

/// <summary>Body of <c>POST</c> and <c>PUT /api/orgs/{orgId}/text-snippets</c>.</summary>
public sealed record TextSnippetRequest(string? Name, string? Usage, TranslatedTextDto? Text)
{
    public TextSnippetInput ToInput() => new() { Name = Name, Usage = Usage, Text = Text?.ToInput() };
}

/// <summary>A text snippet as the API returns it.</summary>
public sealed record TextSnippetResponse(string Id, string Name, SnippetUsage Usage, TranslatedTextDto Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TextSnippetResponse From(TextSnippet snippet) =>
        new(snippet.Id, snippet.Name, snippet.Usage, TranslatedTextDto.From(snippet.Text), snippet.CreatedAt, snippet.UpdatedAt);
}
