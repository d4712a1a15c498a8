using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Application.Banking;

/// <summary>A booked transaction as stored from a statement or webhook push, with its match state.</summary>
public sealed record StatementTransaction
{
    /// <summary>Transaction id: <c>{importId}-{position}</c>, the position 1-based and six digits wide.</summary>
    public required string Id { get; init; }

    public required string ImportId { get; init; }

    public required string AccountId { get; init; }

    public required int StatementIndex { get; init; }

    /// <summary>Signed amount: positive for money in, negative for money out.</summary>
    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public DateOnly? ValueDate { get; init; }

    public DateOnly? BookingDate { get; init; }

    public StructuredCommunication? StructuredCommunication { get; init; }

    /// <summary>Other structured reference as sent (an RF reference, a communication with wrong check digits).</summary>
    public string? StructuredReference { get; init; }

    /// <summary>Free communication, with the bank's further information after it.</summary>
    public string? Communication { get; init; }

    public string? CounterpartyName { get; init; }

    public Iban? CounterpartyIban { get; init; }

    /// <summary>Counterparty account as written, when it is not a valid IBAN.</summary>
    public string? CounterpartyAccount { get; init; }

    public string? EndToEndId { get; init; }

    /// <summary>Bank transaction code as text (CODA code, ISO domain/family/sub-family).</summary>
    public string? TransactionCode { get; init; }

    /// <summary>The aggregator's transaction id of a webhook push.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Content key of the readers (<c>BankTransaction.Key</c>), to find the same transaction in another file.</summary>
    public required string Key { get; init; }

    /// <summary>The payments the matcher works on: the details of a batch, otherwise the transaction itself.</summary>
    public required IReadOnlyList<PaymentUnit> Units { get; init; }

    public TransactionMatch Match { get; init; } = TransactionMatch.Pending;

    /// <summary>Returns the units as the matcher's payments.</summary>
    public IEnumerable<BankPayment> Payments() =>
        Units.Select(unit => new BankPayment(unit.Id, unit.Amount, Currency, BookingDate, unit.StructuredCommunication, unit.Text, unit.CounterpartyName, unit.CounterpartyIban));

    /// <summary>Returns the whole transaction as one payment, for allocations a user makes by hand.</summary>
    public BankPayment AsPayment() =>
        new(Id, Amount, Currency, BookingDate, StructuredCommunication, Communication ?? StructuredReference, CounterpartyName, CounterpartyIban);

    /// <summary>Builds the id of the transaction at a 1-based position of an import.</summary>
    public static string IdFor(string importId, int position) =>
        importId + "-" + position.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Splits a transaction id into its import id and position; false when it is not one.</summary>
    public static bool TryParseId(string? id, out string importId, out int position)
    {
        importId = string.Empty;
        position = 0;
        if (id is not { Length: 39 } || id[32] != '-' || !int.TryParse(id.AsSpan(33), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out position))
        {
            return false;
        }

        importId = id[..32];
        return Platform.Identifiers.IsValid(importId) && position > 0;
    }
}

/// <summary>One payment of a transaction, as the matcher reads it.</summary>
/// <param name="Id">The transaction id, or <c>{transactionId}/{detail number}</c> for a detail of a batch.</param>
/// <param name="Amount">Signed amount.</param>
/// <param name="StructuredCommunication">Structured communication in its own field.</param>
/// <param name="Text">Every free text joined, searched for communications and invoice numbers.</param>
/// <param name="CounterpartyName">Payer or payee.</param>
/// <param name="CounterpartyIban">Payer's or payee's IBAN.</param>
public sealed record PaymentUnit(
    string Id,
    decimal Amount,
    StructuredCommunication? StructuredCommunication,
    string? Text,
    string? CounterpartyName,
    Iban? CounterpartyIban);

/// <summary>The matching state of a transaction.</summary>
public enum MatchStatus
{
    /// <summary>The match step has not run yet.</summary>
    Pending,

    /// <summary>At least part of the amount is allocated to invoices.</summary>
    Matched,

    /// <summary>Nothing is allocated, but invoices are proposed for a user to confirm.</summary>
    Suggested,

    /// <summary>Nothing is allocated and nothing fits well enough to propose.</summary>
    Unmatched,
}

/// <summary>The allocations and suggestions of a transaction.</summary>
public sealed record TransactionMatch(MatchStatus Status, IReadOnlyList<MatchAllocation> Allocations, IReadOnlyList<MatchProposal> Suggestions)
{
    public static TransactionMatch Pending { get; } = new(MatchStatus.Pending, [], []);

    /// <summary>Sum of the allocations, positive.</summary>
    public decimal AllocatedAmount => Allocations.Sum(allocation => allocation.Amount);

    /// <summary>Builds the state after a change: matched with allocations, else suggested or unmatched.</summary>
    public static TransactionMatch From(IReadOnlyList<MatchAllocation> allocations, IReadOnlyList<MatchProposal> suggestions) =>
        new(allocations.Count > 0 ? MatchStatus.Matched : suggestions.Count > 0 ? MatchStatus.Suggested : MatchStatus.Unmatched, allocations, suggestions);
}

/// <summary>An amount of a transaction booked as a payment on one invoice.</summary>
/// <param name="MatchId">The match it belongs to; undoing the match removes all its allocations.</param>
/// <param name="RegistrationId">Id under which the payment was registered on the invoice.</param>
/// <param name="PaymentId">The unit (transaction or detail) the amount comes from.</param>
/// <param name="OpenItemId">The invoice.</param>
/// <param name="Kind">Sales or purchase invoice.</param>
/// <param name="Number">The invoice number.</param>
/// <param name="Amount">Amount booked, positive.</param>
/// <param name="Automatic">Whether the match step booked it from a structured communication.</param>
/// <param name="At">When it was booked (UTC).</param>
/// <param name="By">User id of whoever booked it by hand; null for the match step.</param>
public sealed record MatchAllocation(
    string MatchId,
    string RegistrationId,
    string PaymentId,
    string OpenItemId,
    OpenItemKind Kind,
    string Number,
    decimal Amount,
    bool Automatic,
    DateTimeOffset At,
    string? By);

/// <summary>An invoice proposed for a unit of the transaction.</summary>
public sealed record MatchProposal(string PaymentId, string OpenItemId, OpenItemKind Kind, string Number, int Score, IReadOnlyList<MatchReason> Reasons);
