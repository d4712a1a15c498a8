using Bilansoft.Application.Errors;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Formats.Banking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Banking;

/// <summary>
/// The parse step: reads a stored statement file (or webhook push), stores its statements and
/// transactions, and hands the import to the match step. Idempotent by import id: a processed or
/// failed import is left alone, and an attempt that crashed is taken over once its lease passes.
/// </summary>
public sealed partial class BankStatementImportStep
{
    private const int CompleteAttempts = 5;

    private readonly IBankImportStore _imports;
    private readonly IStatementFileStore _files;
    private readonly IBankAccountStore _accountStore;
    private readonly BankAccountService _accounts;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _clock;
    private readonly BankingOptions _options;
    private readonly ILogger<BankStatementImportStep> _logger;

    public BankStatementImportStep(
        IBankImportStore imports,
        IStatementFileStore files,
        IBankAccountStore accountStore,
        BankAccountService accounts,
        IOutbox outbox,
        TimeProvider clock,
        IOptions<BankingOptions> options,
        ILogger<BankStatementImportStep> logger)
    {
        _imports = imports;
        _files = files;
        _accountStore = accountStore;
        _accounts = accounts;
        _outbox = outbox;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Processes the file of an import, read from <paramref name="content"/>.</summary>
    public async Task RunAsync(string organisationId, string importId, Stream content, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(organisationId) || !Identifiers.IsValid(importId))
        {
            LogIgnored(_logger, organisationId, importId);
            return;
        }

        var current = await LoadAsync(organisationId, importId, cancellationToken);
        if (current is null)
        {
            LogIgnored(_logger, organisationId, importId);
            return;
        }

        var started = await BeginAsync(organisationId, current, cancellationToken);
        if (started is null)
        {
            return;
        }

        var run = new ImportRun(this, organisationId, started.Value, started.ETag);
        try
        {
            await run.ReadAsync(content, cancellationToken);
        }
        catch (StatementFormatException exception)
        {
            await FailAsync(organisationId, run, FailureOf(exception.Issue), cancellationToken);
            return;
        }
        catch (ImportFailedException exception)
        {
            await FailAsync(organisationId, run, exception.Failure, cancellationToken);
            return;
        }

        await CompleteAsync(organisationId, run, cancellationToken);
    }

    /// <summary>Turns a reader issue into the failure shown to users.</summary>
    public static BankImportFailure FailureOf(StatementIssue issue) => new(issue.Code)
    {
        LineNumber = issue.LineNumber,
        LinePosition = issue.LinePosition,
        ElementPath = issue.ElementPath,
        Value = issue.Value,
    };

    private async Task<Versioned<BankImport>?> LoadAsync(string organisationId, string importId, CancellationToken cancellationToken)
    {
        var current = await _imports.GetAsync(organisationId, importId, cancellationToken);
        if (current is not null)
        {
            return current;
        }

        // The upload stores the file before the record; a process that stopped in between left
        // only the file, whose metadata holds everything the record needs.
        var metadata = await _files.GetMetadataAsync(organisationId, importId, cancellationToken);
        if (metadata is null)
        {
            return null;
        }

        LogRecordRebuilt(_logger, organisationId, importId);
        return await _imports.AddAsync(organisationId, BankStatementUploadService.NewImport(importId, metadata, size: 0), cancellationToken);
    }

    /// <summary>
    /// Takes the import for this attempt: from received, or from an attempt whose lease has
    /// passed. Returns null when there is nothing to do.
    /// </summary>
    private async Task<Versioned<BankImport>?> BeginAsync(string organisationId, Versioned<BankImport> current, CancellationToken cancellationToken)
    {
        var waitUntil = _clock.GetUtcNow() + (_options.ProcessingLease * 2);
        while (true)
        {
            var import = current.Value;
            var now = _clock.GetUtcNow();
            if (import.Status is BankImportStatus.Processed or BankImportStatus.Failed)
            {
                LogAlreadyDone(_logger, organisationId, import.Id, import.Status);
                return null;
            }

            if (import.Status == BankImportStatus.Processing && import.LeaseUntil > now)
            {
                if (now > waitUntil)
                {
                    // The other attempt keeps renewing its lease, so it is alive and finishes the import.
                    LogHeldByOther(_logger, organisationId, import.Id);
                    return null;
                }

                var delay = import.LeaseUntil.Value - now;
                await Task.Delay(delay < TimeSpan.FromSeconds(2) ? delay : TimeSpan.FromSeconds(2), _clock, cancellationToken);
                current = await _imports.GetAsync(organisationId, import.Id, cancellationToken) ?? current;
                continue;
            }

            var takeOver = import.Status == BankImportStatus.Processing;
            var claimed = import with
            {
                Status = BankImportStatus.Processing,
                Attempt = import.Attempt + 1,
                LeaseUntil = now + _options.ProcessingLease,
            };
            try
            {
                var saved = await _imports.SaveAsync(organisationId, claimed, current.ETag, cancellationToken);
                if (takeOver)
                {
                    LogTakenOver(_logger, organisationId, import.Id, claimed.Attempt);
                    await _imports.CleanupAsync(organisationId, import.Id, cancellationToken);
                }

                return saved;
            }
            catch (ProblemException problem) when (problem.Kind == ProblemKind.PreconditionFailed)
            {
                current = await _imports.GetAsync(organisationId, import.Id, cancellationToken) ?? current;
            }
        }
    }

