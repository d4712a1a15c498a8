using System.Globalization;
using System.Xml.Linq;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking.Camt;

/// <summary>
/// Collects one camt.053 <c>Stmt</c>: its statement-level elements, then its entries one by one.
/// Paths in comments are relative to <c>Document/BkToCstmrStmt/Stmt</c>.
/// </summary>
internal sealed class CamtStatementBuilder(
    int version,
    int statementIndex,
    string statementPath,
    string? messageId,
    DateOnly? messageDate,
    StatementReaderOptions options,
    int lineNumber) : IDisposable
{
    private readonly StatementHashing _hashing = new();
    private readonly List<StatementIssue> _warnings = [];
    private readonly List<string> _freeMessages = [];
    private readonly List<(StatementBalance Balance, XElement Element)> _balances = [];

    private string? _statementId;
    private long? _electronicSequence;
    private long? _legalSequence;
    private DateOnly? _creationDate;
    private DateOnly? _periodEnd;
    private string? _duplicateIndicator;
    private XElement? _account;
    private StatementAccount? _statementAccount;
    private StatementBalance? _opening;
    private StatementBalance? _closing;
    private int _transactionCount;
    private int _skippedCount;
    private decimal _credits;
    private decimal _debits;

    public void Dispose() => _hashing.Dispose();

    /// <summary>Reads an element of <c>Stmt</c> other than <c>Ntry</c>.</summary>
    public void ReadStatementElement(string name, XElement element)
    {
        var path = statementPath + "/" + name;
        switch (name)
        {
            case "Id":
                _statementId = element.Value.Trim();
                break;
            case "ElctrncSeqNb":
                _electronicSequence = ReadNumber(element, path);
                break;
            case "LglSeqNb":
                _legalSequence = ReadNumber(element, path);
                break;
            case "CreDtTm":
                _creationDate = CamtValues.ReadDateTime(element, element, path);
                break;
            case "FrToDt":
                _periodEnd = CamtValues.ReadDateTime(element.Child("ToDtTm"), element, path);
                break;
            case "CpyDplctInd":
                _duplicateIndicator = element.Value.Trim();
                break;
            case "Acct":
                _account = element;
                break;
            case "Bal":
                ReadBalance(element, path);
                break;
            case "AddtlStmtInf":
                if (StatementText.Normalise(element.Value) is { } message)
                {
                    _freeMessages.Add(message);
                }

                break;
        }
    }

    /// <summary>Builds the header once the elements before the first entry are known.</summary>
    /// <param name="firstEntry">The first <c>Ntry</c>, whose currency is used when neither the account nor a balance gives one.</param>
    public StatementHeader BuildHeader(XElement? firstEntry)
    {
        if (_account is null)
        {
            throw new StatementFormatException(new StatementIssue(
                StatementErrorCodes.CamtMissingElement,
                "The required element 'Acct' is missing.",
                lineNumber,
                ElementPath: statementPath + "/Acct"));
        }

        var accountPath = statementPath + "/Acct";
        var accountId = _account.Text("Id", "IBAN") ?? _account.Text("Id", "Othr", "Id")
            ?? throw CamtValues.Missing("Id/IBAN", _account, _account, accountPath);
        var currency = _account.Text("Ccy")
            ?? _opening?.Currency
            ?? _closing?.Currency
            ?? firstEntry?.Child("Amt")?.Attribute("Ccy")?.Value.Trim()
            ?? throw CamtValues.Missing("Ccy", _account, _account, accountPath);
        _statementAccount = new StatementAccount(accountId, Iban.TryParse(accountId, out var iban) ? iban : null, currency, string.Empty);
        SelectBalances();

        _hashing.AddLine($"s|{_statementAccount.Key}|{currency}");
        _hashing.AddBalance("open", _opening);

        var bic = _account.Text("Svcr", "FinInstnId", version >= 4 ? "BICFI" : "BIC")
            ?? _account.Text("Svcr", "FinInstnId", version >= 4 ? "BIC" : "BICFI");
        return new StatementHeader
        {
            LineNumber = lineNumber,
            Format = StatementFormat.Camt053,
            FormatVersion = string.Create(CultureInfo.InvariantCulture, $"camt.053.001.{version:D2}"),
            StatementIndex = statementIndex,
            AccountId = accountId,
            AccountIban = _statementAccount.Iban,
            Currency = currency,
            AccountHolderName = _account.Text("Ownr", "Nm") ?? _account.Text("Nm"),
            BankBic = Bic.TryParse(bic, out var parsedBic) ? parsedBic : null,
            SequenceNumber = _legalSequence,
            ElectronicSequenceNumber = _electronicSequence,
            StatementId = _statementId,
            MessageId = messageId,
            CreationDate = _creationDate ?? messageDate,
            IsDuplicate = _duplicateIndicator is not null,
            DuplicateIndicator = _duplicateIndicator,
            OpeningBalance = _opening,
        };
    }

    /// <summary>Reads one <c>Ntry</c>; returns null for an entry that is not booked.</summary>
    public BankTransaction? ReadEntry(XElement entry, int entryIndex)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{statementPath}/Ntry[{entryIndex}]");
        if (ReadStatus(entry, path) != "BOOK")
        {
            _skippedCount++;
            return null;
        }

        var account = _statementAccount!;
        var amountElement = entry.Child("Amt") ?? throw CamtValues.Missing("Amt", entry, entry, path);
        var (amount, currency) = CamtValues.ReadAmount(amountElement, entry, path);
        var isCredit = CamtValues.ReadIsCredit(entry.Child("CdtDbtInd") ?? throw CamtValues.Missing("CdtDbtInd", entry, entry, path), entry, path);
        var signed = isCredit ? amount : -amount;
        var bookingDate = CamtValues.ReadDateChoice(entry.Child("BookgDt"), entry, path);
        var valueDate = CamtValues.ReadDateChoice(entry.Child("ValDt"), entry, path);
        var transactionDetails = entry.Children("NtryDtls").SelectMany(details => details.Children("TxDtls")).ToList();
        var single = transactionDetails.Count == 1 ? transactionDetails[0] : null;
        var parts = single is null ? CamtTransactionParts.Empty : CamtTransactionParts.Read(single, isCredit, version);
        currency ??= account.Currency;

        var details = new List<BankTransaction>();
        if (transactionDetails.Count > 1)
        {
            for (var i = 0; i < transactionDetails.Count; i++)
            {
                details.Add(ReadDetail(transactionDetails[i], entry, path, entryIndex, i + 1, isCredit, currency, bookingDate, valueDate));
            }
        }

        var transaction = new BankTransaction
        {
            LineNumber = entry.Line(),
            StatementIndex = statementIndex,
            SequenceNumber = entryIndex,
            DetailNumber = 0,
            Amount = signed,
            Currency = currency,
            ValueDate = valueDate,
            BookingDate = bookingDate,
            TransactionCode = ReadCode(entry.Child("BkTxCd")) ?? ReadCode(single?.Child("BkTxCd")),
            StructuredCommunication = parts.Structured,
            StructuredReference = parts.Reference,
            StructuredReferenceType = parts.ReferenceType,
            FreeCommunication = parts.Unstructured,
            AdditionalInformation = StatementText.Join(parts.AdditionalInformation, StatementText.Normalise(entry.Text("AddtlNtryInf"))),
            CounterpartyName = parts.CounterpartyName,
            CounterpartyAccount = parts.CounterpartyAccount,
            CounterpartyIban = parts.CounterpartyIban,
            CounterpartyBic = parts.CounterpartyBic,
            EndToEndId = parts.EndToEndId,
            BankReference = entry.Text("AcctSvcrRef") ?? parts.BankReference,
            ReturnReason = parts.ReturnReason,
            IsReversal = entry.Text("RvslInd") is "true" or "1",
            Globalisation = details.Count > 0 ? Globalisation.Batch : Globalisation.None,
            Details = details,
            Key = ComputeKey(bookingDate, valueDate, signed, parts),
        };

        _transactionCount++;
        if (isCredit)
        {
            _credits += amount;
        }
        else
        {
            _debits += amount;
        }

        _hashing.AddTransaction(transaction);
        return transaction;
    }

    /// <summary>Checks the balances and returns the summary of the statement.</summary>
    public StatementSummary BuildSummary(int endLine)
    {
        var account = _statementAccount!;
        foreach (var (balance, element) in _balances.Where(pair => ReferenceEquals(pair.Balance, _opening) || ReferenceEquals(pair.Balance, _closing)))
        {
            if (balance.Currency != account.Currency)
            {
                Check(CamtValues.Error(
                    StatementErrorCodes.CamtCurrencyMismatch,
                    $"The {balance.Type} balance is in {balance.Currency}, but the account is in {account.Currency}.",
                    element.Child("Amt") ?? element,
                    element,
                    statementPath + "/Bal",
                    balance.Currency).Issue);
            }
        }

        if (_opening is { IsBooked: true } opening && _closing is { IsBooked: true } closing)
        {
            var expected = opening.Amount + _credits - _debits;
            if (expected != closing.Amount)
            {
                var closingElement = _balances.First(pair => ReferenceEquals(pair.Balance, closing)).Element;
                Check(CamtValues.Error(
                    StatementErrorCodes.CamtBalanceMismatch,
                    $"Opening balance {Format(opening.Amount)} plus booked credits {Format(_credits)} minus booked debits {Format(_debits)} is {Format(expected)}, but the {closing.Type} balance is {Format(closing.Amount)}.",
                    closingElement,
                    closingElement,
                    statementPath + "/Bal",
                    Format(closing.Amount)).Issue);
            }
        }

        _hashing.AddBalance("close", _closing);
        foreach (var message in _freeMessages)
        {
            _hashing.AddLine("m|" + message);
        }

        var year = _closing?.Date?.Year ?? _periodEnd?.Year ?? _creationDate?.Year ?? messageDate?.Year;
        var key = _electronicSequence is { } sequence
            ? string.Create(CultureInfo.InvariantCulture, $"camt053|{account.Key}|{account.Currency}|{year}|{sequence}")
            : $"camt053|{account.Key}|{account.Currency}|id:{_statementId}";

        return new StatementSummary
        {
            LineNumber = endLine,
            StatementIndex = statementIndex,
            ClosingBalance = _closing,
            TransactionCount = _transactionCount,
            CreditTotal = _credits,
            DebitTotal = _debits,
            SkippedEntryCount = _skippedCount,
            SequenceYear = year,
            Key = new StatementKey(key),
            ContentFingerprint = _hashing.FinishFingerprint(),
            FreeMessages = [.. _freeMessages],
            Warnings = [.. _warnings],
        };
    }

    private BankTransaction ReadDetail(
        XElement detail,
        XElement entry,
        string entryPath,
        int entryIndex,
        int detailNumber,
        bool entryIsCredit,
        string currency,
        DateOnly? bookingDate,
        DateOnly? valueDate)
    {
        // camt.053.001.02 has no TxDtls/Amt; its amount sits in AmtDtls/TxAmt/Amt.
        var amountElement = (version >= 3 ? detail.Child("Amt") : null)
            ?? detail.Find("AmtDtls", "TxAmt", "Amt")
            ?? detail.Find("AmtDtls", "InstdAmt", "Amt")
            ?? throw CamtValues.Missing("AmtDtls/TxAmt/Amt", detail, entry, entryPath);
        var (amount, _) = CamtValues.ReadAmount(amountElement, entry, entryPath);
        var isCredit = detail.Child("CdtDbtInd") is { } indicator ? CamtValues.ReadIsCredit(indicator, entry, entryPath) : entryIsCredit;
        var signed = isCredit ? amount : -amount;
        var parts = CamtTransactionParts.Read(detail, isCredit, version);

        return new BankTransaction
        {
            LineNumber = detail.Line(),
            StatementIndex = statementIndex,
            SequenceNumber = entryIndex,
            DetailNumber = detailNumber,
            Amount = signed,
            Currency = currency,
            ValueDate = valueDate,
            BookingDate = bookingDate,
            TransactionCode = ReadCode(detail.Child("BkTxCd")),
            StructuredCommunication = parts.Structured,
            StructuredReference = parts.Reference,
            StructuredReferenceType = parts.ReferenceType,
            FreeCommunication = parts.Unstructured,
            AdditionalInformation = parts.AdditionalInformation,
            CounterpartyName = parts.CounterpartyName,
            CounterpartyAccount = parts.CounterpartyAccount,
            CounterpartyIban = parts.CounterpartyIban,
            CounterpartyBic = parts.CounterpartyBic,
            EndToEndId = parts.EndToEndId,
            BankReference = parts.BankReference,
            ReturnReason = parts.ReturnReason,
            Key = ComputeKey(bookingDate, valueDate, signed, parts),
        };
    }

    private TransactionKey ComputeKey(DateOnly? bookingDate, DateOnly? valueDate, decimal amount, CamtTransactionParts parts) =>
        _hashing.ComputeKey(
            _statementAccount!.Key,
            _statementAccount.Currency,
            bookingDate,
            valueDate,
            amount,
            parts.CounterpartyIban?.Value ?? parts.CounterpartyAccount,
            parts.Structured?.Digits ?? parts.Reference,
            parts.EndToEndId);

    /// <summary>
    /// Reads the entry status: a code directly in <c>Sts</c> up to camt.053.001.07, a choice of
    /// <c>Sts/Cd</c> or <c>Sts/Prtry</c> from 001.08 on.
    /// </summary>
    private static string? ReadStatus(XElement entry, string path)
    {
        var status = entry.Child("Sts") ?? throw CamtValues.Missing("Sts", entry, entry, path);
        return status.Text("Cd") ?? status.Text("Prtry") ?? StatementText.Normalise(status.Value);
    }

    private static BankTransactionCode? ReadCode(XElement? code)
    {
        if (code is null)
        {
            return null;
        }

        return new BankTransactionCode
        {
            Domain = code.Text("Domn", "Cd"),
            Family = code.Text("Domn", "Fmly", "Cd"),
            SubFamily = code.Text("Domn", "Fmly", "SubFmlyCd"),
            Proprietary = code.Text("Prtry", "Cd"),
            ProprietaryIssuer = code.Text("Prtry", "Issr"),
        };
    }

    private void ReadBalance(XElement element, string path)
    {
        var type = element.Text("Tp", "CdOrPrtry", "Cd") ?? element.Text("Tp", "CdOrPrtry", "Prtry")
            ?? throw CamtValues.Missing("Tp/CdOrPrtry/Cd", element, element, path);
        var amountElement = element.Child("Amt") ?? throw CamtValues.Missing("Amt", element, element, path);
        var (amount, currency) = CamtValues.ReadAmount(amountElement, element, path);
        var indicator = element.Child("CdtDbtInd") ?? throw CamtValues.Missing("CdtDbtInd", element, element, path);
        var signed = CamtValues.ReadIsCredit(indicator, element, path) ? amount : -amount;
        var date = CamtValues.ReadDateChoice(element.Child("Dt"), element, path);
        _balances.Add((new StatementBalance(signed, currency ?? _account?.Text("Ccy") ?? string.Empty, date, type), element));
    }

    /// <summary>
    /// Chooses the opening balance (OPBD, else PRCD, else OPAV) and the closing balance (CLBD,
    /// else CLAV). Available balances are reported but never checked against the entries.
    /// </summary>
    private void SelectBalances()
    {
        StatementBalance? First(string type) => _balances.Select(pair => pair.Balance).FirstOrDefault(balance => balance.Type == type);

        _opening = First("OPBD") ?? First("PRCD") ?? First("OPAV");
        _closing = First("CLBD") ?? First("CLAV");
    }

    private static long ReadNumber(XElement element, string path)
    {
        var text = element.Value.Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw CamtValues.Error(StatementErrorCodes.CamtInvalidNumber, $"'{text}' is not a whole number.", element, element, path, text);
        }

        return value;
    }

    private void Check(StatementIssue issue)
    {
        if (options.Validation == StatementValidation.Strict)
        {
            throw new StatementFormatException(issue);
        }

        _warnings.Add(issue);
    }

    private static string Format(decimal amount) => StatementHashing.FormatAmount(amount);
}
