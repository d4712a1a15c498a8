using Bilansoft.Application.Catalog;
using Bilansoft.Application.Platform;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Sales;

/// <summary>A draft's content built from a request, with the delivery address copied from the customer.</summary>
public sealed record DraftContent(SalesDocumentContent Content, PostalAddress? DeliveryAddress);

/// <summary>
/// Builds a draft's content from a request: looks up the customer and the products, fills what the
/// request leaves out from them, and validates the result with <see cref="SalesDocumentValidator"/>.
/// Every violation of the request is reported at once; nothing is stored when one exists.
/// </summary>
public sealed class SalesContentBuilder
{
    /// <summary>Longest note (BT-22).</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Longest line description (BT-153).</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>Longest buyer reference (BT-10).</summary>
    public const int MaxReferenceLength = 100;

    /// <summary>Longest exemption reason (BT-120).</summary>
    public const int MaxExemptionReasonLength = 300;

    private readonly CustomerService _customers;
    private readonly IProductStore _products;
    private readonly SalesOptions _options;

    public SalesContentBuilder(CustomerService customers, IProductStore products, IOptions<SalesOptions> options)
    {
        _customers = customers;
        _products = products;
        _options = options.Value;
    }

    /// <summary>Builds the content of a quote, delivery note or invoice for the customer the request names.</summary>
    /// <exception cref="Errors.ProblemException">The request breaks one or more rules.</exception>
    public async Task<DraftContent> BuildAsync(
        string organisationId,
        SalesDocumentKind kind,
        SalesDocumentInput input,
        SalesValidationOptions validation,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        Customer? customer = null;
        if (string.IsNullOrWhiteSpace(input.CustomerId))
        {
            rules.Add("required", "customerId");
        }
        else
        {
            customer = await _customers.FindUsableAsync(organisationId, input.CustomerId.Trim(), cancellationToken);
            if (customer is null)
            {
                rules.Add(SalesErrorCodes.CustomerUnknown, "customerId", new Dictionary<string, object?> { ["id"] = input.CustomerId });
            }
            else if (customer.InvoiceAddress is null)
            {
                rules.Add(Catalog.CatalogErrorCodes.CustomerAddressMissing, "customerId", new Dictionary<string, object?> { ["id"] = customer.Id, ["name"] = customer.Name });
                customer = null;
            }
        }

        var snapshot = customer?.ToSnapshot() ?? Placeholder(input.CustomerId);
        var content = await ContentAsync(rules, organisationId, kind, input, snapshot, customer?.DefaultVatCategory, today, cancellationToken);
        content = WithDueDate(rules, kind, input, content, customer?.PaymentTermDays);
        return new DraftContent(Validate(rules, kind, content, validation), customer?.DeliveryAddress);
    }

    /// <summary>
    /// Builds the content of a credit note for the customer of the invoice it credits. The request
    /// may not name another customer, and a credit note has no due date.
    /// </summary>
    /// <exception cref="Errors.ProblemException">The request breaks one or more rules.</exception>
    public async Task<SalesDocumentContent> BuildCreditNoteAsync(
        string organisationId,
        CustomerSnapshot customer,
        SalesDocumentInput input,
        SalesValidationOptions validation,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        if (!string.IsNullOrWhiteSpace(input.CustomerId) && input.CustomerId.Trim() != customer.CustomerId)
        {
            rules.Add(SalesErrorCodes.CreditNoteCustomerFixed, "customerId", new Dictionary<string, object?> { ["id"] = input.CustomerId });
        }

        var content = await ContentAsync(rules, organisationId, SalesDocumentKind.CreditNote, input, customer, null, today, cancellationToken);
        return Validate(rules, SalesDocumentKind.CreditNote, content with { PaymentTermDays = null, FixedDueDate = null }, validation);
    }

    /// <summary>
    /// Builds only the lines of a partial credit note; the rest of its content comes from the
    /// invoice.
    /// </summary>
    /// <exception cref="Errors.ProblemException">A line breaks one or more rules.</exception>
    public async Task<IReadOnlyList<SalesLine>> BuildLinesAsync(
        string organisationId,
        IReadOnlyList<SalesLineInput?> lines,
        CustomerSnapshot customer,
        CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var built = await LinesAsync(rules, organisationId, lines, customer.Language, null, cancellationToken);
        rules.ThrowIfInvalid();
        return built;
    }

    /// <summary>
    /// Returns <paramref name="content"/> with a payment term when it has neither a due date nor a
    /// term: the customer's term, else the organisation's default.
    /// </summary>
    public SalesDocumentContent EnsurePaymentTerm(SalesDocumentContent content, int? customerTermDays) =>
        content.DueDate is null ? content.WithPaymentTerm(customerTermDays ?? _options.DefaultPaymentTermDays) : content;

    private async Task<SalesDocumentContent> ContentAsync(
        InputRules rules,
        string organisationId,
        SalesDocumentKind kind,
        SalesDocumentInput input,
        CustomerSnapshot customer,
        string? defaultCategory,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var lines = input.Lines is null
            ? []
            : await LinesAsync(rules, organisationId, input.Lines, customer.Language, defaultCategory, cancellationToken);

        return new SalesDocumentContent
        {
            Customer = customer,
            IssueDate = input.IssueDate ?? today,
            DeliveryDate = input.DeliveryDate,
            Reference = rules.Optional(input.Reference, "reference", MaxReferenceLength),
            Notes = rules.Optional(input.Notes, "notes", MaxNotesLength),
            VatExemptionReason = rules.Optional(input.VatExemptionReason, "vatExemptionReason", MaxExemptionReasonLength),
            ReturnsGoods = kind == SalesDocumentKind.CreditNote && (input.ReturnsGoods ?? false),
            Lines = lines,
        };
    }

