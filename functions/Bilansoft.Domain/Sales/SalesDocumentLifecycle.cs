using System.Collections.Frozen;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// The states each document kind uses and the states from which each action is allowed. Actions
/// not listed for a kind are never allowed for it.
/// </summary>
/// <remarks>
/// Payments and credit notes do not choose the invoice's next state: it follows from the amounts,
/// as <see cref="SalesDocument.AmountDue"/> describes.
/// </remarks>
public static class SalesDocumentLifecycle
{
    private static readonly FrozenDictionary<SalesDocumentKind, SalesDocumentStatus[]> StatusesByKind =
        new Dictionary<SalesDocumentKind, SalesDocumentStatus[]>
        {
            [SalesDocumentKind.Quote] =
            [
                SalesDocumentStatus.Draft, SalesDocumentStatus.Sent, SalesDocumentStatus.Accepted,
                SalesDocumentStatus.Declined, SalesDocumentStatus.Expired,
            ],
            [SalesDocumentKind.DeliveryNote] = [SalesDocumentStatus.Draft, SalesDocumentStatus.Issued],
            [SalesDocumentKind.Invoice] =
            [
                SalesDocumentStatus.Draft, SalesDocumentStatus.Issued, SalesDocumentStatus.PartiallyPaid,
                SalesDocumentStatus.Paid, SalesDocumentStatus.Credited,
            ],
            [SalesDocumentKind.CreditNote] = [SalesDocumentStatus.Draft, SalesDocumentStatus.Issued],
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<(SalesDocumentKind, SalesDocumentAction), SalesDocumentStatus[]> AllowedFrom =
        new Dictionary<(SalesDocumentKind, SalesDocumentAction), SalesDocumentStatus[]>
        {
            [(SalesDocumentKind.Quote, SalesDocumentAction.Send)] = [SalesDocumentStatus.Draft],
            [(SalesDocumentKind.Quote, SalesDocumentAction.Accept)] = [SalesDocumentStatus.Sent],
            [(SalesDocumentKind.Quote, SalesDocumentAction.Decline)] = [SalesDocumentStatus.Sent],
            [(SalesDocumentKind.Quote, SalesDocumentAction.Expire)] = [SalesDocumentStatus.Sent],
            [(SalesDocumentKind.DeliveryNote, SalesDocumentAction.Issue)] = [SalesDocumentStatus.Draft],
            [(SalesDocumentKind.CreditNote, SalesDocumentAction.Issue)] = [SalesDocumentStatus.Draft],
            [(SalesDocumentKind.Invoice, SalesDocumentAction.Issue)] = [SalesDocumentStatus.Draft],

            // A paid invoice still takes payments: a second transfer by mistake becomes a credit balance.
            [(SalesDocumentKind.Invoice, SalesDocumentAction.RecordPayment)] =
                [SalesDocumentStatus.Issued, SalesDocumentStatus.PartiallyPaid, SalesDocumentStatus.Paid],
            [(SalesDocumentKind.Invoice, SalesDocumentAction.UndoPayment)] =
            [
                SalesDocumentStatus.Issued, SalesDocumentStatus.PartiallyPaid, SalesDocumentStatus.Paid,
                SalesDocumentStatus.Credited,
            ],
            [(SalesDocumentKind.Invoice, SalesDocumentAction.Credit)] =
                [SalesDocumentStatus.Issued, SalesDocumentStatus.PartiallyPaid, SalesDocumentStatus.Paid],
        }.ToFrozenDictionary();

    /// <summary>The states a document of <paramref name="kind"/> can be in, draft first.</summary>
    public static IReadOnlyList<SalesDocumentStatus> StatusesOf(SalesDocumentKind kind) =>
        StatusesByKind.TryGetValue(kind, out var statuses) ? statuses : [];

    /// <summary>Whether a document of <paramref name="kind"/> can be in <paramref name="status"/>.</summary>
    public static bool Uses(SalesDocumentKind kind, SalesDocumentStatus status) => StatusesOf(kind).Contains(status);

    /// <summary>Whether <paramref name="action"/> is allowed on a document of <paramref name="kind"/> in <paramref name="status"/>.</summary>
    public static bool Allows(SalesDocumentKind kind, SalesDocumentStatus status, SalesDocumentAction action) =>
        AllowedFrom.TryGetValue((kind, action), out var statuses) && statuses.Contains(status);
}
