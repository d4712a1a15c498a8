using System.Security.Cryptography;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain;
using Bilansoft.Domain.Banking;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Application.Banking;

/// <summary>An amount of a transaction a user books on an invoice.</summary>
public sealed record AllocationInput(string? InvoiceId, decimal? Amount);

/// <summary>
/// Matches bank transactions to open invoices: the match step after an import, and the matches a
/// user confirms or undoes. Invoices come from <see cref="IOpenItemSource"/>; payments on them are
/// booked through <see cref="IPaymentRegistrar"/>.
/// </summary>
public sealed partial class BankMatchingService
{
    private readonly IBankImportStore _imports;
    private readonly BankStatementQueryService _queries;
    private readonly IOpenItemSource _items;
    private readonly IPaymentRegistrar _registrar;
    private readonly TimeProvider _clock;
    private readonly ILogger<BankMatchingService> _logger;

    public BankMatchingService(
        IBankImportStore imports,
        BankStatementQueryService queries,
        IOpenItemSource items,
        IPaymentRegistrar registrar,
        TimeProvider clock,
        ILogger<BankMatchingService> logger)
    {
        _imports = imports;
        _queries = queries;
        _items = items;
        _registrar = registrar;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The match step: books every payment that quotes an open invoice's structured communication
    /// and stores suggestions for the others. Only transactions still pending are handled, so a
    /// run after a crash picks up where the last one stopped. Registration ids are fixed per
    /// transaction, so a payment registered just before a crash is not booked twice.
    /// </summary>
    public async Task RunAsync(string organisationId, string importId, CancellationToken cancellationToken)
    {
        var import = await _imports.GetAsync(organisationId, importId, cancellationToken);
        if (import?.Value.Status != BankImportStatus.Processed)
        {
            LogNotProcessed(_logger, organisationId, importId);
            return;
        }

        var pending = (await _imports.ListTransactionsAsync(organisationId, importId, cancellationToken))
            .Where(transaction => transaction.Value.Match.Status == MatchStatus.Pending)
            .ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var openItems = await _items.ListOpenItemsAsync(organisationId, cancellationToken);
        var itemsById = openItems.ToDictionary(item => item.Id, StringComparer.Ordinal);
        var matcher = new PaymentMatcher(openItems);
        var matches = matcher.MatchAll(pending.SelectMany(transaction => transaction.Value.Payments()))
            .ToDictionary(match => match.Payment.Id, StringComparer.Ordinal);

        var updated = new List<Versioned<StatementTransaction>>(pending.Count);
        foreach (var transaction in pending)
        {
            var match = await MatchTransactionAsync(organisationId, transaction.Value, matches, itemsById, cancellationToken);
            updated.Add(transaction with { Value = transaction.Value with { Match = match } });
        }

        await _imports.SaveTransactionsAsync(organisationId, updated, audit: null, cancellationToken);
        var matched = updated.Count(transaction => transaction.Value.Match.Status == MatchStatus.Matched);
        var suggested = updated.Count(transaction => transaction.Value.Match.Status == MatchStatus.Suggested);
        LogMatched(_logger, organisationId, importId, matched, suggested, updated.Count - matched - suggested);
    }

    /// <summary>
    /// Books amounts of a transaction on invoices by hand: a suggestion confirmed, or the amount
    /// split over several invoices. What stays unallocated is kept as the counterparty's credit.
    /// </summary>
    public async Task<StatementTransaction> AllocateAsync(OrganisationAccess access, string transactionId, IReadOnlyList<AllocationInput>? inputs, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        if (inputs is not { Count: > 0 })
        {
            rules.Add("required", "allocations");
        }

        for (var i = 0; i < (inputs?.Count ?? 0); i++)
        {
            rules.Required(inputs![i]?.InvoiceId, $"allocations[{i}].invoiceId", 64);
            if (inputs[i]?.Amount is null)
            {
                rules.Add("required", $"allocations[{i}].amount");
            }
        }

        rules.ThrowIfInvalid();
        var transaction = await _queries.GetTransactionAsync(access, transactionId, cancellationToken);
        if (transaction.Value.Match.Status == MatchStatus.Pending)
        {
            throw ProblemException.Conflict(BankingErrorCodes.MatchPending, new Dictionary<string, object?> { ["id"] = transactionId });
        }

        var requests = inputs!.Select(input => new AllocationRequest(input.InvoiceId!.Trim(), input.Amount!.Value)).ToList();
        var items = await _items.GetOpenItemsAsync(access.OrganisationId, requests.Select(request => request.OpenItemId).Distinct().ToList(), cancellationToken);
        var outcome = PaymentAllocator.Allocate(transaction.Value.AsPayment(), transaction.Value.Match.AllocatedAmount, items, requests);
        if (!outcome.Succeeded)
        {
            throw ProblemException.Invalid(outcome.Violations.Select(ToRequestPath).ToList());
        }

        var now = _clock.GetUtcNow();
        var matchId = transactionId + "-m" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var itemsById = items.ToDictionary(item => item.Id, StringComparer.Ordinal);
        var allocations = outcome.Allocation!.Lines
            .Select((line, index) => new MatchAllocation(
                matchId,
                RegistrationId(matchId, index),
                transactionId,
                line.OpenItemId,
                itemsById[line.OpenItemId].Kind,
                itemsById[line.OpenItemId].Number,
                line.Amount,
                Automatic: false,
                now,
                access.Caller.UserId))
            .ToList();

        await RegisterAllAsync(access.OrganisationId, transaction.Value, allocations, cancellationToken);
        var all = transaction.Value.Match.Allocations.Concat(allocations).ToList();
        var changed = transaction with { Value = transaction.Value with { Match = TransactionMatch.From(all, transaction.Value.Match.Suggestions) } };
        var audit = Audit.Entry(access.Caller, now, "bank-transaction.matched", "bank-transaction", transactionId, new Dictionary<string, string?>
        {
            ["matchId"] = matchId,
            ["invoices"] = string.Join(',', allocations.Select(allocation => allocation.OpenItemId)),
            ["amount"] = allocations.Sum(allocation => allocation.Amount).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            await _imports.SaveTransactionsAsync(access.OrganisationId, [changed], audit, cancellationToken);
        }
        catch (ProblemException problem) when (problem.Kind == ProblemKind.PreconditionFailed)
        {
            await UndoAllAsync(access.OrganisationId, allocations, cancellationToken);
            throw;
        }

        return changed.Value;
    }

    /// <summary>Undoes a match: its payments come off the invoices, which are open again for that amount.</summary>
    public async Task<StatementTransaction> UndoAsync(OrganisationAccess access, string transactionId, string matchId, CancellationToken cancellationToken)
    {
        var transaction = await _queries.GetTransactionAsync(access, transactionId, cancellationToken);
        var undone = transaction.Value.Match.Allocations.Where(allocation => allocation.MatchId == matchId).ToList();
        if (undone.Count == 0)
        {
            throw new ProblemException(ProblemKind.NotFound, BankingErrorCodes.MatchNotFound, new Dictionary<string, object?>
            {
                ["resource"] = "bank-match",
                ["id"] = matchId,
            });
        }

        var remaining = transaction.Value.Match.Allocations.Where(allocation => allocation.MatchId != matchId).ToList();
        var changed = transaction with { Value = transaction.Value with { Match = TransactionMatch.From(remaining, transaction.Value.Match.Suggestions) } };
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "bank-transaction.match-undone", "bank-transaction", transactionId, new Dictionary<string, string?>
        {
            ["matchId"] = matchId,
            ["invoices"] = string.Join(',', undone.Select(allocation => allocation.OpenItemId)),
        });

        // Saving first means a failed undo leaves the match shown and its payments in place,
        // never payments that nothing shows any more.
        await _imports.SaveTransactionsAsync(access.OrganisationId, [changed], audit, cancellationToken);
        await UndoAllAsync(access.OrganisationId, undone, cancellationToken);
        return changed.Value;
    }

    private async Task<TransactionMatch> MatchTransactionAsync(
        string organisationId,
        StatementTransaction transaction,
        Dictionary<string, PaymentMatch> matches,
        Dictionary<string, OpenItem> itemsById,
        CancellationToken cancellationToken)
    {
        var allocations = new List<MatchAllocation>();
        var suggestions = new List<MatchProposal>();
        var now = _clock.GetUtcNow();
        for (var unitIndex = 0; unitIndex < transaction.Units.Count; unitIndex++)
        {
            var unit = transaction.Units[unitIndex];
            if (!matches.TryGetValue(unit.Id, out var match))
            {
                continue;
            }

            var booked = false;
            if (match.Kind == MatchKind.Automatic && match.ProposedAllocations.Count > 0)
            {
                var matchId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{transaction.Id}-a{unitIndex:D3}");
                var proposed = match.ProposedAllocations
                    .Select((request, index) => new MatchAllocation(
                        matchId,
                        RegistrationId(matchId, index),
                        unit.Id,
                        request.OpenItemId,
                        itemsById[request.OpenItemId].Kind,
                        itemsById[request.OpenItemId].Number,
                        request.Amount,
                        Automatic: true,
                        now,
                        By: null))
                    .ToList();
                try
                {
                    await RegisterAllAsync(organisationId, transaction, proposed, cancellationToken);
                    allocations.AddRange(proposed);
                    booked = true;
                }
                catch (ProblemException problem) when (problem.Kind is ProblemKind.Conflict or ProblemKind.Validation)
                {
                    // The invoice changed since it was listed (paid or credited meanwhile); a user decides.
                    LogRegistrationRejected(_logger, organisationId, transaction.Id, problem.Code);
                }
            }

            if (!booked)
            {
                suggestions.AddRange(match.Suggestions.Select(suggestion => new MatchProposal(
                    unit.Id, suggestion.Item.Id, suggestion.Item.Kind, suggestion.Item.Number, suggestion.Score, suggestion.Reasons)));
            }
        }

        return TransactionMatch.From(allocations, suggestions);
    }

    private async Task RegisterAllAsync(string organisationId, StatementTransaction transaction, List<MatchAllocation> allocations, CancellationToken cancellationToken)
    {
        var registered = new List<MatchAllocation>(allocations.Count);
        try
        {
            foreach (var allocation in allocations)
            {
                await _registrar.RegisterAsync(
                    new PaymentRegistration(
                        organisationId,
                        allocation.RegistrationId,
                        allocation.OpenItemId,
                        allocation.Kind,
                        allocation.Amount,
                        transaction.Currency,
                        transaction.ValueDate ?? transaction.BookingDate ?? DateOnly.FromDateTime(allocation.At.UtcDateTime),
                        transaction.Id,
                        transaction.CounterpartyName,
                        transaction.CounterpartyIban),
                    cancellationToken);
                registered.Add(allocation);
            }
        }
        catch (ProblemException)
        {
            // All or nothing: a split whose second invoice refuses must not leave the first one paid.
            await UndoAllAsync(organisationId, registered, CancellationToken.None);
            throw;
        }
    }

    private async Task UndoAllAsync(string organisationId, List<MatchAllocation> allocations, CancellationToken cancellationToken)
    {
        foreach (var allocation in allocations)
        {
            await _registrar.UndoAsync(organisationId, allocation.RegistrationId, cancellationToken);
        }
    }

    private static string RegistrationId(string matchId, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{matchId}-{index:D2}");

    // The allocator names requests "requests[i].openItemId"; the API calls them "allocations[i].invoiceId".
    private static RuleViolation ToRequestPath(RuleViolation violation) => violation with
    {
        Path = violation.Path.Replace("requests", "allocations", StringComparison.Ordinal).Replace(".openItemId", ".invoiceId", StringComparison.Ordinal),
    };

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Import {ImportId} of organisation {OrganisationId} is not processed; the match step skipped it")]
    private static partial void LogNotProcessed(ILogger logger, string organisationId, string importId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Import {ImportId} of organisation {OrganisationId} matched: {Matched} matched, {Suggested} with suggestions, {Unmatched} unmatched")]
    private static partial void LogMatched(ILogger logger, string organisationId, string importId, int matched, int suggested, int unmatched);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Registering an automatic match of transaction {TransactionId} in organisation {OrganisationId} was rejected with {Code}; kept as a suggestion")]
    private static partial void LogRegistrationRejected(ILogger logger, string organisationId, string transactionId, string code);
}
