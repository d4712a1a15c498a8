using Bilansoft.Domain.Banking;
using static Bilansoft.Domain.Tests.Banking.MatchingData;

namespace Bilansoft.Domain.Tests.Banking;

public class PaymentAllocatorTests
{
    [Fact]
    public void Allocate_PartialPayment_LeavesRestOpen()
    {
        var item = SalesInvoice(openAmount: 1234.50m);

        var outcome = PaymentAllocator.Allocate(Payment(amount: 1000m), 0m, [item], [new AllocationRequest("inv-7", 1000m)]);

        Assert.True(outcome.Succeeded);
        Assert.Equal(234.50m, Assert.Single(outcome.UpdatedItems).OpenAmount);
        Assert.Equal(new AllocationLine("inv-7", 1000m, 1234.50m, 234.50m), Assert.Single(outcome.Allocation!.Lines));
        Assert.Equal(0m, outcome.Allocation.UnallocatedAmount);
    }

    [Fact]
    public void Allocate_Overpayment_LeavesCreditAmount()
    {
        var item = SalesInvoice(openAmount: 1234.50m);

        var outcome = PaymentAllocator.Allocate(Payment(amount: 1300m), 0m, [item], [new AllocationRequest("inv-7", 1234.50m)]);

        Assert.True(outcome.Succeeded);
        Assert.Equal(0m, outcome.UpdatedItems[0].OpenAmount);
        Assert.Equal(65.50m, outcome.Allocation!.UnallocatedAmount);
        Assert.Equal(1234.50m, outcome.Allocation.AllocatedAmount);
    }

    [Fact]
    public void Allocate_SplitOverThreeInvoices()
    {
        var items = new[] { SalesInvoice(id: "a", openAmount: 100m), SalesInvoice(id: "b", openAmount: 200m), SalesInvoice(id: "c", openAmount: 300m) };

        var outcome = PaymentAllocator.Allocate(
            Payment(amount: 450m),
            0m,
            items,
            [new AllocationRequest("a", 100m), new AllocationRequest("b", 200m), new AllocationRequest("c", 150m)]);

        Assert.True(outcome.Succeeded);
        Assert.Equal([0m, 0m, 150m], outcome.UpdatedItems.Select(item => item.OpenAmount));
        Assert.Equal(450m, outcome.Allocation!.AllocatedAmount);
        Assert.Equal(0m, outcome.Allocation.UnallocatedAmount);
    }

    [Fact]
    public void Allocate_DebitAgainstPurchaseInvoice()
    {
        var outcome = PaymentAllocator.Allocate(Payment(amount: -605m), 0m, [Purchase()], [new AllocationRequest("bill-3", 605m)]);

        Assert.True(outcome.Succeeded);
        Assert.Equal(0m, outcome.UpdatedItems[0].OpenAmount);
    }

    [Fact]
    public void Allocate_SecondCall_UsesWhatIsLeft()
    {
        var items = new[] { SalesInvoice(id: "a", openAmount: 100m), SalesInvoice(id: "b", openAmount: 100m) };
        var first = PaymentAllocator.Allocate(Payment(amount: 150m), 0m, items, [new AllocationRequest("a", 100m)]);

        var second = PaymentAllocator.Allocate(Payment(amount: 150m), first.Allocation!.AllocatedAmount, items, [new AllocationRequest("b", 50m)]);

        Assert.True(second.Succeeded);
        Assert.Equal(50m, second.UpdatedItems[0].OpenAmount);
        Assert.Equal(0m, second.Allocation!.UnallocatedAmount);
    }

    [Fact]
    public void Allocate_BeyondWhatIsLeft_IsRejected()
    {
        var items = new[] { SalesInvoice(id: "a", openAmount: 100m), SalesInvoice(id: "b", openAmount: 100m) };

        var second = PaymentAllocator.Allocate(Payment(amount: 150m), 100m, items, [new AllocationRequest("b", 60m)]);

        var violation = Assert.Single(second.Violations);
        Assert.Equal(PaymentAllocator.ExceedsPaymentCode, violation.Code);
        Assert.Equal("requests", violation.Path);
        Assert.Equal(60m, violation.Arguments["requested"]);
        Assert.Equal(50m, violation.Arguments["available"]);
        Assert.Null(second.Allocation);
    }