    private async Task CompleteAsync(string organisationId, ImportRun run, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var processed = run.Import with
        {
            Status = BankImportStatus.Processed,
            LeaseUntil = null,
            CompletedAt = now,
        };
        var envelope = MessageEnvelope.Create(
            BankStatementImported.MessageIdFor(processed.Id),
            BankStatementImported.MessageType,
            organisationId,
            CorrelationContext.CurrentOrNew(),
            now,
            new BankStatementImported(processed.Id));
        var message = new OutboxMessage(QueueNames.BankStatementImported, envelope);
        var audit = Audit.Entry(BankingActors.System, now, "bank-statement.imported", "bank-statement", processed.Id, new Dictionary<string, string?>
        {
            ["statements"] = processed.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["transactions"] = processed.TransactionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["skipped"] = processed.SkippedTransactionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        for (var attempt = 1; ; attempt++)
        {
            var accounts = await AdvancedAccountsAsync(organisationId, run, cancellationToken);
            try
            {
                await _imports.CompleteAsync(organisationId, processed, run.ETag, accounts, message, audit, cancellationToken);
                break;
            }
            catch (ProblemException problem) when (problem.Kind == ProblemKind.PreconditionFailed && attempt < CompleteAttempts)
            {
                // Either a concurrent import moved an account on (read it again and retry) or
                // another attempt took this import over (then this one must stop).
                var stored = await _imports.GetAsync(organisationId, processed.Id, cancellationToken);
                if (stored is null || stored.ETag != run.ETag)
                {
                    throw;
                }
            }
        }

        await _outbox.PublishCommittedAsync(organisationId, [message], cancellationToken);
        LogProcessed(_logger, organisationId, processed.Id, processed.Statements.Count, processed.TransactionCount, processed.SkippedTransactionCount);
    }

    private async Task<IReadOnlyList<Versioned<BankAccount>>> AdvancedAccountsAsync(string organisationId, ImportRun run, CancellationToken cancellationToken)
    {
        var changed = new List<Versioned<BankAccount>>();
        foreach (var (accountId, position) in run.NewestPositions)
        {
            var account = await _accountStore.GetAsync(organisationId, accountId, cancellationToken);
            if (account is null || (account.Value.LastStatement is { } last && !last.IsOlderThan(position)))
            {
                continue;
            }

            changed.Add(account with { Value = account.Value with { LastStatement = position } });
        }

        return changed;
    }

    private async Task FailAsync(string organisationId, ImportRun run, BankImportFailure failure, CancellationToken cancellationToken)
    {
        await _imports.CleanupAsync(organisationId, run.Import.Id, cancellationToken);
        var failed = run.Import with
        {
            Status = BankImportStatus.Failed,
            LeaseUntil = null,
            CompletedAt = _clock.GetUtcNow(),
            Failure = failure,
            Statements = [],
            TransactionCount = 0,
            SkippedTransactionCount = 0,
        };
        await _imports.SaveAsync(organisationId, failed, run.ETag, cancellationToken);
        LogFailed(_logger, organisationId, failed.Id, failure.Code, failure.LineNumber, failure.EarlierImportId);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Statement file {ImportId} of organisation {OrganisationId} has no import record or file metadata; ignored")]
    private static partial void LogIgnored(ILogger logger, string organisationId, string importId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Import {ImportId} of organisation {OrganisationId} is already {Status}; nothing to do")]
    private static partial void LogAlreadyDone(ILogger logger, string organisationId, string importId, BankImportStatus status);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Import {ImportId} of organisation {OrganisationId} is held by a live attempt; leaving it to that attempt")]
    private static partial void LogHeldByOther(ILogger logger, string organisationId, string importId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Import {ImportId} of organisation {OrganisationId} taken over by attempt {Attempt} after an earlier attempt stopped")]
    private static partial void LogTakenOver(ILogger logger, string organisationId, string importId, int attempt);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Import {ImportId} of organisation {OrganisationId} processed: {Statements} statements, {Transactions} transactions stored, {Skipped} already held")]
    private static partial void LogProcessed(ILogger logger, string organisationId, string importId, int statements, int transactions, int skipped);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Import {ImportId} of organisation {OrganisationId} failed with {Code} at line {LineNumber}; earlier import {EarlierImportId}")]
    private static partial void LogFailed(ILogger logger, string organisationId, string importId, string code, int? lineNumber, string? earlierImportId);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Import record {ImportId} of organisation {OrganisationId} was missing; rebuilt from the file's metadata")]
    private static partial void LogRecordRebuilt(ILogger logger, string organisationId, string importId);
}
