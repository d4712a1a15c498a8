using System.Globalization;
using System.Text;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking.Coda;

/// <summary>
/// State machine over CODA records. Positions in comments and calls are 1-based and inclusive,
/// as in the Febelfin layout (Coded statement of account, version 2.6, annex I).
/// </summary>
internal sealed class CodaParser(StatementReaderOptions options) : IDisposable
{
    private readonly StatementHashing _hashing = new();
    private readonly List<StatementIssue> _warnings = [];
    private readonly List<string> _freeMessages = [];

    private State _state = State.ExpectHeader;
    private int _statementIndex = -1;
    private CodaHeader? _header;
    private StatementAccount? _account;
    private StatementBalance? _opening;
    private StatementBalance? _closing;
    private CodaMovement? _movement;
    private StringBuilder? _openMessage;
    private long _electronicSequence;
    private int _recordCount;
    private int _transactionCount;
    private decimal _credits;
    private decimal _debits;

    // The record read just before the current one, for the next-code (continuation) rules.
    private string? _previousType;
    private bool _previousHasNext;
    private int _previousSequence;
    private int _previousDetail;

    private enum State
    {
        ExpectHeader,
        ExpectOldBalance,
        Movements,
        AfterNewBalance,
    }

    public void Dispose() => _hashing.Dispose();

    /// <summary>Adds a warning to the statement being read.</summary>
    public void Warn(StatementIssue issue) => _warnings.Add(issue);

    /// <summary>Reads one record; returns the element it completes, if any.</summary>
    public StatementElement? Process(CodaRecord record)
    {
        var type = record.Text[0] is '2' or '3' && record.Text[1] is not ('1' or '2' or '3') ? null : record.Type;
        if (type is null || !IsKnownType(type))
        {
            throw record.Error(StatementErrorCodes.CodaUnknownRecordType, "Unknown CODA record type; expected 0, 1, 21, 22, 23, 31, 32, 33, 4, 8 or 9.", 1, record.Text[..2]);
        }

        CheckContinuation(record, type);
        if (type is not ("0" or "4" or "9"))
        {
            _recordCount++;
        }

        StatementElement? element = type switch
        {
            "0" => ReadHeader(record),
            "1" => ReadOldBalance(record),
            "21" => ReadMovement(record),
            "22" => ReadMovementPart2(record),
            "23" => ReadMovementPart3(record),
            "31" => ReadInformation(record),
            "32" or "33" => ReadInformationContinuation(record, type),
            "8" => ReadNewBalance(record),
            "4" => ReadFreeMessage(record),
            _ => ReadTrailer(record),
        };

        _previousType = type;
        return element;
    }

    /// <summary>Checks that the file did not stop inside a logical file.</summary>
    public void Finish(int lastLineNumber)
    {
        if (_state != State.ExpectHeader)
        {
            throw new StatementFormatException(new StatementIssue(
                StatementErrorCodes.CodaTruncatedFile,
                "The file ends before the trailer record 9 of its last statement.",
                lastLineNumber));
        }
    }

    private static bool IsKnownType(string type) =>
        type is "0" or "1" or "21" or "22" or "23" or "31" or "32" or "33" or "4" or "8" or "9";

    private static bool IsContinuation(string type) => type is "22" or "23" or "32" or "33";

    /// <summary>
    /// Applies the next code (position 126): it chains 2.1 → 2.2 → 2.3 and 3.1 → 3.2 → 3.3 of one
    /// movement. A continuation must follow the record it continues, with the same sequence and
    /// detail numbers.
    /// </summary>
    private void CheckContinuation(CodaRecord record, string type)
    {
        if (IsContinuation(type))
        {
            var allowed = type switch
            {
                "22" => _previousType is "21",
                "23" => _previousType is "21" or "22",
                "32" => _previousType is "31",
                _ => _previousType is "32",
            };
            var sequence = (int)record.Number(3, 6, "sequence number");
            var detail = (int)record.Number(7, 10, "detail number");
            if (!allowed || sequence != _previousSequence || detail != _previousDetail)
            {
                throw record.Error(
                    StatementErrorCodes.CodaOrphanRecord,
                    $"Record {type[0]}.{type[1]} does not continue the record before it (record {Describe(_previousType)} with sequence {_previousSequence:D4} and detail {_previousDetail:D4}).",
                    3,
                    record.Raw(3, 10));
            }

            if (!_previousHasNext)
            {
                Check(record, StatementErrorCodes.CodaContinuationMismatch, $"Record {type[0]}.{type[1]} follows a record whose next code (position 126) is 0.", 126, "0");
            }
        }
        else if (_previousHasNext)
        {
            Check(record, StatementErrorCodes.CodaContinuationMismatch, $"The record before has next code 1 (position 126), but record {Describe(type)} follows instead of its continuation.", 1, type);
        }

        _previousHasNext = type is "21" or "22" or "31" or "32" && record.Flag(126, "next code");
        if (type[0] is '2' or '3')
        {
            _previousSequence = (int)record.Number(3, 6, "sequence number");
            _previousDetail = (int)record.Number(7, 10, "detail number");
        }
    }

