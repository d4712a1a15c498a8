using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Banking;

/// <summary>
/// One payment on a bank statement, in the form the matcher uses: a booked transaction, or one detail of
/// a batch that the bank booked as a single total.
/// </summary>
/// <param name="Id">Identifier of the payment in storage, unique among the payments matched together.</param>
/// <param name="Amount">Signed amount: positive for money in, negative for money out.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="BookingDate">Booking date, when known.</param>
/// <param name="StructuredCommunication">Structured communication sent in its own field, or null.</param>
/// <param name="Text">
/// Every free text of the payment joined with spaces: unstructured communication, additional
/// information and structured references that are not Belgian structured communications.
/// </param>
/// <param name="CounterpartyName">Name of the payer or payee, when known.</param>
/// <param name="CounterpartyIban">Account of the payer or payee, when it is a valid IBAN.</param>
public sealed record BankPayment(
    string Id,
    decimal Amount,
    string Currency,
    DateOnly? BookingDate,
    StructuredCommunication? StructuredCommunication,
    string? Text,
    string? CounterpartyName,
    Iban? CounterpartyIban)
{
    /// <summary>Whether money came in.</summary>
    public bool IsCredit => Amount > 0;
}
