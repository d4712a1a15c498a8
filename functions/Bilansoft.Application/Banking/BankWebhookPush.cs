using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bilansoft.Application.Platform;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Application.Banking;

/// <summary>
/// Body of <c>POST /api/webhooks/bank/{orgId}</c>: transactions of one account that a bank or an
/// aggregator pushes. Amounts are signed JSON numbers (positive money in, negative money out),
/// dates are ISO 8601 <c>yyyy-MM-dd</c>.
/// </summary>
/// <param name="Id">Id of the push, unique per sender; a push with a known id is a replay.</param>
/// <param name="Account">The organisation's account the transactions were booked on.</param>
/// <param name="Transactions">1 to <see cref="MaxTransactions"/> booked transactions.</param>
public sealed record BankWebhookPush(string? Id, BankWebhookAccount? Account, IReadOnlyList<BankWebhookTransaction>? Transactions)
{
    /// <summary>Most transactions one push may carry.</summary>
    public const int MaxTransactions = 1000;

    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Reads the push id without validating anything else, for the replay check; null when absent or unreadable.</summary>
    public static string? TryReadId(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= 256 } id ? id : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the push has no id to check replays with; the contract check rejects it later.
        }

        return null;
    }

    /// <summary>Reads and checks a push; returns it, or every broken rule.</summary>
    public static (ValidatedPush? Push, IReadOnlyList<RuleViolation> Violations) Read(ReadOnlySpan<byte> body)
    {
        BankWebhookPush? push;
        try
        {
            push = JsonSerializer.Deserialize<BankWebhookPush>(body, Json);
        }
        catch (JsonException exception)
        {
            return (null, [new RuleViolation(BankingErrorCodes.WebhookInvalid, exception.Path ?? "$", new Dictionary<string, object?>
            {
                ["line"] = (exception.LineNumber ?? 0) + 1,
                ["position"] = (exception.BytePositionInLine ?? 0) + 1,
            })]);
        }

        return push is null ? (null, [new RuleViolation("required", "$")]) : push.Validate();
    }

    private (ValidatedPush? Push, IReadOnlyList<RuleViolation> Violations) Validate()
    {
        var rules = new InputRules();
        var id = rules.Required(Id, "id", 256);
        var iban = rules.Iban(Account?.Iban, "account.iban");
        if (string.IsNullOrWhiteSpace(Account?.Iban))
        {
            rules.Add("required", "account.iban");
        }

        var currency = CurrencyOf(rules, Account?.Currency, "account.currency") ?? "EUR";
        if (Transactions is not { Count: > 0 and <= MaxTransactions })
        {
            rules.Add(BankingErrorCodes.WebhookInvalid, "transactions", new Dictionary<string, object?> { ["count"] = Transactions?.Count ?? 0, ["max"] = MaxTransactions });
        }

        var transactions = new List<ValidatedPushTransaction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (Transactions?.Count ?? 0); i++)
        {
            if (ValidateTransaction(rules, Transactions![i], $"transactions[{i}]", currency, seen) is { } transaction)
            {
                transactions.Add(transaction);
            }
        }

        return rules.IsValid ? (new ValidatedPush(id, iban!.Value, currency, transactions), []) : (null, rules.Violations);
    }

    private static ValidatedPushTransaction? ValidateTransaction(InputRules rules, BankWebhookTransaction? transaction, string path, string currency, HashSet<string> seen)
    {
        if (transaction is null)
        {
            rules.Add("required", path);
            return null;
        }

        var id = rules.Required(transaction.Id, path + ".id", 128);
        if (id.Length > 0 && !seen.Add(id))
        {
            rules.Add(BankingErrorCodes.WebhookInvalid, path + ".id", new Dictionary<string, object?> { ["value"] = id });
        }

        if (transaction.Amount is not { } amount || amount == 0 || decimal.Round(amount, 2) != amount)
        {
            rules.Add(BankingErrorCodes.WebhookInvalid, path + ".amount", new Dictionary<string, object?> { ["value"] = transaction.Amount });
        }

        if (CurrencyOf(rules, transaction.Currency, path + ".currency") is { } own && own != currency)
        {
            rules.Add(BankingErrorCodes.CurrencyMismatch, path + ".currency", new Dictionary<string, object?> { ["value"] = own, ["expected"] = currency });
        }

        if (transaction.BookingDate is null)
        {
            rules.Add("required", path + ".bookingDate");
        }

        StructuredCommunication? structured = null;
        if (!string.IsNullOrWhiteSpace(transaction.StructuredCommunication))
        {
            if (StructuredCommunication.TryParse(transaction.StructuredCommunication, out var parsed, out var error))
            {
                structured = parsed;
            }
            else
            {
                rules.Add("invalid-structured-communication", path + ".structuredCommunication", new Dictionary<string, object?>
                {
                    ["value"] = transaction.StructuredCommunication,
                    ["reason"] = error,
                });
            }
        }

        var communication = rules.Optional(transaction.Communication, path + ".communication", 1000);
        var name = rules.Optional(transaction.Counterparty?.Name, path + ".counterparty.name", 140);
        var counterpartyIban = rules.Iban(transaction.Counterparty?.Iban, path + ".counterparty.iban");
        var endToEndId = rules.Optional(transaction.EndToEndId, path + ".endToEndId", 35);
        return new ValidatedPushTransaction(id, transaction.Amount ?? 0, transaction.BookingDate ?? default, transaction.ValueDate, structured, communication, name, counterpartyIban, endToEndId);
    }

    private static string? CurrencyOf(InputRules rules, string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length != 3 || !value.All(char.IsAsciiLetterUpper))
        {
            rules.Add(BankingErrorCodes.InvalidCurrency, path, new Dictionary<string, object?> { ["value"] = value });
            return null;
        }

        return value;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 8,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The account of a push.</summary>
