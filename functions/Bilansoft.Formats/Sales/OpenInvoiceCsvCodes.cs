namespace Bilansoft.Formats.Sales;

/// <summary>
/// Violation codes of <see cref="OpenInvoiceCsvReader"/>. Row violations have the path
/// <c>rows[i].{field}</c> (0-based data row) and the argument <c>line</c>, the 1-based line of
/// the file where the row starts, so messages can name the line a user sees in an editor.
/// </summary>
public static class OpenInvoiceCsvCodes
{
    /// <summary>The file holds nothing but blank lines; path <c>file</c>.</summary>
    public const string EmptyFile = "invoice-import.empty-file";

    /// <summary>A required column is not in the header; path <c>header</c>, arguments <c>column</c> and <c>accepted</c>.</summary>
    public const string MissingColumn = "invoice-import.missing-column";

    /// <summary>Two header names stand for the same field; path <c>header</c>, arguments <c>column</c> and <c>other</c>.</summary>
    public const string DuplicateColumn = "invoice-import.duplicate-column";

    /// <summary>The file has a header but no invoice rows; path <c>rows</c>.</summary>
    public const string NoRows = "invoice-import.no-rows";

    /// <summary>The file has more rows than one import takes; path <c>rows</c>, argument <c>maximum</c>.</summary>
    public const string TooManyRows = "invoice-import.too-many-rows";

    /// <summary>A row's quotes do not pair up, so its fields cannot be told apart; path <c>rows[i]</c>, argument <c>line</c>.</summary>
    public const string MalformedLine = "invoice-import.malformed-line";

    /// <summary>A required field is empty; arguments <c>line</c> and <c>column</c>.</summary>
    public const string ValueMissing = "invoice-import.value-missing";

    /// <summary>An amount is not a number; arguments <c>line</c>, <c>column</c> and <c>value</c>.</summary>
    public const string InvalidAmount = "invoice-import.invalid-amount";

    /// <summary>The open amount is zero or negative; arguments <c>line</c> and <c>value</c>.</summary>
    public const string AmountNotPositive = "invoice-import.amount-not-positive";

    /// <summary>The open amount has more than 2 decimals; arguments <c>line</c> and <c>value</c>.</summary>
    public const string AmountTooPrecise = "invoice-import.amount-too-precise";

    /// <summary>A date is in none of the accepted forms or does not exist; arguments <c>line</c>, <c>column</c> and <c>value</c>.</summary>
    public const string InvalidDate = "invoice-import.invalid-date";

    /// <summary>The due date is before the invoice date; arguments <c>line</c>, <c>dueDate</c> and <c>invoiceDate</c>.</summary>
    public const string DueDateBeforeInvoiceDate = "invoice-import.due-date-before-invoice-date";

    /// <summary>The structured communication is malformed or its check digits are wrong; arguments <c>line</c>, <c>value</c> and <c>reason</c>.</summary>
    public const string InvalidStructuredCommunication = "invoice-import.invalid-structured-communication";

    /// <summary>An earlier row has the same invoice number, compared without case; arguments <c>line</c>, <c>value</c> and <c>firstLine</c>.</summary>
    public const string DuplicateNumber = "invoice-import.duplicate-number";

    /// <summary>An earlier row has the same structured communication; arguments <c>line</c>, <c>value</c> and <c>firstLine</c>.</summary>
    public const string DuplicateStructuredCommunication = "invoice-import.duplicate-structured-communication";
}
