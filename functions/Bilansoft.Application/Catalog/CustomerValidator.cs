using Bilansoft.Application.Peppol;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Catalog;

/// <summary>Turns a <see cref="CustomerInput"/> into a valid customer or reports every violation.</summary>
public static class CustomerValidator
{
    /// <summary>Longest payment term accepted for a consumer, in days.</summary>
    public const int MaximumPaymentTermDays = 365;

    private static readonly Dictionary<string, CustomerType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["company"] = CustomerType.Company,
        ["consumer"] = CustomerType.Consumer,
    };

    private static readonly Dictionary<string, DeliveryChannel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = DeliveryChannel.Email,
        ["peppol"] = DeliveryChannel.Peppol,
        ["both"] = DeliveryChannel.Both,
    };

    /// <summary>Validates <paramref name="input"/> and returns the customer with the given id and times.</summary>
    /// <exception cref="Errors.ProblemException">The input breaks one or more rules.</exception>
    public static Customer Validate(CustomerInput input, string id, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var rules = new InputRules();
        var type = rules.Choice(input.Type, "type", CustomerType.Company, Types);
        var name = rules.Required(input.Name, "name", 200);
        var invoiceAddress = rules.Address(input.InvoiceAddress, "invoiceAddress", required: false);
        var deliveryAddress = rules.Address(input.DeliveryAddress, "deliveryAddress", required: false);
        var enterpriseNumber = rules.EnterpriseNumber(input.EnterpriseNumber, "enterpriseNumber");
        var vatNumber = rules.VatNumber(input.VatNumber, "vatNumber");
        if (enterpriseNumber is { } enterprise && vatNumber is { IsBelgian: true } vat && vat.NationalNumber != enterprise.Digits)
        {
            rules.Add("vat-number-enterprise-number-mismatch", "vatNumber", new Dictionary<string, object?>
            {
                ["value"] = vat.ToPrinted(),
                ["enterpriseNumber"] = enterprise.ToPrinted(),
            });
        }

        var email = rules.Email(input.Email, "email");
        var channel = rules.Choice(input.DeliveryChannel, "deliveryChannel", DeliveryChannel.Email, Channels);
        var peppolId = PeppolId(rules, input.PeppolId);
        // A channel the client chose needs its address now; the default channel (e-mail) may wait
        // until the first document is sent, which then names what is missing.
        var channelChosen = !string.IsNullOrWhiteSpace(input.DeliveryChannel);
        if (channelChosen && channel is DeliveryChannel.Email or DeliveryChannel.Both && email is null && input.Email is null)
        {
            rules.Add("required", "email");
        }

        if (channelChosen && channel is DeliveryChannel.Peppol or DeliveryChannel.Both && peppolId is null && input.PeppolId is null)
        {
            rules.Add("required", "peppolId");
        }

        CheckPaymentTerm(rules, input.PaymentTermDays, type);
        var category = rules.VatCategory(input.DefaultVatCategory, "defaultVatCategory");

        var customer = new Customer
        {
            Id = id,
            Type = type,
            Name = name,
            InvoiceAddress = invoiceAddress,
            DeliveryAddress = deliveryAddress,
            VatNumber = vatNumber,
            EnterpriseNumber = enterpriseNumber ?? (vatNumber is { IsBelgian: true } belgian ? belgian.ToEnterpriseNumber() : null),
            Email = email,
            Language = rules.Language(input.Language, "language", Domain.Language.Dutch),
            PaymentTermDays = input.PaymentTermDays,
            DefaultVatCategory = category?.Id,
            PeppolId = peppolId,
            DeliveryChannel = channel,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

        rules.ThrowIfInvalid();
        return customer;
    }

    private static string? PeppolId(InputRules rules, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (PeppolParticipantId.TryParse(value, out var participant, out var error))
        {
            return participant.Value;
        }

        rules.Add(CatalogErrorCodes.InvalidPeppolId, "peppolId", new Dictionary<string, object?> { ["value"] = value, ["reason"] = error });
        return null;
    }

    // A business customer may not get more than 60 days (law of 2 August 2002 as amended on
    // 14 August 2021); the same rule blocks issuing such an invoice, so it is caught here first.
    private static void CheckPaymentTerm(InputRules rules, int? days, CustomerType type)
    {
        if (days is not { } term)
        {
            return;
        }

        if (term is < 0 or > MaximumPaymentTermDays)
        {
            rules.Range(term, "paymentTermDays", 0, MaximumPaymentTermDays);
        }
        else if (type == CustomerType.Company && term > SalesValidationOptions.MaximumBusinessPaymentTermDays)
        {
            rules.Add(SalesRuleCodes.PaymentTermTooLong, "paymentTermDays", new Dictionary<string, object?>
            {
                ["days"] = term,
                ["maximum"] = SalesValidationOptions.MaximumBusinessPaymentTermDays,
            });
        }
    }
}
