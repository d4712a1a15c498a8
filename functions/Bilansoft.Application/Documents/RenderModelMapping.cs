using System.Collections.Frozen;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Formats.Documents;
using FormatAddress = Bilansoft.Formats.Documents.PostalAddress;
using FormatBreakdown = Bilansoft.Formats.Documents.VatBreakdown;
using FormatCategory = Bilansoft.Formats.Documents.VatCategory;
using FormatTotals = Bilansoft.Formats.Documents.DocumentTotals;

namespace Bilansoft.Application.Documents;

/// <summary>
/// Fills the <see cref="DocumentRenderModel"/> of a stored sales document from the document and the
/// organisation profile. It copies values the sales domain decided and computes nothing itself, so
/// the PDF and the UBL show the amounts the API shows.
/// </summary>
public static class RenderModelMapping
{
    private const string CategoryMentionPrefix = "vat-category.";

    // EAS codes of the national VAT number schemes ("XX:VAT") of the Peppol code list, by the ISO
    // country code of the VAT number, for buyers abroad without a Peppol id. Belgian VAT numbers
    // (9925) and enterprise numbers (0208) are written by the UBL writer itself.
    private static readonly FrozenDictionary<string, string> VatNumberSchemes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BG"] = "9926",
        ["CH"] = "9927",
        ["CY"] = "9928",
        ["CZ"] = "9929",
        ["DE"] = "9930",
        ["EE"] = "9931",
        ["GB"] = "9932",
        ["GR"] = "9933",
        ["HR"] = "9934",
        ["IE"] = "9935",
        ["LI"] = "9936",
        ["LT"] = "9937",
        ["LU"] = "9938",
        ["LV"] = "9939",
        ["MT"] = "9943",
        ["NL"] = "9944",
        ["PL"] = "9945",
        ["PT"] = "9946",
        ["RO"] = "9947",
        ["SI"] = "9949",
        ["SK"] = "9950",
        ["FR"] = "9957",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Builds the render model of an issued (or sent) document.</summary>
    /// <param name="record">The stored document; it must have a number.</param>
    /// <param name="seller">The organisation profile (BG-4).</param>
    /// <param name="style">The organisation's house style.</param>
    /// <param name="logo">The organisation's PNG or JPEG logo, or null.</param>
    /// <exception cref="ProblemException">
    /// Conflict <see cref="DocumentErrorCodes.DocumentNotIssued"/> for a draft;
    /// <see cref="DocumentErrorCodes.OrganisationProfileIncomplete"/> when the profile lacks a
    /// mandatory seller mention.
    /// </exception>
    public static DocumentRenderModel Map(SalesDocumentRecord record, OrganisationProfile seller, HouseStyle style, ReadOnlyMemory<byte>? logo)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(seller);

        var document = record.Document;
        if (document.Number is not { } number)
        {
            throw DocumentProblems.NotIssued(document);
        }

        CheckSeller(seller, document.Kind);
        var content = document.Content;
        var language = content.Customer.Language;
        var mentions = LegalMentions.For(document);
        var kind = KindOf(document.Kind);
        var totals = document.Totals;

