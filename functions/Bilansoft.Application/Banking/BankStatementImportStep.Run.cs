using Bilansoft.Application.Platform;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Application.Banking;

/// <content>Reading one attempt of an import: statements, transactions, overlaps and staging.</content>
public sealed partial class BankStatementImportStep
{
    /// <summary>The state of one attempt at reading an import.</summary>
    private sealed class ImportRun
    {
        // Transactions handed to the store at once; the store splits them into groups of at most 100 operations.
        private const int StageBatchSize = 200;

        private readonly BankStatementImportStep _step;
        private readonly string _organisationId;
        private readonly List<StatementTransaction> _batch = [];
        private readonly List<ImportedStatement> _statements = [];
        private readonly List<ImportWarning> _warnings = [];
        private readonly Dictionary<(string AccountId, DateOnly? Date, bool FilesOnly), Dictionary<string, int>> _storedKeys = [];
        private readonly Dictionary<string, StatementPosition> _positions = new(StringComparer.Ordinal);
        private readonly HashSet<string> _accountsToMark = new(StringComparer.Ordinal);
        private StatementHeader? _header;
        private Versioned<BankAccount>? _account;
        private int _position;
        private int _statementStored;
        private int _statementSkipped;
        private int _stored;
        private int _skipped;

        public ImportRun(BankStatementImportStep step, string organisationId, BankImport import, string etag)
        {
            _step = step;
            _organisationId = organisationId;
            Import = import;
            ETag = etag;
        }

        public BankImport Import { get; private set; }

        public string ETag { get; private set; }

        public IReadOnlyDictionary<string, StatementPosition> NewestPositions => _positions;

        public async Task ReadAsync(Stream content, CancellationToken cancellationToken)
        {
            if (Import.Format == BankImportFormat.Webhook)
            {
                await ReadPushAsync(content, cancellationToken);
            }
            else
            {
                var options = new StatementReaderOptions
                {
                    Validation = Import.Validation == ImportValidation.Lenient ? StatementValidation.Lenient : StatementValidation.Strict,
                };
                await foreach (var element in BankStatementReader.ReadAsync(content, options, cancellationToken))
                {
                    switch (element)
                    {
                        case StatementHeader header:
                            await StartStatementAsync(header, cancellationToken);
                            break;
                        case BankTransaction transaction:
                            await AddTransactionAsync(transaction, externalId: null, cancellationToken);
                            break;
                        case StatementSummary summary:
                            await EndStatementAsync(summary, claim: true, cancellationToken);
                            break;
                    }
                }
            }

            await FlushAsync(cancellationToken);
            Import = Import with
            {
                Statements = [.. _statements],
                Warnings = [.. _warnings],
                TransactionCount = _stored,
                SkippedTransactionCount = _skipped,
            };
        }

        private async Task ReadPushAsync(Stream content, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            var (push, _) = BankWebhookPush.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (push is null)
            {
                throw new ImportFailedException(new BankImportFailure(BankingErrorCodes.InvalidPush));
            }

            var header = new StatementHeader
            {
                Format = StatementFormat.Unknown,
                FormatVersion = "webhook",
                StatementIndex = 0,
                AccountId = push.Iban.Value,
                AccountIban = push.Iban,
                Currency = push.Currency,
                MessageId = push.Id,
            };
            await StartStatementAsync(header, cancellationToken);

            // The sender's ids decide which pushed transactions are new; content keys would take
            // two equal payments of one day for one.
            var known = await _step._imports.FindStoredExternalIdsAsync(
                _organisationId, _account!.Value.Id, push.Transactions.Select(transaction => transaction.Id).ToList(), cancellationToken);
            var sequence = 0;
            foreach (var pushed in push.Transactions)
            {
                sequence++;
                if (known.Contains(pushed.Id))
                {
                    Skip();
                    continue;
                }

                await AddTransactionAsync(push.ToBankTransaction(pushed, sequence), pushed.Id, cancellationToken);
            }

            await EndStatementAsync(null, claim: false, cancellationToken);
        }

        private async Task StartStatementAsync(StatementHeader header, CancellationToken cancellationToken)
        {
            if (header.Format != StatementFormat.Unknown && Import.Format == BankImportFormat.Unknown)
            {
                Import = Import with { Format = header.Format == StatementFormat.Coda ? BankImportFormat.Coda : BankImportFormat.Camt053 };
            }

            var failure = new BankImportFailure(BankingErrorCodes.UnknownAccount)
            {
                LineNumber = header.LineNumber,
                StatementIndex = header.StatementIndex,
                Value = header.AccountIban?.ToPrinted() ?? header.AccountId,
            };
            if (header.AccountIban is not { } iban)
            {
                throw new ImportFailedException(failure);
            }

            _account = await _step._accounts.FindAsync(_organisationId, iban, cancellationToken) ?? throw new ImportFailedException(failure);
            if (!string.Equals(_account.Value.Currency, header.Currency, StringComparison.Ordinal))
            {
                throw new ImportFailedException(new BankImportFailure(BankingErrorCodes.CurrencyMismatch)
                {
                    LineNumber = header.LineNumber,
                    StatementIndex = header.StatementIndex,
                    Value = header.Currency,
                });
            }

            _accountsToMark.Add(_account.Value.Id);
            _header = header;
            _statementStored = 0;
            _statementSkipped = 0;
        }