    [Fact]
    public void Allocate_ReportsEveryBrokenRule()
    {
        var items = new[] { SalesInvoice(id: "a", openAmount: 100m), Purchase(id: "p"), SalesInvoice(id: "usd", currency: "USD") };

        var outcome = PaymentAllocator.Allocate(
            Payment(amount: 500m),
            0m,
            items,
            [
                new AllocationRequest("missing", 10m),
                new AllocationRequest("a", 150m),
                new AllocationRequest("p", 10m),
                new AllocationRequest("usd", 10m),
                new AllocationRequest("a", 0m),
                new AllocationRequest("usd", 1.005m),
            ]);

        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.UpdatedItems);
        Assert.Equal(
            [
                "requests[0].openItemId: banking.allocation.item-not-found",
                "requests[1].amount: banking.allocation.exceeds-open-amount",
                "requests[2].openItemId: banking.allocation.direction-mismatch",
                "requests[3].openItemId: banking.allocation.currency-mismatch",
                "requests[4].openItemId: banking.allocation.duplicate-item",
                "requests[4].amount: banking.allocation.amount-not-positive",
                "requests[5].openItemId: banking.allocation.duplicate-item",
                "requests[5].amount: banking.allocation.amount-precision",
                "requests[5].openItemId: banking.allocation.currency-mismatch",
            ],
            outcome.Violations.Select(violation => violation.ToString()));
    }

    [Fact]
    public void Allocate_ZeroPaymentAndNoRequests_AreViolations()
    {
        var outcome = PaymentAllocator.Allocate(Payment(amount: 0m), 0m, [], []);

        Assert.Equal([PaymentAllocator.ZeroPaymentCode, PaymentAllocator.NoRequestsCode], outcome.Violations.Select(violation => violation.Code));
    }

    [Fact]
    public void Reverse_RestoresOpenAmountsAndPayment()
    {
        var items = new[] { SalesInvoice(id: "a", openAmount: 100m), SalesInvoice(id: "b", openAmount: 200m) };
        var booked = PaymentAllocator.Allocate(Payment(amount: 250m), 0m, items, [new AllocationRequest("a", 100m), new AllocationRequest("b", 150m)]);

        var reversed = PaymentAllocator.Reverse(booked.Allocation!, booked.UpdatedItems);

        Assert.True(reversed.Succeeded);
        Assert.Equal([100m, 200m], reversed.UpdatedItems.Select(item => item.OpenAmount));
        Assert.Equal(250m, reversed.Allocation!.UnallocatedAmount);
    }

    [Fact]
    public void Reverse_Twice_IsRejected()
    {
        var booked = PaymentAllocator.Allocate(Payment(amount: 100m), 0m, [SalesInvoice(id: "a", openAmount: 100m)], [new AllocationRequest("a", 60m)]);
        var reversed = PaymentAllocator.Reverse(booked.Allocation!, booked.UpdatedItems);

        var again = PaymentAllocator.Reverse(booked.Allocation!, reversed.UpdatedItems);

        Assert.Equal(PaymentAllocator.ReversalMismatchCode, Assert.Single(again.Violations).Code);
        Assert.Equal("lines[0]", again.Violations[0].Path);
    }

    [Fact]
    public void Reverse_AfterLaterPayment_KeepsThatPayment()
    {
        var item = SalesInvoice(id: "a", openAmount: 100m);
        var first = PaymentAllocator.Allocate(Payment(amount: 40m, id: "p1"), 0m, [item], [new AllocationRequest("a", 40m)]);
        var second = PaymentAllocator.Allocate(Payment(amount: 60m, id: "p2"), 0m, first.UpdatedItems, [new AllocationRequest("a", 60m)]);

        var reversed = PaymentAllocator.Reverse(first.Allocation!, second.UpdatedItems);

        Assert.Equal(40m, Assert.Single(reversed.UpdatedItems).OpenAmount);
    }

    [Fact]
    public void Reverse_MissingItem_IsViolation()
    {
        var booked = PaymentAllocator.Allocate(Payment(amount: 100m), 0m, [SalesInvoice(id: "a", openAmount: 100m)], [new AllocationRequest("a", 100m)]);

        var reversed = PaymentAllocator.Reverse(booked.Allocation!, []);

        Assert.Equal(PaymentAllocator.ItemNotFoundCode, Assert.Single(reversed.Violations).Code);
    }
}
