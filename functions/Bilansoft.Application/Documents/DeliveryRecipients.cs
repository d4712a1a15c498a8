using Bilansoft.Application.Catalog;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Peppol;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Documents;

/// <summary>Where each channel sends a document, from the customer record and the organisation profile.</summary>
public static class DeliveryRecipients
{
    /// <summary>The channels of a customer's delivery preference.</summary>
    public static IReadOnlyList<DocumentChannel> ChannelsOf(DeliveryChannel preference) => preference switch
    {
        DeliveryChannel.Peppol => [DocumentChannel.Peppol],
        DeliveryChannel.Both => [DocumentChannel.Email, DocumentChannel.Peppol],
        _ => [DocumentChannel.Email],
    };

    /// <summary>The customer's invoice e-mail address, or null when it has none.</summary>
    public static string? EmailOf(Customer? customer) => string.IsNullOrWhiteSpace(customer?.Email) ? null : customer.Email;

    /// <summary>
    /// The buyer's Peppol participant id: the one on the document, which the UBL names as buyer
    /// endpoint (BT-49), or else the one the customer record has now.
    /// </summary>
    /// <remarks>
    /// NOTE: When only the customer record has an id, the UBL names the buyer by enterprise number
    /// (scheme 0208) or VAT number (9925). An access point that compares the receiver with that
    /// endpoint may reject a receiver id in another scheme.
    /// </remarks>
    public static PeppolParticipantId? ReceiverOf(CustomerSnapshot buyer, Customer? customer)
    {
        var text = string.IsNullOrWhiteSpace(buyer.PeppolId) ? customer?.PeppolId : buyer.PeppolId;
        return PeppolParticipantId.TryParse(text, out var id) ? id : null;
    }

    /// <summary>The organisation's Peppol participant id, <c>0208:{enterprise number}</c>, or null without an enterprise number.</summary>
    public static PeppolParticipantId? SenderOf(OrganisationProfile seller) =>
        seller.EnterpriseNumber is { } number ? PeppolParticipantId.Parse($"{PeppolParticipantId.BelgianEnterpriseNumberIcd}:{number.Digits}") : null;

    /// <summary>Why <paramref name="channel"/> cannot be used, or null when it can.</summary>
    public static string? MissingFor(DocumentChannel channel, SalesDocument document, Customer? customer, OrganisationProfile seller) => channel switch
    {
        DocumentChannel.Email when EmailOf(customer) is null => "The customer has no invoice e-mail address.",
        DocumentChannel.Peppol when ReceiverOf(document.Customer, customer) is null => "The customer has no Peppol participant id.",
        DocumentChannel.Peppol when SenderOf(seller) is null => "The organisation has no enterprise number, so it has no Peppol participant id.",
        _ => null,
    };
}