        private async Task AddTransactionAsync(BankTransaction transaction, string? externalId, CancellationToken cancellationToken)
        {
            var accountId = _account!.Value.Id;
            var stored = await StoredKeysAsync(accountId, transaction.BookingDate, externalId is not null, cancellationToken);
            _position++;
            if (stored.TryGetValue(transaction.Key.Value, out var count) && count > 0)
            {
                // An earlier import holds this transaction: each stored copy covers one new copy.
                stored[transaction.Key.Value] = count - 1;
                Skip();
                return;
            }

            _batch.Add(ToStored(transaction, StatementTransaction.IdFor(Import.Id, _position), accountId, externalId));
            _statementStored++;
            _stored++;
            if (_batch.Count >= StageBatchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        private void Skip()
        {
            _statementSkipped++;
            _skipped++;
        }

        private async Task EndStatementAsync(StatementSummary? summary, bool claim, CancellationToken cancellationToken)
        {
            var header = _header!;
            if (summary is not null)
            {
                _warnings.AddRange(summary.Warnings.Select(issue => new ImportWarning(issue.Code, header.StatementIndex, issue.LineNumber, issue.ElementPath, issue.Value)));
            }

            if (claim && summary is not null)
            {
                var conflict = await _step._imports.ClaimStatementAsync(_organisationId, Import.Id, summary.Key.Value, summary.ContentFingerprint, cancellationToken);
                if (conflict is not null)
                {
                    throw new ImportFailedException(new BankImportFailure(BankingErrorCodes.DuplicateStatement)
                    {
                        LineNumber = header.LineNumber,
                        StatementIndex = header.StatementIndex,
                        Value = (header.ElectronicSequenceNumber ?? header.SequenceNumber)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        EarlierImportId = conflict.ImportId,
                        SameContent = conflict.SameContent,
                    });
                }
            }

            var account = _account!.Value;
            var sequence = header.ElectronicSequenceNumber ?? header.SequenceNumber;
            var closing = summary?.ClosingBalance;
            _statements.Add(new ImportedStatement(
                header.StatementIndex,
                account.Id,
                account.Iban,
                header.Currency,
                sequence,
                header.OpeningBalance?.Amount,
                closing?.Amount,
                header.OpeningBalance?.Date,
                closing?.Date,
                _statementStored,
                _statementSkipped,
                header.IsSeparateApplication));

            // Extracts (separate applications) and pushes carry no balance of the account.
            if (!header.IsSeparateApplication && closing is not null)
            {
                var position = new StatementPosition(sequence, closing.Amount, closing.Date, Import.Id);
                if (!_positions.TryGetValue(account.Id, out var newest) || newest.IsOlderThan(position))
                {
                    _positions[account.Id] = position;
                }
            }

            _header = null;
        }

        // A pushed transaction is compared by content with transactions from files only: between
        // pushes the sender's ids decide, because two equal payments of one day share a content key.
        // NOTE: only processed imports count, so two overlapping files of one account that are
        // processed at the same moment may both store the transactions they share.
        private async Task<Dictionary<string, int>> StoredKeysAsync(string accountId, DateOnly? date, bool pushed, CancellationToken cancellationToken)
        {
            if (!_storedKeys.TryGetValue((accountId, date, pushed), out var keys))
            {
                var counts = await _step._imports.CountStoredKeysAsync(_organisationId, accountId, date, filesOnly: pushed, cancellationToken);
                keys = new Dictionary<string, int>(counts, StringComparer.Ordinal);
                _storedKeys[(accountId, date, pushed)] = keys;
            }

            return keys;
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count == 0 && _accountsToMark.Count == 0)
            {
                return;
            }

            Import = Import with { LeaseUntil = _step._clock.GetUtcNow() + _step._options.ProcessingLease };
            ETag = await _step._imports.StageAsync(_organisationId, Import, ETag, [.. _batch], [.. _accountsToMark], cancellationToken);
            _batch.Clear();
            _accountsToMark.Clear();
        }

        private static StatementTransaction ToStored(BankTransaction transaction, string id, string accountId, string? externalId)
        {
            var units = transaction.ToBankPayments(id)
                .Select(payment => new PaymentUnit(payment.Id, payment.Amount, payment.StructuredCommunication, payment.Text, payment.CounterpartyName, payment.CounterpartyIban))
                .ToList();
            var communication = string.Join(' ', new[] { transaction.FreeCommunication, transaction.AdditionalInformation }.Where(part => !string.IsNullOrWhiteSpace(part)));
            return new StatementTransaction
            {
                Id = id,
                ImportId = id[..32],
                AccountId = accountId,
                StatementIndex = transaction.StatementIndex,
                Amount = transaction.Amount,
                Currency = transaction.Currency,
                ValueDate = transaction.ValueDate,
                BookingDate = transaction.BookingDate,
                StructuredCommunication = transaction.StructuredCommunication,
                StructuredReference = transaction.StructuredCommunication is null ? transaction.StructuredReference : null,
                Communication = communication.Length == 0 ? null : communication,
                CounterpartyName = transaction.CounterpartyName,
                CounterpartyIban = transaction.CounterpartyIban,
                CounterpartyAccount = transaction.CounterpartyIban is null ? transaction.CounterpartyAccount : null,
                EndToEndId = transaction.EndToEndId,
                TransactionCode = transaction.TransactionCode?.ToString() is { Length: > 0 } code ? code : null,
                ExternalId = externalId,
                Key = transaction.Key.Value,
                Units = units,
            };
        }
    }
}
