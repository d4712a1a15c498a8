using Bilansoft.Application.Documents;
using Bilansoft.Formats.Documents;

namespace Bilansoft.Functions.Documents;

/// <summary>Body of <c>POST …/invoices/{id}/send</c> and <c>POST …/credit-notes/{id}/send</c>.</summary>
/// <param name="Channels"><c>email</c> and/or <c>peppol</c>; absent or empty for the customer's delivery preference.</param>
public sealed record SendDocumentRequest(IReadOnlyList<string?>? Channels);

/// <summary>The delivery state of an invoice or credit note: its stored files and each channel.</summary>
/// <param name="RenderedAt">When the PDF and UBL were stored; null before.</param>
/// <param name="RenderFailure">Why rendering failed for good, or null.</param>
/// <param name="Channels">One entry per channel ever requested.</param>
public sealed record DocumentDeliveryResponse(DateTimeOffset? RenderedAt, string? RenderFailure, IReadOnlyList<ChannelDeliveryResponse> Channels)
{
    public static DocumentDeliveryResponse From(DocumentDelivery delivery) => new(
        delivery.Files?.StoredAt,
        delivery.RenderFailure,
        [.. delivery.Channels.OrderBy(entry => entry.Channel).Select(ChannelDeliveryResponse.From)]);
}

/// <summary>The state of one channel; <c>failureCode</c> and <c>failureReason</c> say why a channel failed.</summary>
public sealed record ChannelDeliveryResponse(
    DocumentChannel Channel,
    DeliveryStatus Status,
    string? Recipient,
    string? Reference,
    int Attempts,
    string RequestedBy,
    DateTimeOffset QueuedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    string? FailureCode,
    string? FailureReason,
    string? LastError)
{
    public static ChannelDeliveryResponse From(ChannelDelivery entry) => new(
        entry.Channel,
        entry.Status,
        entry.Recipient,
        entry.Reference,
        entry.Attempts,
        entry.RequestedBy,
        entry.QueuedAt,
        entry.LastAttemptAt,
        entry.SentAt,
        entry.DeliveredAt,
        entry.FailedAt,
        entry.FailureCode,
        entry.FailureReason,
        entry.LastError);
}

/// <summary>Which optional blocks the PDF shows; absent values keep the default (shown).</summary>
public sealed record DocumentElementsDto(bool? Logo, bool? PaymentQrCode, bool? Notes, bool? PaymentBlock, bool? Footer);

/// <summary>Body of <c>PUT /api/orgs/{orgId}/settings/documents</c>.</summary>
/// <param name="Template"><c>business</c>, <c>creative</c> or <c>colourful</c>.</param>
/// <param name="PrimaryColor"><c>#RRGGBB</c>.</param>
/// <param name="AccentColor"><c>#RRGGBB</c>.</param>
/// <param name="AddressWindow"><c>left</c> or <c>right</c>: the envelope window that shows the customer's address.</param>
/// <param name="Elements">Optional blocks to show or hide.</param>
public sealed record DocumentSettingsRequest(string? Template, string? PrimaryColor, string? AccentColor, string? AddressWindow, DocumentElementsDto? Elements)
{
    public DocumentSettingsInput ToInput() => new()
    {
        Template = Template,
        PrimaryColor = PrimaryColor,
        AccentColor = AccentColor,
        AddressWindow = AddressWindow,
        ShowLogo = Elements?.Logo,
        ShowPaymentQrCode = Elements?.PaymentQrCode,
        ShowNotes = Elements?.Notes,
        ShowPaymentBlock = Elements?.PaymentBlock,
        ShowFooter = Elements?.Footer,
    };
}

/// <summary>The house style as <c>GET /api/orgs/{orgId}/settings/documents</c> returns it.</summary>
public sealed record DocumentSettingsResponse(
    DocumentTemplate Template,
    string PrimaryColor,
    string AccentColor,
    AddressWindow AddressWindow,
    DocumentElementsDto Elements,
    LetterheadInfo? Letterhead)
{
    public static DocumentSettingsResponse From(DocumentSettings settings) => new(
        settings.Template,
        settings.PrimaryColor,
        settings.AccentColor,
        settings.AddressWindow,
        new DocumentElementsDto(settings.Elements.Logo, settings.Elements.PaymentQrCode, settings.Elements.Notes, settings.Elements.PaymentBlock, settings.Elements.Footer),
        settings.Letterhead);
}

/// <summary>Answer of <c>POST /api/webhooks/peppol</c>: <c>applied</c>, <c>unchanged</c> or <c>replay</c>.</summary>
public sealed record PeppolWebhookResponse(string Outcome);
