namespace Bilansoft.Domain.Banking;

/// <summary>
/// Books a payment against open items and undoes such a booking. Pure functions: the caller loads
/// the items and stores the returned ones.
/// </summary>
/// <remarks>
/// A payment smaller than an item's open amount leaves the rest open (partial payment). A payment
/// larger than the items it settles leaves an unallocated amount, a credit for the counterparty
/// (overpayment). One payment may be split over several items with one request per item.
/// Amounts are in cents: requests with more than two decimals are rejected, not rounded.
/// </remarks>
public static class PaymentAllocator
{
    /// <summary>Violation code: the payment amount is zero.</summary>
    public const string ZeroPaymentCode = "banking.allocation.zero-payment";

    /// <summary>Violation code: no requests were given.</summary>
    public const string NoRequestsCode = "banking.allocation.no-requests";

    /// <summary>Violation code: the request names an item that was not handed in.</summary>
    public const string ItemNotFoundCode = "banking.allocation.item-not-found";

    /// <summary>Violation code: the same item appears in two requests.</summary>
    public const string DuplicateItemCode = "banking.allocation.duplicate-item";

    /// <summary>Violation code: the requested amount is zero or negative.</summary>
    public const string AmountNotPositiveCode = "banking.allocation.amount-not-positive";

    /// <summary>Violation code: the requested amount has more than two decimals.</summary>
    public const string AmountPrecisionCode = "banking.allocation.amount-precision";

    /// <summary>Violation code: the requested amount is more than the item's open amount.</summary>
    public const string ExceedsOpenAmountCode = "banking.allocation.exceeds-open-amount";

    /// <summary>Violation code: the item is in another currency than the payment.</summary>
    public const string CurrencyMismatchCode = "banking.allocation.currency-mismatch";

    /// <summary>Violation code: money in against a purchase invoice, or money out against a sales invoice.</summary>
    public const string DirectionMismatchCode = "banking.allocation.direction-mismatch";

    /// <summary>Violation code: the requests add up to more than what is left of the payment.</summary>
    public const string ExceedsPaymentCode = "banking.allocation.exceeds-payment";

    /// <summary>Violation code: reversing would open an item for more than the allocation had paid of it.</summary>
    public const string ReversalMismatchCode = "banking.allocation.reversal-mismatch";

    /// <summary>
    /// Books the requested amounts of a payment against open items.
    /// </summary>
    /// <param name="payment">The payment.</param>
    /// <param name="alreadyAllocated">Sum of earlier allocations of this payment that are still in force, positive.</param>
    /// <param name="items">The items named in <paramref name="requests"/>, with their current open amounts.</param>
    /// <param name="requests">One amount per item.</param>
    /// <returns>The allocation and the updated items, or every broken rule with the path of its request.</returns>
    public static AllocationOutcome Allocate(
        BankPayment payment,
        decimal alreadyAllocated,
        IReadOnlyCollection<OpenItem> items,
        IReadOnlyList<AllocationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(requests);

        var violations = new List<RuleViolation>();
        if (payment.Amount == 0)
        {
            violations.Add(new RuleViolation(ZeroPaymentCode, "payment.amount"));
        }

        if (requests.Count == 0)
        {
            violations.Add(new RuleViolation(NoRequestsCode, "requests"));
        }

        var byId = items.ToDictionary(item => item.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<AllocationLine>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            if (CheckRequest(payment, requests[i], $"requests[{i}]", byId, seen, violations) is { } line)
            {
                lines.Add(line);
            }
        }

        var available = Math.Abs(payment.Amount) - alreadyAllocated;
        var total = lines.Sum(line => line.Amount);
        if (total > available)
        {
            violations.Add(new RuleViolation(ExceedsPaymentCode, "requests", Arguments(("requested", total), ("available", available))));
        }

        if (violations.Count > 0)
        {
            return new AllocationOutcome(null, [], violations);
        }

        var updated = lines.Select(line => byId[line.OpenItemId] with { OpenAmount = line.OpenAmountAfter }).ToList();
        return new AllocationOutcome(new PaymentAllocation(payment.Id, lines, total, available - total), updated, []);
    }

