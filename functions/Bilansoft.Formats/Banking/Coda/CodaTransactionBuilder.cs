using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking.Coda;

/// <summary>Turns a fully read <see cref="CodaMovement"/> into a <see cref="BankTransaction"/>.</summary>
internal static class CodaTransactionBuilder
{
    public static BankTransaction Build(CodaMovement movement, int statementIndex, StatementAccount account, StatementHashing hashing)
    {
        movement.CloseInformation();
        var details = movement.Details.Select(detail => Build(detail, statementIndex, account, hashing)).ToArray();
        var communication = ReadCommunication(movement);
        var (counterpartyAccount, counterpartyIban) = movement.CounterpartyAccountZone is { } zone
            ? BelgianAccount.ReadCounterparty(zone)
            : (null, null);
        var reference = communication.Structured?.Digits ?? communication.Reference;

        return new BankTransaction
        {
            LineNumber = movement.LineNumber,
            StatementIndex = statementIndex,
            SequenceNumber = movement.Sequence,
            DetailNumber = movement.Detail,
            Amount = movement.Amount,
            Currency = account.Currency,
            ValueDate = movement.ValueDate,
            BookingDate = movement.BookingDate,
            TransactionCode = new BankTransactionCode { Coda = movement.TransactionCode },
            StructuredCommunication = communication.Structured,
            StructuredReference = communication.Reference,
            StructuredReferenceType = communication.Type,
            FreeCommunication = communication.Free,
            AdditionalInformation = StatementText.Normalise(movement.Information.ToString()),
            CounterpartyName = movement.CounterpartyName ?? movement.InformationCounterpartyName,
            CounterpartyAccount = counterpartyAccount,
            CounterpartyIban = counterpartyIban,
            CounterpartyBic = Bic.TryParse(movement.CounterpartyBic, out var bic) ? bic : null,
            EndToEndId = movement.EndToEndId,
            BankReference = movement.BankReference,
            ReturnReason = movement.ReturnReason,
            GlobalisationCode = movement.GlobalisationCode,
            Globalisation = details.Length == 0 ? Globalisation.None : ClassifyDetails(movement.TransactionCode),
            Details = details,
            Key = hashing.ComputeKey(
                account.Key,
                account.Currency,
                movement.BookingDate,
                movement.ValueDate,
                movement.Amount,
                counterpartyIban?.Value ?? counterpartyAccount,
                reference,
                movement.EndToEndId),
        };
    }

    /// <summary>
    /// Classifies details by CODA transaction type. Types 1 and 2 are totals of several payments,
    /// globalised by the customer or the bank. Type 3 is one amount with a breakdown in details of type 8.
    /// </summary>
    private static Globalisation ClassifyDetails(string transactionCode) =>
        transactionCode[0] is '1' or '2' ? Globalisation.Batch : Globalisation.Breakdown;

    /// <summary>
    /// Splits the communication of records 2.1, 2.2 and 2.3. A structured communication starts
    /// with its 3-digit type: 101 and 102 carry the 12 digits of a Belgian structured communication,
    /// 100 an ISO 11649 RF reference, other types their own layouts, kept as text.
    /// </summary>
    private static (StructuredCommunication? Structured, string? Reference, string? Type, string? Free) ReadCommunication(CodaMovement movement)
    {
        var text = movement.Communication.ToString();
        if (!movement.IsStructured)
        {
            return (null, null, null, StatementText.Normalise(text));
        }

        var type = text[..3];
        var content = text.AsSpan(3);
        if (type is "101" or "102")
        {
            var digits = content[..Math.Min(12, content.Length)].Trim().ToString();
            var structured = StructuredCommunication.TryParse(digits, out var parsed) ? parsed : (StructuredCommunication?)null;
            return (structured, digits, type, StatementText.Normalise(content[Math.Min(12, content.Length)..]));
        }

        return (null, StatementText.Normalise(content), type, null);
    }
}
