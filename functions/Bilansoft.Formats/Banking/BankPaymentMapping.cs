using Bilansoft.Domain.Banking;

namespace Bilansoft.Formats.Banking;

/// <summary>Turns booked transactions into the payments the matcher works on.</summary>
public static class BankPaymentMapping
{
    /// <summary>
    /// Returns the payments of a booked transaction: one per detail of a batch (so each detail can
    /// be matched to its own invoice), otherwise the transaction itself.
    /// </summary>
    /// <param name="transaction">A booked transaction.</param>
    /// <param name="transactionId">
    /// Id under which the transaction is stored. Details get <c>{transactionId}/{detail number}</c>.
    /// </param>
    public static IEnumerable<BankPayment> ToBankPayments(this BankTransaction transaction, string transactionId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(transactionId);

        foreach (var unit in transaction.MatchingUnits)
        {
            var id = ReferenceEquals(unit, transaction)
                ? transactionId
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{transactionId}/{unit.DetailNumber}");
            yield return ToBankPayment(unit, id);
        }
    }

    /// <summary>Returns the transaction or detail as one payment, with every text joined for searching.</summary>
    public static BankPayment ToBankPayment(this BankTransaction transaction, string id)
    {
        ArgumentNullException.ThrowIfNull(transaction);

        var reference = transaction.StructuredCommunication is null ? transaction.StructuredReference : null;
        return new BankPayment(
            id,
            transaction.Amount,
            transaction.Currency,
            transaction.BookingDate,
            transaction.StructuredCommunication,
            StatementText.Join(transaction.FreeCommunication, reference, transaction.AdditionalInformation),
            transaction.CounterpartyName,
            transaction.CounterpartyIban);
    }
}
