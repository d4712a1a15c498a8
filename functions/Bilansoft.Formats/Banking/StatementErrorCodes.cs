namespace Bilansoft.Formats.Banking;

/// <summary>
/// Stable codes of <see cref="StatementIssue"/>. Clients rely on them, so a released code never
/// changes meaning. Codes marked "integrity" are warnings in <see cref="StatementValidation.Lenient"/> mode.
/// </summary>
public static class StatementErrorCodes
{
    /// <summary>The stream is empty.</summary>
    public const string EmptyFile = "statement.empty-file";

    /// <summary>The first bytes match neither CODA nor camt.053.</summary>
    public const string UnknownFormat = "statement.unknown-format";

    /// <summary>A CODA record is not 128 characters long.</summary>
    public const string CodaRecordLength = "coda.record-length";

    /// <summary>A CODA record starts with an unknown record type.</summary>
    public const string CodaUnknownRecordType = "coda.unknown-record-type";

    /// <summary>A CODA record appears where the record order does not allow it.</summary>
    public const string CodaUnexpectedRecord = "coda.unexpected-record";

    /// <summary>A CODA continuation or information record does not belong to the movement before it.</summary>
    public const string CodaOrphanRecord = "coda.orphan-record";

    /// <summary>The CODA header version code (position 128) is not 2.</summary>
    public const string CodaUnsupportedVersion = "coda.unsupported-version";

    /// <summary>A numeric CODA field (amount, count, sequence) contains something other than digits.</summary>
    public const string CodaInvalidNumber = "coda.invalid-number";

    /// <summary>A CODA date is not a valid DDMMYY date.</summary>
    public const string CodaInvalidDate = "coda.invalid-date";

    /// <summary>A CODA code field (sign, account structure, next code) contains a value the layout does not define.</summary>
    public const string CodaInvalidField = "coda.invalid-field";

    /// <summary>The CODA file ends before the trailer record 9 of its last statement.</summary>
    public const string CodaTruncatedFile = "coda.truncated-file";

    /// <summary>Integrity: a next code (position 126) does not agree with the record that follows.</summary>
    public const string CodaContinuationMismatch = "coda.continuation-mismatch";

    /// <summary>Integrity: old balance plus the booked movements differs from the new balance.</summary>
    public const string CodaBalanceMismatch = "coda.balance-mismatch";

    /// <summary>Integrity: the record count in the trailer differs from the records read.</summary>
    public const string CodaTrailerCountMismatch = "coda.trailer-count-mismatch";

    /// <summary>Integrity: the debit total in the trailer differs from the booked debits.</summary>
    public const string CodaTrailerDebitMismatch = "coda.trailer-debit-mismatch";

    /// <summary>Integrity: the credit total in the trailer differs from the booked credits.</summary>
    public const string CodaTrailerCreditMismatch = "coda.trailer-credit-mismatch";

    /// <summary>Integrity: the account in the new balance record 8 differs from the one in record 1.</summary>
    public const string CodaAccountMismatch = "coda.account-mismatch";

    /// <summary>
    /// Warning only: the last record 9 is shorter than 128 characters but holds every checked
    /// field (positions 1–52); the rest is read as blanks.
    /// </summary>
    public const string CodaTruncatedTrailer = "coda.truncated-trailer";

    /// <summary>The XML is not well-formed, or ends early.</summary>
    public const string CamtInvalidXml = "camt.invalid-xml";

    /// <summary>The XML contains a document type declaration (DTD), which could declare entities.</summary>
    public const string CamtDtdProhibited = "camt.dtd-prohibited";

    /// <summary>The XML is not a camt.053 <c>Document/BkToCstmrStmt</c>.</summary>
    public const string CamtNotAStatement = "camt.not-a-statement";

    /// <summary>The camt.053 message version is outside 001.02 to 001.08.</summary>
    public const string CamtUnsupportedVersion = "camt.unsupported-version";

    /// <summary>A required element is missing.</summary>
    public const string CamtMissingElement = "camt.missing-element";

    /// <summary>A sequence number is not a whole number.</summary>
    public const string CamtInvalidNumber = "camt.invalid-number";

    /// <summary>An amount is not a non-negative decimal number.</summary>
    public const string CamtInvalidAmount = "camt.invalid-amount";

    /// <summary>A date or date-time cannot be read.</summary>
    public const string CamtInvalidDate = "camt.invalid-date";

    /// <summary>A code element (<c>CdtDbtInd</c>) holds a value the schema does not define.</summary>
    public const string CamtInvalidCode = "camt.invalid-code";

    /// <summary>Integrity: opening balance plus the booked entries differs from the closing balance.</summary>
    public const string CamtBalanceMismatch = "camt.balance-mismatch";

    /// <summary>Integrity: a balance is in another currency than the account.</summary>
    public const string CamtCurrencyMismatch = "camt.currency-mismatch";
}