    /// <summary>
    /// Undoes an allocation: every item it paid gets its amount back as open amount, and the
    /// payment has that much more left to allocate.
    /// </summary>
    /// <param name="allocation">The allocation to undo.</param>
    /// <param name="items">The items of the allocation, with their current open amounts.</param>
    /// <returns>
    /// The allocation undone (its <see cref="PaymentAllocation.UnallocatedAmount"/> now includes the
    /// amounts given back) and the items with their open amounts restored.
    /// </returns>
    public static AllocationOutcome Reverse(PaymentAllocation allocation, IReadOnlyCollection<OpenItem> items)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(items);

        var byId = items.ToDictionary(item => item.Id, StringComparer.Ordinal);
        var violations = new List<RuleViolation>();
        var updated = new List<OpenItem>(allocation.Lines.Count);
        for (var i = 0; i < allocation.Lines.Count; i++)
        {
            var line = allocation.Lines[i];
            var path = $"lines[{i}]";
            if (!byId.TryGetValue(line.OpenItemId, out var item))
            {
                violations.Add(new RuleViolation(ItemNotFoundCode, path, Arguments(("openItemId", line.OpenItemId))));
                continue;
            }

            // Giving the amount back cannot leave more open than before the allocation; it would,
            // for example, when the same allocation is reversed twice.
            var restored = item.OpenAmount + line.Amount;
            if (restored > line.OpenAmountBefore)
            {
                violations.Add(new RuleViolation(ReversalMismatchCode, path, Arguments(("openAmount", item.OpenAmount), ("amount", line.Amount), ("openAmountBefore", line.OpenAmountBefore))));
                continue;
            }

            updated.Add(item with { OpenAmount = restored });
        }

        if (violations.Count > 0)
        {
            return new AllocationOutcome(null, [], violations);
        }

        var reversed = allocation with { UnallocatedAmount = allocation.UnallocatedAmount + allocation.AllocatedAmount };
        return new AllocationOutcome(reversed, updated, []);
    }

    private static AllocationLine? CheckRequest(
        BankPayment payment,
        AllocationRequest request,
        string path,
        Dictionary<string, OpenItem> byId,
        HashSet<string> seen,
        List<RuleViolation> violations)
    {
        var count = violations.Count;
        if (!byId.TryGetValue(request.OpenItemId, out var item))
        {
            violations.Add(new RuleViolation(ItemNotFoundCode, path + ".openItemId", Arguments(("openItemId", request.OpenItemId))));
            return null;
        }

        if (!seen.Add(request.OpenItemId))
        {
            violations.Add(new RuleViolation(DuplicateItemCode, path + ".openItemId", Arguments(("openItemId", request.OpenItemId))));
        }

        if (request.Amount <= 0)
        {
            violations.Add(new RuleViolation(AmountNotPositiveCode, path + ".amount", Arguments(("amount", request.Amount))));
        }
        else if (RoundToCents(request.Amount) != request.Amount)
        {
            violations.Add(new RuleViolation(AmountPrecisionCode, path + ".amount", Arguments(("amount", request.Amount))));
        }
        else if (request.Amount > item.OpenAmount)
        {
            violations.Add(new RuleViolation(ExceedsOpenAmountCode, path + ".amount", Arguments(("amount", request.Amount), ("openAmount", item.OpenAmount))));
        }

        if (item.Currency != payment.Currency)
        {
            violations.Add(new RuleViolation(CurrencyMismatchCode, path + ".openItemId", Arguments(("itemCurrency", item.Currency), ("paymentCurrency", payment.Currency))));
        }

        if (payment.Amount != 0 && !item.FitsDirection(payment.Amount))
        {
            violations.Add(new RuleViolation(DirectionMismatchCode, path + ".openItemId", Arguments(("kind", item.Kind), ("amount", payment.Amount))));
        }

        return violations.Count == count
            ? new AllocationLine(item.Id, request.Amount, item.OpenAmount, item.OpenAmount - request.Amount)
            : null;
    }

    /// <summary>Rounds half away from zero to cents, the precision of every booked amount.</summary>
    private static decimal RoundToCents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal);
}
