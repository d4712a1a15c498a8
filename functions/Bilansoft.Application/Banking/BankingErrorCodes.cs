namespace Bilansoft.Application.Banking;

/// <summary>
/// Problem and failure codes of bank accounts, statement imports and matching. Import failures
/// also use the readers' <c>StatementErrorCodes</c>.
/// </summary>
public static class BankingErrorCodes
{
    /// <summary>Problem: another bank account of the organisation has the IBAN.</summary>
    public const string BankAccountExists = "bank-account-exists";

    /// <summary>Problem: the account has statements, so it cannot be deleted.</summary>
    public const string BankAccountHasStatements = "bank-account-has-statements";

    /// <summary>Problem: the account is the organisation's own IBAN from its profile.</summary>
    public const string BankAccountIsOrganisationIban = "bank-account-is-organisation-iban";

    /// <summary>Violation: an account's IBAN cannot change.</summary>
    public const string IbanImmutable = "bank-account-iban-immutable";

    /// <summary>Violation: not a three-letter ISO 4217 code.</summary>
    public const string InvalidCurrency = "invalid-currency";

    /// <summary>Violation: the validation mode is not strict or lenient.</summary>
    public const string InvalidValidation = "invalid-validation";

    /// <summary>Violation: the status filter is not a match status.</summary>
    public const string InvalidMatchStatus = "invalid-match-status";

    /// <summary>Problem: a multipart upload has no file part.</summary>
    public const string MissingFile = "bank-statement-missing-file";

    /// <summary>Import failure: a statement names an account the organisation does not have.</summary>
    public const string UnknownAccount = "bank-statement.unknown-account";

    /// <summary>Import failure: the statement's currency differs from the account's.</summary>
    public const string CurrencyMismatch = "bank-statement.currency-mismatch";

    /// <summary>Import failure: an earlier import holds the same statement.</summary>
    public const string DuplicateStatement = "bank-statement.duplicate";

    /// <summary>Import failure: the webhook push could not be read any more.</summary>
    public const string InvalidPush = "bank-statement.invalid-push";

    /// <summary>Problem: the transaction has no match with that id.</summary>
    public const string MatchNotFound = "bank-match-not-found";

    /// <summary>Problem: the transaction is not processed by the match step yet.</summary>
    public const string MatchPending = "bank-match-pending";

    /// <summary>Problem: the webhook delivery failed verification.</summary>
    public const string WebhookUnverified = "bank-webhook-unverified";

    /// <summary>Violation of the webhook contract.</summary>
    public const string WebhookInvalid = "bank-webhook-invalid";
}