    private static string Describe(string? type) => type switch
    {
        null => "none",
        { Length: 2 } => $"{type[0]}.{type[1]}",
        _ => type,
    };

    private void ExpectState(CodaRecord record, string type, params State[] allowed)
    {
        if (!allowed.Contains(_state))
        {
            var expected = _state switch
            {
                State.ExpectHeader => "a header record 0",
                State.ExpectOldBalance => "an old balance record 1",
                State.Movements => "a movement record 2 or 3, or a new balance record 8",
                _ => "a free message record 4 or a trailer record 9",
            };
            throw record.Error(StatementErrorCodes.CodaUnexpectedRecord, $"Record {Describe(type)} cannot appear here; expected {expected}.", 1, type);
        }
    }

    private StatementElement? ReadHeader(CodaRecord record)
    {
        ExpectState(record, "0", State.ExpectHeader);
        var version = record.Char(128);
        if (version != '2')
        {
            throw record.Error(
                StatementErrorCodes.CodaUnsupportedVersion,
                $"CODA version {version} is not supported; only version 2 files are read (header position 128 must be 2). Ask the bank for CODA 2.",
                128,
                version.ToString());
        }

        var separateApplication = record.Raw(84, 88);
        _header = new CodaHeader(
            CreationDate: record.Date(6, "creation date"),
            IsDuplicate: record.Char(17) == 'D',
            FileReference: record.Trimmed(25, 34),
            Bic: Bic.TryParse(record.Trimmed(61, 71), out var bic) ? bic : null,
            EnterpriseNumber: record.Trimmed(72, 82) is { Length: 11 } number && number[0] == '0' ? number[1..] : record.Trimmed(72, 82),
            SeparateApplication: string.IsNullOrWhiteSpace(separateApplication) || separateApplication == "00000" ? null : separateApplication,
            LineNumber: record.LineNumber);
        _state = State.ExpectOldBalance;
        return null;
    }

    private StatementHeader ReadOldBalance(CodaRecord record)
    {
        ExpectState(record, "1", State.ExpectOldBalance);
        var header = _header!;
        var structure = record.Char(2);
        if (structure is < '0' or > '3')
        {
            throw record.Error(StatementErrorCodes.CodaInvalidField, "The account structure (position 2) must be 0, 1, 2 or 3.", 2, structure.ToString());
        }

        _statementIndex++;
        _electronicSequence = record.Number(126, 128, "CODA statement sequence number");
        _account = StatementAccount.FromCoda(structure, record.Raw(6, 42));
        _opening = new StatementBalance(record.SignedAmount(43, "old balance"), _account.Currency, record.Date(59, "old balance date"), "OPBD");
        _closing = null;
        _movement = null;
        _recordCount = 1;
        _transactionCount = 0;
        _credits = 0;
        _debits = 0;
        _freeMessages.Clear();
        _openMessage = null;
        _state = State.Movements;

        _hashing.AddLine($"s|{_account.Key}|{_account.Currency}");
        _hashing.AddBalance("open", _opening);

        return new StatementHeader
        {
            LineNumber = record.LineNumber,
            Format = StatementFormat.Coda,
            FormatVersion = "2",
            StatementIndex = _statementIndex,
            AccountId = _account.Id,
            AccountIban = _account.Iban,
            Currency = _account.Currency,
            AccountHolderName = record.Trimmed(65, 90),
            BankBic = header.Bic,
            SequenceNumber = record.Number(3, 5, "paper statement number"),
            ElectronicSequenceNumber = _electronicSequence,
            MessageId = header.FileReference,
            CreationDate = header.CreationDate,
            IsDuplicate = header.IsDuplicate,
            DuplicateIndicator = header.IsDuplicate ? "D" : null,
            IsSeparateApplication = header.SeparateApplication is not null,
            OpeningBalance = _opening,
            HolderEnterpriseNumber = header.EnterpriseNumber,
        };
    }

