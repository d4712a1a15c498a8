namespace Bilansoft.Domain.Banking;

/// <summary>How the matcher settled on its result for a payment.</summary>
public enum MatchKind
{
    /// <summary>Nothing fits well enough to suggest.</summary>
    None = 0,

    /// <summary>Open items that may fit, for a user to confirm; nothing is allocated yet.</summary>
    Suggested,

    /// <summary>
    /// A structured communication of the payment equals that of open items whose direction fits,
    /// so the allocation can be booked without asking.
    /// </summary>
    Automatic,
}

/// <summary>Why an open item was matched or suggested. Each reason adds its weight to the score.</summary>
public enum MatchReason
{
    /// <summary>The payment quotes the item's structured communication, in its own field or in its text.</summary>
    StructuredCommunication = 0,

    /// <summary>
    /// The payment quotes the item's structured communication but goes the other way, as with a
    /// refund or a payment returned by the bank.
    /// </summary>
    StructuredCommunicationWrongDirection,

    /// <summary>The payment amount equals the open amount.</summary>
    AmountEqual,

    /// <summary>The payment comes from, or goes to, the IBAN known for the counterparty.</summary>
    IbanEqual,

    /// <summary>The counterparty name on the statement equals the item's, ignoring case, punctuation and legal forms.</summary>
    NameEqual,

    /// <summary>At least half of the significant words of the two counterparty names are the same.</summary>
    NameSimilar,

    /// <summary>The payment text contains the invoice number, ignoring case and punctuation.</summary>
    InvoiceNumberInText,

    /// <summary>The payment text contains the item's payment reference, ignoring case and spaces.</summary>
    PaymentReferenceInText,
}

/// <summary>An open item that may settle a payment, with a score from 1 to 100 and the reasons behind it.</summary>
/// <param name="Item">The open item.</param>
/// <param name="Score">Sum of the weights of <paramref name="Reasons"/>, at most 100; higher is more likely.</param>
/// <param name="Reasons">What the payment and the item have in common.</param>
public sealed record MatchSuggestion(OpenItem Item, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>An amount of a payment to book against an open item.</summary>
/// <param name="OpenItemId">The open item.</param>
/// <param name="Amount">Positive amount in cents precision, at most the item's open amount.</param>
public sealed record AllocationRequest(string OpenItemId, decimal Amount);

/// <summary>What the matcher found for one payment.</summary>
/// <param name="Payment">The payment.</param>
/// <param name="Kind">Automatic, suggested or none.</param>
/// <param name="ProposedAllocations">
/// For an automatic match, the amounts to book per item: each item up to its open amount, in
/// order of due date. Empty otherwise.
/// </param>
/// <param name="UnallocatedAmount">
/// For an automatic match, the part of the payment left over once every matched item is paid in
/// full (an overpayment, kept as a credit for the counterparty); 0 otherwise.
/// </param>
/// <param name="Suggestions">Items to propose to a user, best first. Also filled for automatic matches.</param>
public sealed record PaymentMatch(
    BankPayment Payment,
    MatchKind Kind,
    IReadOnlyList<AllocationRequest> ProposedAllocations,
    decimal UnallocatedAmount,
    IReadOnlyList<MatchSuggestion> Suggestions);
