using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Banking;

/// <summary>
/// Matches bank payments to open invoices. Structured communications give automatic matches;
/// amount, IBAN, counterparty name and invoice number give scored suggestions for a user to
/// confirm. Open items are indexed once, so each payment costs a few dictionary look-ups instead
/// of a pass over all items.
/// </summary>
/// <remarks>
/// A score is the sum of the weights of its reasons, capped at 100. The weights are: structured
/// communication 100, invoice number or payment reference in the text 45 each, equal amount 40,
/// equal IBAN 35, structured communication of a payment going the other way 30, equal name 25 and
/// similar name 15.
/// </remarks>
public sealed class PaymentMatcher
{
    /// <summary>Weight of <see cref="MatchReason.StructuredCommunication"/>.</summary>
    public const int StructuredCommunicationWeight = 100;

    /// <summary>Weight of <see cref="MatchReason.InvoiceNumberInText"/> and <see cref="MatchReason.PaymentReferenceInText"/>.</summary>
    public const int NumberInTextWeight = 45;

    /// <summary>Weight of <see cref="MatchReason.AmountEqual"/>.</summary>
    public const int AmountWeight = 40;

    /// <summary>Weight of <see cref="MatchReason.IbanEqual"/>.</summary>
    public const int IbanWeight = 35;

    /// <summary>Weight of <see cref="MatchReason.StructuredCommunicationWrongDirection"/>.</summary>
    public const int WrongDirectionWeight = 30;

    /// <summary>Weight of <see cref="MatchReason.NameEqual"/>.</summary>
    public const int NameEqualWeight = 25;

    /// <summary>Weight of <see cref="MatchReason.NameSimilar"/>.</summary>
    public const int NameSimilarWeight = 15;

    private readonly PaymentMatcherOptions _options;
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byCommunication = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<Entry>> _byAmount = [];
    private readonly Dictionary<string, List<Entry>> _byIban = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byNameWord = new(StringComparer.Ordinal);

    /// <summary>Indexes the open items.</summary>
    /// <param name="openItems">Items with a positive open amount; items with nothing left open are ignored.</param>
    /// <param name="options">Limits; <see cref="PaymentMatcherOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">Two items share an id.</exception>
    public PaymentMatcher(IEnumerable<OpenItem> openItems, PaymentMatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        _options = options ?? PaymentMatcherOptions.Default;

        // Index in order of due date, so that each index entry lists the oldest items first.
        var ordered = openItems
            .Where(item => item.OpenAmount > 0)
            .OrderBy(item => item.DueDate ?? DateOnly.MaxValue)
            .ThenBy(item => item.Id, StringComparer.Ordinal);
        foreach (var item in ordered)
        {
            var entry = new Entry(item, MatchText.Compact(item.Number), MatchText.Compact(item.PaymentReference), MatchText.NameWords(item.CounterpartyName));
            if (!_byId.TryAdd(item.Id, entry))
            {
                throw new ArgumentException($"Open item id '{item.Id}' appears twice.", nameof(openItems));
            }

            Index(entry);
        }
    }

    /// <summary>Number of indexed open items.</summary>
    public int Count => _byId.Count;

    /// <summary>Matches one payment against the open amounts the items were indexed with.</summary>
    public PaymentMatch Match(BankPayment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return Match(payment, remaining: null);
    }

    /// <summary>
    /// Matches payments in order. Automatic allocations lower the open amounts seen by the payments
    /// after them, so two payments quoting the same invoice do not both pay it in full: the second
    /// one becomes an overpayment.
    /// </summary>
    public IEnumerable<PaymentMatch> MatchAll(IEnumerable<BankPayment> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        return MatchAllIterator(payments);
    }

