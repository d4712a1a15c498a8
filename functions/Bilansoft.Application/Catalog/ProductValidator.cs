using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Catalog;

/// <summary>Turns a <see cref="ProductInput"/> into a valid product or reports every violation.</summary>
public static class ProductValidator
{
    /// <summary>Largest stock or reorder level accepted, in the product's unit.</summary>
    public const decimal MaximumQuantity = 1_000_000_000m;

    /// <summary>Validates <paramref name="input"/>; the VAT rate must exist in <paramref name="rates"/> on <paramref name="today"/>.</summary>
    /// <exception cref="Errors.ProblemException">The input breaks one or more rules.</exception>
    public static Product Validate(ProductInput input, string id, VatRateTable rates, DateOnly today, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var rules = new InputRules();
        var code = rules.Required(input.Code, "code", 50);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
        {
            rules.Add(CatalogErrorCodes.InvalidProductCode, "code", new Dictionary<string, object?> { ["value"] = code });
        }

        var name = rules.Translated(input.Name, "name", 200);
        var unit = rules.UnitCode(input.Unit, "unit", SalesLine.UnitCodeOne);
        var unitPrice = UnitPrice(rules, input.UnitPrice);
        var category = rules.VatCategory(input.VatCategory, "vatCategory") ?? VatCategory.Standard;
        var rate = VatRate(rules, input.VatRate, category, rates, today);
        var account = rules.Optional(input.RevenueAccount, "revenueAccount", 10);
        if (account is not null && (account.Length < 3 || !account.All(char.IsAsciiDigit)))
        {
            rules.Add(CatalogErrorCodes.InvalidLedgerAccount, "revenueAccount", new Dictionary<string, object?> { ["value"] = account });
        }

        rules.Range(input.StockLevel, "stockLevel", -MaximumQuantity, MaximumQuantity);
        rules.Range(input.ReorderLevel, "reorderLevel", 0m, MaximumQuantity);

        var product = new Product
        {
            Id = id,
            Code = code,
            Name = name,
            Unit = unit,
            UnitPrice = unitPrice,
            VatCategory = category.Id,
            VatRate = rate,
            RevenueAccount = account,
            TrackStock = input.TrackStock ?? false,
            StockLevel = input.StockLevel ?? 0m,
            ReorderLevel = input.ReorderLevel,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

        rules.ThrowIfInvalid();
        return product;
    }

    private static decimal UnitPrice(InputRules rules, decimal? value)
    {
        if (value is not { } price)
        {
            rules.Add("required", "unitPrice");
            return 0m;
        }

        if (price < 0m)
        {
            rules.Add(SalesRuleCodes.LineUnitPriceNegative, "unitPrice", new Dictionary<string, object?> { ["value"] = price });
        }

        if (!AmountRounding.HasAtMostDecimals(price, AmountRounding.UnitPriceDecimals))
        {
            rules.Add(SalesRuleCodes.LineUnitPriceTooPrecise, "unitPrice", new Dictionary<string, object?>
            {
                ["value"] = price,
                ["maximum"] = AmountRounding.UnitPriceDecimals,
            });
        }

        return price;
    }

    // Categories other than standard allow only 0 %, so their rate may be left out.
    private static decimal VatRate(InputRules rules, decimal? value, VatCategory category, VatRateTable rates, DateOnly today)
    {
        if (value is not { } rate)
        {
            if (category.AllowedRates is [var only])
            {
                return only;
            }

            rules.Add("required", "vatRate");
            return 0m;
        }

        if (!rates.IsValid(rate, today))
        {
            rules.Add(SalesRuleCodes.VatRateUnknown, "vatRate", new Dictionary<string, object?> { ["rate"] = rate, ["date"] = today });
        }
        else if (!category.AllowsRate(rate))
        {
            rules.Add(SalesRuleCodes.VatRateNotAllowed, "vatRate", new Dictionary<string, object?> { ["rate"] = rate, ["category"] = category.Id });
        }

        return rate;
    }
}