    private BankTransaction? ReadMovement(CodaRecord record)
    {
        ExpectState(record, "21", State.Movements);
        var movement = new CodaMovement
        {
            LineNumber = record.LineNumber,
            Sequence = (int)record.Number(3, 6, "sequence number"),
            Detail = (int)record.Number(7, 10, "detail number"),
            BankReference = record.Trimmed(11, 31),
            Amount = record.SignedAmount(32, "amount"),
            ValueDate = record.Date(48, "value date"),
            TransactionCode = record.Raw(54, 61),
            IsStructured = record.Flag(62, "communication type"),
            BookingDate = record.Date(116, "entry date"),
            GlobalisationCode = record.Char(125) is >= '0' and <= '9' and var code ? code - '0' : 0,
        };
        movement.Communication.Append(record.Span(63, 115));

        if (movement.Detail != 0)
        {
            if (_movement is null || _movement.Sequence != movement.Sequence)
            {
                throw record.Error(StatementErrorCodes.CodaOrphanRecord, $"Detail {movement.Detail:D4} of movement {movement.Sequence:D4} has no movement with detail number 0000 before it.", 3, record.Raw(3, 10));
            }

            _movement.CloseInformation();
            _movement.Details.Add(movement);
            return null;
        }

        var completed = CompleteMovement();
        _movement = movement;
        _transactionCount++;
        if (movement.Amount < 0)
        {
            _debits -= movement.Amount;
        }
        else
        {
            _credits += movement.Amount;
        }

        return completed;
    }

    /// <summary>Returns the movement or detail that the last 2.1 record started.</summary>
    private CodaMovement LastPart() => _movement!.Details.Count > 0 ? _movement.Details[^1] : _movement;

    private BankTransaction? ReadMovementPart2(CodaRecord record)
    {
        var part = LastPart();
        part.Communication.Append(record.Span(11, 63));
        part.EndToEndId = record.Trimmed(64, 98);
        part.CounterpartyBic = record.Trimmed(99, 109);
        part.ReturnReason = record.Trimmed(114, 117);
        return null;
    }

    private BankTransaction? ReadMovementPart3(CodaRecord record)
    {
        var part = LastPart();
        if (part.Communication.Length == 53)
        {
            // No record 2.2: keep the 2.3 text at its place after the 53 positions of 2.2.
            part.Communication.Append(' ', 53);
        }

        part.CounterpartyAccountZone = record.Raw(11, 47);
        part.CounterpartyName = record.Trimmed(48, 82);
        part.Communication.Append(record.Span(83, 125));
        return null;
    }

    private BankTransaction? ReadInformation(CodaRecord record)
    {
        ExpectState(record, "31", State.Movements);
        var sequence = (int)record.Number(3, 6, "sequence number");
        if (_movement is null || _movement.Sequence != sequence)
        {
            throw record.Error(StatementErrorCodes.CodaOrphanRecord, $"Information record 3.1 of movement {sequence:D4} does not follow that movement.", 3, record.Raw(3, 6));
        }

        // Information belongs to the movement or detail read last with the same sequence number.
        var part = LastPart();
        part.CloseInformation();
        var structured = record.Flag(40, "communication type");
        var group = new InformationGroup { IsStructured = structured, Type = structured ? record.Raw(41, 43) : null };
        group.Content.Append(structured ? record.Span(44, 113) : record.Span(41, 113));
        part.OpenInformation = group;
        return null;
    }

    private BankTransaction? ReadInformationContinuation(CodaRecord record, string type)
    {
        var group = LastPart().OpenInformation!;
        group.Content.Append(type == "32" ? record.Span(11, 115) : record.Span(11, 100));
        return null;
    }

    private BankTransaction? ReadNewBalance(CodaRecord record)
    {
        ExpectState(record, "8", State.Movements);
        var completed = CompleteMovement();
        _movement = null;

        var account = _account!;
        var zone = record.Raw(5, 41);
        if (zone != account.Zone)
        {
            Check(record, StatementErrorCodes.CodaAccountMismatch, $"The account in record 8 ({zone.Trim()}) differs from the one in record 1 ({account.Zone.Trim()}).", 5, zone.Trim());
        }

        _closing = new StatementBalance(record.SignedAmount(42, "new balance"), account.Currency, record.Date(58, "new balance date"), "CLBD");
        var expected = _opening!.Amount + _credits - _debits;
        if (_header!.SeparateApplication is null && expected != _closing.Amount)
        {
            Check(
                record,
                StatementErrorCodes.CodaBalanceMismatch,
                $"Old balance {Format(_opening.Amount)} plus credits {Format(_credits)} minus debits {Format(_debits)} is {Format(expected)}, but the new balance is {Format(_closing.Amount)}.",
                42,
                Format(_closing.Amount));
        }

        _state = State.AfterNewBalance;
        return completed;
    }

