namespace Bilansoft.Domain.Banking;

/// <summary>The part of a payment booked against one open item.</summary>
/// <param name="OpenItemId">The open item.</param>
/// <param name="Amount">Amount booked, positive.</param>
/// <param name="OpenAmountBefore">The item's open amount before this allocation.</param>
/// <param name="OpenAmountAfter">The item's open amount after it; 0 when paid in full, positive after a partial payment.</param>
public sealed record AllocationLine(string OpenItemId, decimal Amount, decimal OpenAmountBefore, decimal OpenAmountAfter);

/// <summary>
/// A booked split of one payment over open items. Storage keeps it so that it can be reversed.
/// </summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="Lines">One line per open item, in the order requested.</param>
/// <param name="AllocatedAmount">Sum of the lines.</param>
/// <param name="UnallocatedAmount">
/// What is left of the payment after every allocation so far, including this one: an
/// overpayment or an amount still to assign, kept as a credit for the counterparty. Never negative.
/// </param>
public sealed record PaymentAllocation(
    string PaymentId,
    IReadOnlyList<AllocationLine> Lines,
    decimal AllocatedAmount,
    decimal UnallocatedAmount);

/// <summary>Result of <see cref="PaymentAllocator.Allocate"/> or <see cref="PaymentAllocator.Reverse"/>.</summary>
/// <param name="Allocation">The allocation booked or reversed; null when a rule was broken.</param>
/// <param name="UpdatedItems">The items the allocation touched, with their new open amounts; empty when a rule was broken.</param>
/// <param name="Violations">Every broken rule; empty on success.</param>
public sealed record AllocationOutcome(
    PaymentAllocation? Allocation,
    IReadOnlyList<OpenItem> UpdatedItems,
    IReadOnlyList<RuleViolation> Violations)
{
    /// <summary>Whether no rule was broken.</summary>
    public bool Succeeded => Violations.Count == 0;
}
