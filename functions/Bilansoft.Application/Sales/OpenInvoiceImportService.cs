using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Domain;
using Bilansoft.Formats.Sales;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Application.Sales;

/// <summary>The outcome of a CSV import: every invoice of the file, created now or imported before.</summary>
/// <param name="Invoices">One result per row, in file order.</param>
public sealed record OpenInvoiceImportResult(IReadOnlyList<ImportedInvoiceResult> Invoices)
{
    /// <summary>Invoices this import created.</summary>
    public int Created => Invoices.Count(invoice => invoice.Created);

    /// <summary>Rows whose invoice number an earlier import holds already; they changed nothing.</summary>
    public int AlreadyImported => Invoices.Count(invoice => !invoice.Created);
}

/// <summary>
/// Imports a CSV file of open invoices from a previous tool, all or nothing: every row is checked
/// first and any broken rule rejects the whole file, then each row becomes an imported invoice
/// through <see cref="ImportedInvoiceService"/>. Importing the same file again creates nothing new,
/// because imported invoices are unique by number.
/// </summary>
public sealed partial class OpenInvoiceImportService
{
    /// <summary>Largest file accepted (1 MiB), far above 1,000 rows of about 100 bytes.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Rows one file may hold. Each row costs a few table round trips to check and to import, so
    /// the limit keeps a request well inside the HTTP timeout of the function host.
    /// </summary>
    public const int MaxRows = OpenInvoiceCsvReader.DefaultMaxRows;

    private readonly SalesDocuments _documents;
    private readonly ImportedInvoiceService _imports;
    private readonly ILogger<OpenInvoiceImportService> _logger;

    public OpenInvoiceImportService(SalesDocuments documents, ImportedInvoiceService imports, ILogger<OpenInvoiceImportService> logger)
    {
        _documents = documents;
        _imports = imports;
        _logger = logger;
    }

    /// <summary>Checks every row of the file and, when none breaks a rule, imports them in file order.</summary>
    /// <exception cref="ProblemException">
    /// Invalid with every broken rule (paths <c>header</c>, <c>rows</c>, <c>rows[i].{field}</c>); nothing is stored then.
    /// </exception>
    public async Task<OpenInvoiceImportResult> ImportAsync(OrganisationAccess access, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var file = OpenInvoiceCsvReader.Read(content.Span, MaxRows);
        var violations = file.Violations.ToList();
        violations.AddRange(await CheckAgainstStoredAsync(access.OrganisationId, file, cancellationToken));

        if (violations.Count > 0)
        {
            LogRejected(_logger, access.OrganisationId, violations.Count, file.Rows.Count);
            throw ProblemException.Invalid(violations);
        }

        // NOTE: rows are imported one by one, not in one transaction. Should a row fail now (a
        // document got the same structured communication since the check), the rows before it
        // stay imported, and importing the corrected file again skips them by number.
        var results = new List<ImportedInvoiceResult>(file.Rows.Count);
        foreach (var row in file.Rows)
        {
            results.Add(await _imports.ImportAsync(access, ToInput(row), cancellationToken));
        }

        var result = new OpenInvoiceImportResult(results);
        LogImported(_logger, access.OrganisationId, result.Created, result.AlreadyImported);
        return result;
    }

    // The rules a single row cannot show: lengths that ImportedInvoiceService enforces, and
    // structured communications that a stored document carries already. A row whose number was
    // imported before is skipped, because importing it again returns that invoice unchanged.
    private async Task<List<RuleViolation>> CheckAgainstStoredAsync(string organisationId, OpenInvoiceCsvFile file, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        foreach (var row in file.Rows)
        {
            CheckLength(violations, file, row, OpenInvoiceCsvField.Number, row.Number, ImportedInvoiceService.MaxNumberLength);
            CheckLength(violations, file, row, OpenInvoiceCsvField.Customer, row.Customer, ImportedInvoiceService.MaxCustomerNameLength);
            if (row.Number is null || await _documents.Store.FindImportedAsync(organisationId, row.Number, cancellationToken) is not null)
            {
                continue;
            }

            if (row.StructuredCommunication is { } communication
                && await _documents.Store.FindByStructuredCommunicationAsync(organisationId, communication, cancellationToken) is not null)
            {
                violations.Add(new RuleViolation(
                    SalesErrorCodes.ImportStructuredCommunicationInUse,
                    OpenInvoiceCsvReader.PathOf(row.Index, OpenInvoiceCsvField.StructuredCommunication),
                    new Dictionary<string, object?> { ["line"] = row.Line, ["value"] = communication.ToString() }));
            }
        }

        return violations;
    }

    private static void CheckLength(List<RuleViolation> violations, OpenInvoiceCsvFile file, OpenInvoiceCsvRow row, OpenInvoiceCsvField field, string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return;
        }

        violations.Add(new RuleViolation(SalesErrorCodes.ImportValueTooLong, OpenInvoiceCsvReader.PathOf(row.Index, field), new Dictionary<string, object?>
        {
            ["line"] = row.Line,
            ["column"] = file.Columns[field],
            ["length"] = value.Length,
            ["max"] = max,
        }));
    }

    private static ImportedInvoiceInput ToInput(OpenInvoiceCsvRow row) => new()
    {
        Number = row.Number,
        CustomerName = row.Customer,
        IssueDate = row.InvoiceDate,
        DueDate = row.DueDate,
        AmountOpen = row.AmountOpen,
        StructuredCommunication = row.StructuredCommunication?.ToString(),
    };

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "CSV import of {RowCount} rows in organisation {OrganisationId} was rejected with {ViolationCount} violations")]
    private static partial void LogRejected(ILogger logger, string organisationId, int violationCount, int rowCount);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "CSV import in organisation {OrganisationId}: {Created} invoices created, {AlreadyImported} imported before")]
    private static partial void LogImported(ILogger logger, string organisationId, int created, int alreadyImported);
}