    private BankTransaction? ReadFreeMessage(CodaRecord record)
    {
        ExpectState(record, "4", State.AfterNewBalance);
        _openMessage ??= new StringBuilder();
        _openMessage.Append(record.Span(33, 112));
        if (!record.Flag(128, "link code"))
        {
            CloseFreeMessage();
        }

        return null;
    }

    private void CloseFreeMessage()
    {
        if (_openMessage is not null && StatementText.Normalise(_openMessage.ToString()) is { } message)
        {
            _freeMessages.Add(message);
        }

        _openMessage = null;
    }

    private StatementSummary ReadTrailer(CodaRecord record)
    {
        // A statement without movements may go from record 1 straight to record 9.
        if (!(_state == State.AfterNewBalance || (_state == State.Movements && _movement is null && _transactionCount == 0)))
        {
            ExpectState(record, "9", State.AfterNewBalance);
        }

        CloseFreeMessage();
        var count = record.Number(17, 22, "record count");
        if (count != _recordCount)
        {
            Check(record, StatementErrorCodes.CodaTrailerCountMismatch, $"The trailer counts {count} records 1, 2, 3 and 8, but the statement has {_recordCount}.", 17, count.ToString(CultureInfo.InvariantCulture));
        }

        var debits = record.Number(23, 37, "debit total") / 1000m;
        if (debits != _debits)
        {
            Check(record, StatementErrorCodes.CodaTrailerDebitMismatch, $"The trailer debit total {Format(debits)} differs from the sum of the booked debits {Format(_debits)}.", 23, Format(debits));
        }

        var credits = record.Number(38, 52, "credit total") / 1000m;
        if (credits != _credits)
        {
            Check(record, StatementErrorCodes.CodaTrailerCreditMismatch, $"The trailer credit total {Format(credits)} differs from the sum of the booked credits {Format(_credits)}.", 38, Format(credits));
        }

        return CompleteStatement(record);
    }

    private StatementSummary CompleteStatement(CodaRecord trailer)
    {
        var account = _account!;
        var header = _header!;
        _hashing.AddBalance("close", _closing);
        foreach (var message in _freeMessages)
        {
            _hashing.AddLine("m|" + message);
        }

        var year = _closing?.Date?.Year ?? header.CreationDate?.Year;
        var key = header.SeparateApplication is { } application
            ? string.Create(CultureInfo.InvariantCulture, $"coda|{account.Key}|{account.Currency}|app:{application}|{header.CreationDate:yyyyMMdd}|{header.FileReference}")
            : string.Create(CultureInfo.InvariantCulture, $"coda|{account.Key}|{account.Currency}|{year}|{_electronicSequence:D3}");

        var summary = new StatementSummary
        {
            LineNumber = trailer.LineNumber,
            StatementIndex = _statementIndex,
            ClosingBalance = _closing,
            TransactionCount = _transactionCount,
            CreditTotal = _credits,
            DebitTotal = _debits,
            SequenceYear = year,
            Key = new StatementKey(key),
            ContentFingerprint = _hashing.FinishFingerprint(),
            FreeMessages = [.. _freeMessages],
            Warnings = [.. _warnings],
        };

        _warnings.Clear();
        _state = State.ExpectHeader;
        _previousType = null;
        return summary;
    }

    private BankTransaction? CompleteMovement()
    {
        if (_movement is null)
        {
            return null;
        }

        var transaction = CodaTransactionBuilder.Build(_movement, _statementIndex, _account!, _hashing);
        _hashing.AddTransaction(transaction);
        return transaction;
    }

    /// <summary>Throws in strict mode; records a warning in lenient mode.</summary>
    private void Check(CodaRecord record, string code, string message, int position, string value)
    {
        var issue = new StatementIssue(code, message, record.LineNumber, position, Value: value);
        if (options.Validation == StatementValidation.Strict)
        {
            throw new StatementFormatException(issue);
        }

        _warnings.Add(issue);
    }

    private static string Format(decimal amount) => StatementHashing.FormatAmount(amount);

    private sealed record CodaHeader(
        DateOnly? CreationDate,
        bool IsDuplicate,
        string? FileReference,
        Bic? Bic,
        string? EnterpriseNumber,
        string? SeparateApplication,
        int LineNumber);
}