    private SalesDocumentContent WithDueDate(InputRules rules, SalesDocumentKind kind, SalesDocumentInput input, SalesDocumentContent content, int? customerTermDays)
    {
        if (input.DueDate is { } dueDate)
        {
            return content.WithDueDate(dueDate);
        }

        if (input.PaymentTermDays is { } days)
        {
            rules.Range(days, "paymentTermDays", 0, CustomerValidator.MaximumPaymentTermDays);
            return content.WithPaymentTerm(days);
        }

        // Delivery notes ask for no payment; quotes state the terms the invoice will have.
        return kind is SalesDocumentKind.Invoice or SalesDocumentKind.Quote ? EnsurePaymentTerm(content, customerTermDays) : content;
    }

    private async Task<IReadOnlyList<SalesLine>> LinesAsync(
        InputRules rules,
        string organisationId,
        IReadOnlyList<SalesLineInput?> inputs,
        Language language,
        string? defaultCategory,
        CancellationToken cancellationToken)
    {
        var productIds = inputs
            .Select(line => line?.ProductId?.Trim())
            .Where(Identifiers.IsValid)
            .Select(id => id!)
            .ToHashSet(StringComparer.Ordinal);
        var products = productIds.Count == 0
            ? new Dictionary<string, Versioned<Product>>()
            : await _products.GetManyAsync(organisationId, productIds, cancellationToken);

        var lines = new List<SalesLine>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lines[{i}]");
            var input = inputs[i];
            if (input is null)
            {
                rules.Add("required", path);
                continue;
            }

            Product? product = null;
            if (!string.IsNullOrWhiteSpace(input.ProductId))
            {
                product = products.TryGetValue(input.ProductId.Trim(), out var found) ? found.Value : null;
                if (product is null)
                {
                    rules.Add(SalesErrorCodes.ProductUnknown, path + ".productId", new Dictionary<string, object?> { ["id"] = input.ProductId });
                }
            }

            lines.Add(Line(rules, path, input, product, language, defaultCategory));
        }

        return lines;
    }

    // A missing value is reported once as "required" and replaced by a neutral placeholder, so the
    // domain validator does not report the same field a second time.
    private static SalesLine Line(InputRules rules, string path, SalesLineInput input, Product? product, Language language, string? defaultCategory)
    {
        var description = input.Description?.Trim() is { Length: > 0 } text ? text : product?.NameIn(language) ?? string.Empty;
        rules.MaxLength(description, path + ".description", MaxDescriptionLength);

        var quantity = input.Quantity;
        if (quantity is null)
        {
            rules.Add("required", path + ".quantity");
        }

        var unitPrice = input.UnitPrice ?? product?.UnitPrice;
        if (unitPrice is null)
        {
            rules.Add("required", path + ".unitPrice");
        }

        var category = rules.VatCategory(input.VatCategory, path + ".vatCategory")
            ?? (string.IsNullOrWhiteSpace(input.VatCategory) ? product?.Category ?? ParseOrNull(defaultCategory) ?? VatCategory.Standard : VatCategory.Standard);
        var rate = input.VatRate
            ?? (product is not null && product.Category == category ? product.VatRate : (decimal?)null)
            ?? (category.AllowedRates is [var only] ? only : (decimal?)null);
        if (rate is null)
        {
            rules.Add("required", path + ".vatRate");
        }

        return new SalesLine
        {
            Description = description,
            Quantity = quantity ?? 1m,
            UnitCode = rules.UnitCode(input.Unit, path + ".unit", product?.Unit ?? SalesLine.UnitCodeOne),
            UnitPrice = unitPrice ?? 0m,
            DiscountPercent = input.DiscountPercent ?? 0m,
            VatCategory = category,
            VatRate = rate ?? (category.AllowedRates.Count > 0 ? category.AllowedRates[0] : 0m),
            ProductId = product?.Id,
        };
    }

    private static VatCategory? ParseOrNull(string? id) => VatCategory.TryParse(id, out var category) ? category : null;

    private static SalesDocumentContent Validate(InputRules rules, SalesDocumentKind kind, SalesDocumentContent content, SalesValidationOptions validation)
    {
        var reported = rules.Violations.Select(violation => violation.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var violation in SalesDocumentValidator.Validate(kind, content, validation))
        {
            if (!reported.Contains(violation.Path) && !IsAboutPlaceholder(violation, reported))
            {
                rules.Add(violation.Code, violation.Path, violation.Arguments);
            }
        }

        rules.ThrowIfInvalid();
        return content;
    }

    // While the customer is unknown, rules on its name, country or VAT number are about the placeholder.
    private static bool IsAboutPlaceholder(Domain.RuleViolation violation, HashSet<string> reported) =>
        reported.Contains("customerId") && (violation.Path.StartsWith("customer", StringComparison.Ordinal)
            || violation.Code is SalesRuleCodes.IntraCommunityRequiresEuVatNumber or SalesRuleCodes.ReverseChargeRequiresBelgianVatNumber
                or SalesRuleCodes.ReverseChargeToConsumer or SalesRuleCodes.ExportToEuCustomer);

    private static CustomerSnapshot Placeholder(string? customerId) => new()
    {
        CustomerId = customerId ?? string.Empty,
        Name = "?",
        Address = new PostalAddress(string.Empty, string.Empty, string.Empty, "BE"),
    };
}