        return new DocumentRenderModel(
            kind,
            number.Text,
            content.IssueDate,
            language,
            Seller(seller, logo),
            Buyer(content.Customer),
            [.. document.Lines.Select((line, index) => Line(line, index + 1))],
            [.. totals.VatBreakdown.Select(entry => Breakdown(entry, mentions, language))],
            new FormatTotals(totals.SumOfLineNetAmounts, totals.TotalWithoutVat, totals.TotalVatAmount, totals.TotalWithVat, 0m, totals.TotalWithVat))
        {
            // The document as issued: later payments and credits change the amount due in the API,
            // never the invoice that the customer received.
            DueDate = document.Kind == SalesDocumentKind.Invoice ? content.DueDate : null,
            DeliveryDate = content.DeliveryDate,
            BuyerReference = content.Reference,
            PrecedingInvoice = PrecedingInvoice(document),
            Notes = string.IsNullOrWhiteSpace(content.Notes) ? [] : [content.Notes.Trim()],

            // Category mentions are printed with the VAT breakdown and the renderer adds the
            // credit-note repayment mention itself, so only other mentions are passed here.
            LegalMentions = [.. mentions
                .Where(mention => !mention.Key.StartsWith(CategoryMentionPrefix, StringComparison.Ordinal) && mention.Key != LegalMentions.CreditNoteVatRepaymentKey)
                .Select(mention => mention.In(language))],
            Payment = Payment(document, seller),
            DeliveryAddress = record.DeliveryAddress is { } delivery ? Address(delivery) : null,
            Style = style,
        };
    }

    /// <summary>
    /// Whether the model can be written as a Peppol UBL file: an invoice or credit note whose buyer
    /// has an electronic address (BT-49), which Peppol requires (PEPPOL-EN16931-R010). Consumers and
    /// buyers abroad without a VAT number have none, so their documents are PDF only.
    /// </summary>
    public static bool HasUbl(DocumentRenderModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        var buyer = model.Buyer;
        return model.Kind is DocumentKind.Invoice or DocumentKind.CreditNote
            && (buyer.PeppolId is not null || buyer.EnterpriseNumber is not null || buyer.VatNumber is { IsBelgian: true });
    }

    /// <summary>Returns the format's kind of a sales document kind.</summary>
    public static DocumentKind KindOf(SalesDocumentKind kind) => kind switch
    {
        SalesDocumentKind.CreditNote => DocumentKind.CreditNote,
        SalesDocumentKind.Quote => DocumentKind.Quote,
        SalesDocumentKind.DeliveryNote => DocumentKind.DeliveryNote,
        _ => DocumentKind.Invoice,
    };

    // The seat address (BR-08) and an identifier (BR-CO-26) are needed for any document that
    // states VAT; quotes and delivery notes still need the address for the letter.
    private static void CheckSeller(OrganisationProfile seller, SalesDocumentKind kind)
    {
        var missing = new List<string>();
        if (seller.Address is null)
        {
            missing.Add("address");
        }

        if (kind is SalesDocumentKind.Invoice or SalesDocumentKind.CreditNote && seller.EnterpriseNumber is null && seller.VatNumber is null)
        {
            missing.Add("enterpriseNumber");
        }

        if (missing.Count > 0)
        {
            throw DocumentProblems.ProfileIncomplete(missing);
        }
    }

    // Legal names often already end with their form ("Studio Peeters BV"); printing the form again
    // would read "Studio Peeters BV BV".
    private static string? LegalFormToPrint(OrganisationProfile profile)
    {
        var name = profile.LegalName ?? profile.Name;
        return profile.LegalForm is { Length: > 0 } form && !name.TrimEnd().EndsWith(" " + form.Trim(), StringComparison.OrdinalIgnoreCase)
            ? form
            : null;
    }

    private static SellerParty Seller(OrganisationProfile profile, ReadOnlyMemory<byte>? logo) =>
        new(profile.LegalName ?? profile.Name, Address(profile.Address!))
        {
            LegalForm = LegalFormToPrint(profile),
            EnterpriseNumber = profile.EnterpriseNumber,
            VatNumber = profile.VatNumber,
            RegisterMention = profile.RegisterOfLegalEntities,
            Email = profile.Email,
            Phone = profile.Phone,
            Website = profile.Website,
            Iban = profile.Iban,
            Bic = profile.Bic,
            Logo = logo,
        };

    private static BuyerParty Buyer(CustomerSnapshot customer) => new(customer.Name, Address(customer.Address))
    {
        VatNumber = customer.VatNumber,
        EnterpriseNumber = customer.EnterpriseNumber,
        PeppolId = string.IsNullOrWhiteSpace(customer.PeppolId) ? ElectronicAddressOf(customer.VatNumber) : PeppolParticipantId.Parse(customer.PeppolId),
        IsConsumer = customer.IsConsumer,
    };

    private static PeppolParticipantId? ElectronicAddressOf(Domain.Identifiers.VatNumber? vatNumber) =>
        vatNumber is { IsBelgian: false } vat && VatNumberSchemes.TryGetValue(vat.CountryCode, out var scheme)
            ? new PeppolParticipantId(scheme, vat.Value)
            : null;

    private static FormatAddress Address(Domain.Sales.PostalAddress address) =>
        new(address.Street, address.PostalCode, address.City, address.CountryCode) { AdditionalStreet = address.AdditionalStreet };

    private static DocumentLine Line(SalesLine line, int position) =>
        new(position, line.Description, line.Quantity, line.UnitCode, line.UnitPrice, line.NetAmount, Category(line.VatCategory), line.VatRate)
        {
            DiscountPercent = line.DiscountPercent,
        };

    // Both the mention printed under the breakdown and the UBL exemption reason (BT-120) are the
    // category's legal mention in the customer's language, with the seller's reason for an exempt supply.
    private static FormatBreakdown Breakdown(Domain.Sales.VatBreakdown entry, IReadOnlyList<LegalMention> mentions, Domain.Language language)
    {
        var mention = mentions.FirstOrDefault(m => m.Key == CategoryMentionPrefix + entry.Category.Id)?.In(language);
        return new FormatBreakdown(Category(entry.Category), entry.RatePercent, entry.TaxableAmount, entry.TaxAmount)
        {
            ExemptionReasonCode = entry.Category.ExemptionReasonCode,
            ExemptionReasonText = entry.Category.ChargesVat ? null : mention,
            LegalMention = mention,
        };
    }

    private static FormatCategory Category(Domain.Sales.VatCategory category) =>
        VatCategoryCodes.TryParse(category.Code, out var code)
            ? code
            : throw new InvalidOperationException($"VAT category '{category.Id}' has no UNCL 5305 code the formats know.");

    private static InvoiceReference? PrecedingInvoice(SalesDocument document)
    {
        if (document.Kind != SalesDocumentKind.CreditNote)
        {
            return null;
        }

        var link = document.SourceLinks.FirstOrDefault(source => source.Kind == SalesDocumentKind.Invoice);
        return link is { Number: { } number, IssueDate: { } date } ? new InvoiceReference(number, date) : null;
    }

    // Only an invoice with something to pay and an account to pay to gets payment instructions.
    private static PaymentInstructions? Payment(SalesDocument document, OrganisationProfile seller)
    {
        if (document.Kind != SalesDocumentKind.Invoice || seller.Iban is not { } iban || document.Totals.TotalWithVat <= 0m)
        {
            return null;
        }

        return new PaymentInstructions(iban)
        {
            Bic = seller.Bic,
            StructuredCommunication = document.StructuredCommunication,
        };
    }
}