    private IEnumerable<PaymentMatch> MatchAllIterator(IEnumerable<BankPayment> payments)
    {
        var remaining = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var payment in payments)
        {
            var match = Match(payment, remaining);
            foreach (var allocation in match.ProposedAllocations)
            {
                remaining[allocation.OpenItemId] = OpenAmount(_byId[allocation.OpenItemId].Item, remaining) - allocation.Amount;
            }

            yield return match;
        }
    }

    private static decimal OpenAmount(OpenItem item, Dictionary<string, decimal>? remaining) =>
        remaining is not null && remaining.TryGetValue(item.Id, out var amount) ? amount : item.OpenAmount;

    private PaymentMatch Match(BankPayment payment, Dictionary<string, decimal>? remaining)
    {
        if (payment.Amount == 0)
        {
            return new PaymentMatch(payment, MatchKind.None, [], 0m, []);
        }

        var communications = FindCommunications(payment);
        var candidates = CollectCandidates(payment, communications);
        var suggestions = Score(payment, communications, candidates);

        var automatic = communications
            .SelectMany(communication => _byCommunication.GetValueOrDefault(communication.Digits) ?? [])
            .Select(entry => entry.Item)
            .Where(item => item.Currency == payment.Currency && item.FitsDirection(payment.Amount))
            .Distinct()
            .OrderBy(item => item.DueDate ?? DateOnly.MaxValue)
            .ThenBy(item => item.Id, StringComparer.Ordinal)
            .ToList();
        if (automatic.Count > 0)
        {
            var (allocations, unallocated) = Allocate(Math.Abs(payment.Amount), automatic, remaining);
            if (allocations.Count > 0)
            {
                return new PaymentMatch(payment, MatchKind.Automatic, allocations, unallocated, suggestions);
            }
        }

        return new PaymentMatch(payment, suggestions.Count > 0 ? MatchKind.Suggested : MatchKind.None, [], 0m, suggestions);
    }

    /// <summary>Spreads the amount over the items in order, each up to what it still has open.</summary>
    private static (List<AllocationRequest> Allocations, decimal Unallocated) Allocate(decimal amount, List<OpenItem> items, Dictionary<string, decimal>? remaining)
    {
        var allocations = new List<AllocationRequest>();
        foreach (var item in items)
        {
            var share = Math.Min(amount, OpenAmount(item, remaining));
            if (share <= 0)
            {
                continue;
            }

            allocations.Add(new AllocationRequest(item.Id, share));
            amount -= share;
        }

        return (allocations, amount);
    }

    private static List<StructuredCommunication> FindCommunications(BankPayment payment)
    {
        var communications = new List<StructuredCommunication>();
        if (payment.StructuredCommunication is { } structured)
        {
            communications.Add(structured);
        }

        foreach (var found in StructuredCommunication.FindAll(payment.Text))
        {
            if (!communications.Contains(found))
            {
                communications.Add(found);
            }
        }

        return communications;
    }

    private HashSet<Entry> CollectCandidates(BankPayment payment, List<StructuredCommunication> communications)
    {
        var candidates = new HashSet<Entry>(ReferenceEqualityComparer.Instance);
        void AddFrom(List<Entry>? entries)
        {
            if (entries is null)
            {
                return;
            }

            var count = Math.Min(entries.Count, _options.MaxCandidatesPerKey);
            for (var i = 0; i < count; i++)
            {
                candidates.Add(entries[i]);
            }
        }

        foreach (var communication in communications)
        {
            AddFrom(_byCommunication.GetValueOrDefault(communication.Digits));
        }

        AddFrom(_byAmount.GetValueOrDefault(MatchText.Cents(payment.Amount)));
        if (payment.CounterpartyIban is { } iban)
        {
            AddFrom(_byIban.GetValueOrDefault(iban.Value));
        }

        foreach (var word in MatchText.NameWords(payment.CounterpartyName))
        {
            // A word that more items share than one index entry may give (a common first name,
            // "Bakkerij") does not point to a counterparty, so it only adds to the score of
            // items found otherwise.
            if (_byNameWord.TryGetValue(word, out var entries) && entries.Count <= _options.MaxCandidatesPerKey)
            {
                AddFrom(entries);
            }
        }

        foreach (var number in MatchText.NumberCandidates(payment.Text))
        {
            AddFrom(_byNumber.GetValueOrDefault(number));
        }

        return candidates;
    }

    private List<MatchSuggestion> Score(BankPayment payment, List<StructuredCommunication> communications, HashSet<Entry> candidates)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var paymentWords = MatchText.NameWords(payment.CounterpartyName);
        var numbers = MatchText.NumberCandidates(payment.Text).ToHashSet(StringComparer.Ordinal);
        var compactText = MatchText.Compact(payment.Text);
        var cents = MatchText.Cents(payment.Amount);
        var suggestions = new List<MatchSuggestion>();
        foreach (var entry in candidates)
        {
            var item = entry.Item;
            if (item.Currency != payment.Currency)
            {
                continue;
            }

            var reasons = new List<MatchReason>(4);
            var fits = item.FitsDirection(payment.Amount);
            if (item.StructuredCommunication is { } communication && communications.Contains(communication))
            {
                reasons.Add(fits ? MatchReason.StructuredCommunication : MatchReason.StructuredCommunicationWrongDirection);
            }
            else if (!fits)
            {
                continue;
            }

            if (fits)
            {
                AddCommonReasons(entry, payment, paymentWords, numbers, compactText, cents, reasons);
            }

            var score = Math.Min(100, reasons.Sum(Weight));
            if (score >= _options.MinimumScore)
            {
                suggestions.Add(new MatchSuggestion(item, score, reasons));
            }
        }

        return suggestions
            .OrderByDescending(suggestion => suggestion.Score)
            .ThenBy(suggestion => suggestion.Item.DueDate ?? DateOnly.MaxValue)
            .ThenBy(suggestion => suggestion.Item.Id, StringComparer.Ordinal)
            .Take(_options.MaxSuggestions)
            .ToList();
    }

    private void AddCommonReasons(
        Entry entry,
        BankPayment payment,
        string[] paymentWords,
        HashSet<string> numbers,
        string compactText,
        long cents,
        List<MatchReason> reasons)
    {
        var item = entry.Item;
        if (entry.Number.Length >= _options.MinimumNumberLength && numbers.Contains(entry.Number))
        {
            reasons.Add(MatchReason.InvoiceNumberInText);
        }

        if (entry.Reference.Length >= _options.MinimumNumberLength && compactText.Contains(entry.Reference, StringComparison.Ordinal))
        {
            reasons.Add(MatchReason.PaymentReferenceInText);
        }

        if (MatchText.Cents(item.OpenAmount) == cents)
        {
            reasons.Add(MatchReason.AmountEqual);
        }

        if (payment.CounterpartyIban is { } iban && item.CounterpartyIban == iban)
        {
            reasons.Add(MatchReason.IbanEqual);
        }

        if (NameReason(paymentWords, entry.NameWords) is { } nameReason)
        {
            reasons.Add(nameReason);
        }
    }

    /// <summary>Equal when the significant words are the same; similar when at least half of the longer name's words are shared.</summary>
    private static MatchReason? NameReason(string[] paymentWords, string[] itemWords)
    {
        if (paymentWords.Length == 0 || itemWords.Length == 0)
        {
            return null;
        }

        var common = paymentWords.Intersect(itemWords, StringComparer.Ordinal).Count();
        if (common == paymentWords.Length && common == itemWords.Length)
        {
            return MatchReason.NameEqual;
        }

        return common * 2 >= Math.Max(paymentWords.Length, itemWords.Length) ? MatchReason.NameSimilar : null;
    }

    private static int Weight(MatchReason reason) => reason switch
    {
        MatchReason.StructuredCommunication => StructuredCommunicationWeight,
        MatchReason.InvoiceNumberInText or MatchReason.PaymentReferenceInText => NumberInTextWeight,
        MatchReason.AmountEqual => AmountWeight,
        MatchReason.IbanEqual => IbanWeight,
        MatchReason.StructuredCommunicationWrongDirection => WrongDirectionWeight,
        MatchReason.NameEqual => NameEqualWeight,
        MatchReason.NameSimilar => NameSimilarWeight,
        _ => 0,
    };

    private void Index(Entry entry)
    {
        var item = entry.Item;
        if (item.StructuredCommunication is { } communication)
        {
            Add(_byCommunication, communication.Digits, entry);
        }

        Add(_byAmount, MatchText.Cents(item.OpenAmount), entry);
        if (item.CounterpartyIban is { } iban)
        {
            Add(_byIban, iban.Value, entry);
        }

        if (entry.Number.Length >= _options.MinimumNumberLength)
        {
            Add(_byNumber, entry.Number, entry);
        }

        if (entry.Reference.Length >= _options.MinimumNumberLength)
        {
            Add(_byNumber, entry.Reference, entry);
        }

        foreach (var word in entry.NameWords)
        {
            Add(_byNameWord, word, entry);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<Entry>> index, TKey key, Entry entry)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var entries))
        {
            entries = [];
            index[key] = entries;
        }

        entries.Add(entry);
    }

    /// <summary>An open item with its compacted number, reference and name words, computed once.</summary>
    private sealed record Entry(OpenItem Item, string Number, string Reference, string[] NameWords);
}
