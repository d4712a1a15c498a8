using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking;

/// <summary>
/// A booked movement on the account (CODA record 2.1 with detail number 0000 and its parts, or a
/// camt.053 <c>Ntry</c> with status <c>BOOK</c>), or one detail line of such a movement in
/// <see cref="Details"/>.
/// </summary>
/// <remarks>
/// Only top-level transactions are booked: they add up from the opening to the closing balance.
/// Details are never added to them, because the bank already booked their total. Use
/// <see cref="MatchingUnits"/> to get the lines that correspond to single payments.
/// </remarks>
public sealed record BankTransaction : StatementElement
{
    /// <summary>0-based position of the statement in the file.</summary>
    public required int StatementIndex { get; init; }

    /// <summary>
    /// Movement number within the statement: CODA positions 3–6, or the 1-based position of the
    /// camt.053 entry. Not unique beyond one statement.
    /// </summary>
    public required int SequenceNumber { get; init; }

    /// <summary>0 for a booked movement; 1 and up for its details.</summary>
    public required int DetailNumber { get; init; }

    /// <summary>Signed amount: positive for a credit (money in), negative for a debit.</summary>
    public required decimal Amount { get; init; }

    /// <summary>ISO 4217 currency of <see cref="Amount"/>.</summary>
    public required string Currency { get; init; }

    /// <summary>Value date, or null when the bank does not know it (CODA <c>000000</c>).</summary>
    public DateOnly? ValueDate { get; init; }

    /// <summary>Booking (entry) date.</summary>
    public DateOnly? BookingDate { get; init; }

    /// <summary>Bank transaction code.</summary>
    public BankTransactionCode? TransactionCode { get; init; }

    /// <summary>
    /// Belgian structured communication when the bank sent one with valid check digits (CODA types
    /// 101 and 102, camt.053 <c>SCOR</c> with issuer <c>BBA</c>).
    /// </summary>
    public StructuredCommunication? StructuredCommunication { get; init; }

    /// <summary>
    /// Structured reference as sent, also when it is not a valid Belgian structured communication:
    /// an ISO 11649 RF reference (CODA type 100), a structured communication with wrong check
    /// digits, or the content of other CODA structured types.
    /// </summary>
    public string? StructuredReference { get; init; }

    /// <summary>
    /// Kind of <see cref="StructuredReference"/>: the CODA structured communication type
    /// (<c>101</c>, <c>100</c>, <c>127</c>, …) or the camt.053 code and issuer (<c>SCOR/BBA</c>, <c>SCOR/ISO</c>).
    /// </summary>
    public string? StructuredReferenceType { get; init; }

    /// <summary>Unstructured communication, with runs of white space collapsed to one space.</summary>
    public string? FreeCommunication { get; init; }

    /// <summary>
    /// Further text from the bank: CODA information records 3.x other than counterparty data,
    /// camt.053 <c>AddtlTxInf</c>, <c>AddtlNtryInf</c> and <c>AddtlRmtInf</c>.
    /// </summary>
    public string? AdditionalInformation { get; init; }

    /// <summary>Name of the counterparty (the payer of a credit, the payee of a debit).</summary>
    public string? CounterpartyName { get; init; }

    /// <summary>Counterparty account as written in the file.</summary>
    public string? CounterpartyAccount { get; init; }

    /// <summary>Counterparty account when it is a valid IBAN.</summary>
    public Iban? CounterpartyIban { get; init; }

    /// <summary>BIC of the counterparty's bank, when present and valid.</summary>
    public Bic? CounterpartyBic { get; init; }

    /// <summary>End-to-end identification of a SEPA payment (CODA record 2.2 customer reference).</summary>
    public string? EndToEndId { get; init; }

    /// <summary>
    /// Reference of the bank for the movement (CODA positions 11–31, camt.053 <c>AcctSvcrRef</c>).
    /// Informative only: banks may change it without notice, so no key is built on it.
    /// </summary>
    public string? BankReference { get; init; }

    /// <summary>ISO return or reject reason of an R-transaction, such as <c>AC06</c>.</summary>
    public string? ReturnReason { get; init; }

    /// <summary>camt.053 <c>RvslInd</c>: the entry reverses an earlier one.</summary>
    public bool IsReversal { get; init; }

    /// <summary>How the <see cref="Details"/> relate to this transaction.</summary>
    public Globalisation Globalisation { get; init; }

    /// <summary>CODA globalisation code (record 2.1 position 125, 0–9); 0 for camt.053.</summary>
    public int GlobalisationCode { get; init; }

    /// <summary>Detail lines of a globalised movement. Empty for details themselves.</summary>
    public IReadOnlyList<BankTransaction> Details { get; init; } = [];

    /// <summary>
    /// Key of the transaction content, for finding the same transaction in another file. See
    /// <see cref="TransactionKey"/> for what it covers.
    /// </summary>
    public required TransactionKey Key { get; init; }

    /// <summary>
    /// The lines that stand for single payments: the details of a batch, otherwise the transaction
    /// itself. A breakdown of one payment (fees, capital and interest) is matched as one amount.
    /// </summary>
    public IEnumerable<BankTransaction> MatchingUnits =>
        Globalisation == Globalisation.Batch && Details.Count > 0 ? Details : [this];
}

/// <summary>How the details of a booked transaction relate to it.</summary>
public enum Globalisation
{
    /// <summary>A single movement without details.</summary>
    None = 0,

    /// <summary>
    /// A total of several payments, each listed as a detail: CODA transaction types 1 and 2
    /// (globalised by the customer or by the bank), a camt.053 entry with several <c>TxDtls</c>.
    /// </summary>
    Batch,

    /// <summary>
    /// One payment split into parts, such as capital and interest or an amount and its fees:
    /// CODA transaction type 3 with details of type 8.
    /// </summary>
    Breakdown,
}
