using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bilansoft.Formats.Banking;

/// <summary>
/// Builds the content keys of transactions and the fingerprint of a statement from normalised
/// field values, so the same content gives the same hash whatever the file looked like.
/// </summary>
internal sealed class StatementHashing : IDisposable
{
    private readonly IncrementalHash _fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _buffer = new(256);

    public static string NormaliseAccount(string account) =>
        string.Concat(account.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static string FormatAmount(decimal amount) =>
        amount.ToString("0.00##########", CultureInfo.InvariantCulture);

    public TransactionKey ComputeKey(
        string account,
        string currency,
        DateOnly? bookingDate,
        DateOnly? valueDate,
        decimal amount,
        string? counterpartyAccount,
        string? reference,
        string? endToEndId)
    {
        _buffer.Clear();
        _buffer.Append("tx1|").Append(account).Append('|').Append(currency).Append('|');
        AppendDate(bookingDate);
        AppendDate(valueDate);
        _buffer.Append(FormatAmount(amount)).Append('|');
        _buffer.Append(counterpartyAccount is null ? string.Empty : NormaliseAccount(counterpartyAccount)).Append('|');
        _buffer.Append(reference).Append('|').Append(endToEndId);

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(_buffer.ToString()), hash);
        return new TransactionKey(Convert.ToHexStringLower(hash[..16]));
    }

    public void AddLine(string line)
    {
        _fingerprint.AppendData(Encoding.UTF8.GetBytes(line));
        _fingerprint.AppendData("\n"u8);
    }

    public void AddBalance(string label, StatementBalance? balance) =>
        AddLine(balance is null
            ? $"{label}|"
            : $"{label}|{FormatAmount(balance.Amount)}|{balance.Currency}|{balance.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    public void AddTransaction(BankTransaction transaction)
    {
        AddLine(string.Join(
            '|',
            "t",
            transaction.SequenceNumber.ToString(CultureInfo.InvariantCulture),
            transaction.DetailNumber.ToString(CultureInfo.InvariantCulture),
            transaction.Key.Value,
            transaction.TransactionCode?.ToString(),
            transaction.FreeCommunication,
            transaction.CounterpartyName));
        foreach (var detail in transaction.Details)
        {
            AddTransaction(detail);
        }
    }

    /// <summary>Returns the fingerprint of everything added and starts a new one.</summary>
    public string FinishFingerprint() => Convert.ToHexStringLower(_fingerprint.GetHashAndReset());

    public void Dispose() => _fingerprint.Dispose();

    private void AppendDate(DateOnly? date)
    {
        if (date is { } value)
        {
            _buffer.Append(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        _buffer.Append('|');
    }
}