/// <param name="Iban">IBAN of one of the organisation's bank accounts.</param>
/// <param name="Currency">ISO 4217 currency of the account; <c>EUR</c> when absent.</param>
public sealed record BankWebhookAccount(string? Iban, string? Currency);

/// <summary>One booked transaction of a push.</summary>
/// <param name="Id">The sender's transaction id, 1 to 128 characters; a known id is not stored again.</param>
/// <param name="Amount">Signed amount with at most two decimals: positive money in, negative money out.</param>
/// <param name="Currency">ISO 4217 currency; must be the account's when given.</param>
/// <param name="BookingDate">Booking date.</param>
/// <param name="ValueDate">Value date, when known.</param>
/// <param name="StructuredCommunication">Belgian structured communication in any notation, when the payer used one.</param>
/// <param name="Communication">Free text, when the payer wrote one.</param>
/// <param name="Counterparty">Payer of a credit, payee of a debit.</param>
/// <param name="EndToEndId">SEPA end-to-end id, when known.</param>
public sealed record BankWebhookTransaction(
    string? Id,
    decimal? Amount,
    string? Currency,
    DateOnly? BookingDate,
    DateOnly? ValueDate,
    string? StructuredCommunication,
    string? Communication,
    BankWebhookCounterparty? Counterparty,
    string? EndToEndId);

/// <summary>Counterparty of a pushed transaction.</summary>
public sealed record BankWebhookCounterparty(string? Name, string? Iban);

/// <summary>A push that passed every check.</summary>
public sealed record ValidatedPush(string Id, Iban Iban, string Currency, IReadOnlyList<ValidatedPushTransaction> Transactions)
{
    /// <summary>
    /// Returns a transaction as the readers would have read it from a file, with the readers'
    /// content key, so the same transaction is found again in a later CODA or camt.053 file.
    /// </summary>
    public BankTransaction ToBankTransaction(ValidatedPushTransaction transaction, int sequenceNumber) => new()
    {
        StatementIndex = 0,
        SequenceNumber = sequenceNumber,
        DetailNumber = 0,
        Amount = transaction.Amount,
        Currency = Currency,
        BookingDate = transaction.BookingDate,
        ValueDate = transaction.ValueDate,
        StructuredCommunication = transaction.StructuredCommunication,
        FreeCommunication = transaction.Communication,
        CounterpartyName = transaction.CounterpartyName,
        CounterpartyIban = transaction.CounterpartyIban,
        CounterpartyAccount = transaction.CounterpartyIban?.Value,
        EndToEndId = transaction.EndToEndId,
        Key = ContentKey(transaction),
    };

    // The same recipe as the readers' TransactionKey (Bilansoft.Formats StatementHashing): SHA-256
    // over "tx1|account|currency|booking|value|amount|counterparty|reference|end-to-end id", first
    // 16 bytes in lowercase hex. A test compares it with a key the CODA reader computes.
    private TransactionKey ContentKey(ValidatedPushTransaction transaction)
    {
        var text = string.Join(
            '|',
            "tx1",
            Iban.Value,
            Currency,
            transaction.BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            transaction.ValueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            transaction.Amount.ToString("0.00##########", CultureInfo.InvariantCulture),
            transaction.CounterpartyIban?.Value ?? string.Empty,
            transaction.StructuredCommunication?.Digits ?? string.Empty,
            transaction.EndToEndId ?? string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new TransactionKey(Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }
}

/// <summary>A pushed transaction that passed every check.</summary>
public sealed record ValidatedPushTransaction(
    string Id,
    decimal Amount,
    DateOnly BookingDate,
    DateOnly? ValueDate,
    StructuredCommunication? StructuredCommunication,
    string? Communication,
    string? CounterpartyName,
    Iban? CounterpartyIban,
    string? EndToEndId);
