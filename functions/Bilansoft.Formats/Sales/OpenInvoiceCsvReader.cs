using System.Globalization;
using System.Text;
using Bilansoft.Domain;
using Bilansoft.Domain.Identifiers;
using CsvHelper;

namespace Bilansoft.Formats.Sales;

/// <summary>A field of a row of open invoices.</summary>
public enum OpenInvoiceCsvField
{
    /// <summary>Invoice number (BT-1) in the previous tool.</summary>
    Number,

    /// <summary>Buyer name (BT-44).</summary>
    Customer,

    /// <summary>Invoice issue date (BT-2).</summary>
    InvoiceDate,

    /// <summary>Payment due date (BT-9), optional.</summary>
    DueDate,

    /// <summary>What the customer still owes, in euro.</summary>
    AmountOpen,

    /// <summary>Belgian structured communication (BT-83), optional.</summary>
    StructuredCommunication,
}

/// <summary>One invoice row of the file, with every value that could be read; a value that is empty or invalid is null.</summary>
/// <param name="Index">0-based position among the invoice rows, as in the path <c>rows[i]</c>.</param>
/// <param name="Line">1-based line of the file where the row starts.</param>
/// <param name="Number">Invoice number, trimmed.</param>
/// <param name="Customer">Customer name, trimmed.</param>
/// <param name="InvoiceDate">Issue date.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="AmountOpen">Open amount in euro.</param>
/// <param name="StructuredCommunication">Structured communication with valid check digits.</param>
public sealed record OpenInvoiceCsvRow(
    int Index,
    int Line,
    string? Number,
    string? Customer,
    DateOnly? InvoiceDate,
    DateOnly? DueDate,
    decimal? AmountOpen,
    StructuredCommunication? StructuredCommunication);

/// <summary>What <see cref="OpenInvoiceCsvReader.Read"/> found in a file: its rows and every rule they break.</summary>
/// <param name="Separator">The field separator detected.</param>
/// <param name="Encoding">The text encoding detected: <c>utf-8</c>, <c>utf-16</c> or <c>windows-1252</c>.</param>
/// <param name="Columns">The header name, as written in the file, of each field found.</param>
/// <param name="Rows">The invoice rows, blank rows left out.</param>
/// <param name="Violations">Every broken rule, in file order; empty when the file can be imported as it is.</param>
public sealed record OpenInvoiceCsvFile(
    char Separator,
    string Encoding,
    IReadOnlyDictionary<OpenInvoiceCsvField, string> Columns,
    IReadOnlyList<OpenInvoiceCsvRow> Rows,
    IReadOnlyList<RuleViolation> Violations);

/// <summary>
/// Reads a CSV file of open invoices exported from a previous tool or a spreadsheet, the way Belgian
/// users write them: <c>;</c>, <c>,</c> or tab as separator, header names in Dutch, French or
/// English, amounts with a decimal comma or point, thousands separators and a euro sign, dates as
/// <c>dd/MM/yyyy</c>, <c>dd-MM-yyyy</c>, <c>dd.MM.yyyy</c> or <c>yyyy-MM-dd</c>, in UTF-8 with or
/// without byte order mark, UTF-16 with one, or Windows-1252. Reading never throws on content: every
/// problem becomes a <see cref="RuleViolation"/> with codes from <see cref="OpenInvoiceCsvCodes"/>.
/// </summary>
public static class OpenInvoiceCsvReader
{
    /// <summary>Rows one file may hold by default.</summary>
    public const int DefaultMaxRows = 1000;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Code page 1252 is not available.");

    // Day first, as Belgians write dates, or ISO 8601; one-digit days and months as spreadsheets
    // often write them.
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d"];

    private static readonly OpenInvoiceCsvField[] RequiredFields =
        [OpenInvoiceCsvField.Number, OpenInvoiceCsvField.Customer, OpenInvoiceCsvField.InvoiceDate, OpenInvoiceCsvField.AmountOpen];

    /// <summary>
    /// The header names accepted for each field. They are compared without case, accents, spaces
    /// and punctuation, so <c>Échéance</c>, <c>echeance</c> and <c>Due date</c> all match.
    /// Columns with other names are ignored.
    /// </summary>
    public static IReadOnlyDictionary<OpenInvoiceCsvField, IReadOnlyList<string>> HeaderNames { get; } = new Dictionary<OpenInvoiceCsvField, IReadOnlyList<string>>
    {
        [OpenInvoiceCsvField.Number] = ["nummer", "factuurnummer", "factuurnr", "factuur", "nr", "numéro", "numéro de facture", "n° facture", "facture", "n°", "no", "number", "invoice number", "invoice no", "invoice"],
        [OpenInvoiceCsvField.Customer] = ["klant", "klantnaam", "naam", "client", "nom du client", "nom client", "nom", "customer", "customer name", "name"],
        [OpenInvoiceCsvField.InvoiceDate] = ["factuurdatum", "datum", "date", "date de facture", "date facture", "invoice date", "issue date"],
        [OpenInvoiceCsvField.DueDate] = ["vervaldag", "vervaldatum", "échéance", "date d'échéance", "date échéance", "due date"],
        [OpenInvoiceCsvField.AmountOpen] = ["openstaand", "openstaand bedrag", "saldo", "te ontvangen", "solde", "solde dû", "montant ouvert", "reste à payer", "amount open", "open amount", "amount due", "outstanding", "balance"],
        [OpenInvoiceCsvField.StructuredCommunication] = ["mededeling", "gestructureerde mededeling", "ogm", "communication", "communication structurée", "vcs", "ogm/vcs", "structured communication"],
    };

    private static readonly Dictionary<string, OpenInvoiceCsvField> FieldsByHeader = HeaderNames
        .SelectMany(pair => pair.Value.Select(name => (Key: NormalizeHeader(name), Field: pair.Key)))
        .ToDictionary(entry => entry.Key, entry => entry.Field, StringComparer.Ordinal);

    /// <summary>The name of a field in violation paths and API responses, such as <c>amountOpen</c>.</summary>
    public static string PathName(OpenInvoiceCsvField field) => field switch
    {
        OpenInvoiceCsvField.Number => "number",
        OpenInvoiceCsvField.Customer => "customer",
        OpenInvoiceCsvField.InvoiceDate => "invoiceDate",
        OpenInvoiceCsvField.DueDate => "dueDate",
        OpenInvoiceCsvField.AmountOpen => "amountOpen",
        _ => "structuredCommunication",
    };

    /// <summary>The path of a field of a row, such as <c>rows[2].amountOpen</c>.</summary>
    public static string PathOf(int index, OpenInvoiceCsvField field) =>
        string.Create(CultureInfo.InvariantCulture, $"rows[{index}].{PathName(field)}");

    /// <summary>Reads the file: detects its encoding and separator, maps the header and checks every row.</summary>
    /// <param name="content">The file as uploaded.</param>
    /// <param name="maxRows">Invoice rows accepted; one more is reported as <see cref="OpenInvoiceCsvCodes.TooManyRows"/>.</param>
    public static OpenInvoiceCsvFile Read(ReadOnlySpan<byte> content, int maxRows = DefaultMaxRows)
    {
        var text = Decode(content, out var encoding);
        var violations = new List<RuleViolation>();
        var (separator, headerLine) = DetectSeparator(text);
        if (headerLine is null)
        {
            violations.Add(new RuleViolation(OpenInvoiceCsvCodes.EmptyFile, "file"));
            return new OpenInvoiceCsvFile(separator, encoding, new Dictionary<OpenInvoiceCsvField, string>(), [], violations);
        }

        var malformedLines = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            // A stray quote inside a value, as in Café "De Kroon", is kept as text. Only a quote that
            // never closes is an error, because it swallows the rows after it.
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    malformedLines.Add(record.LineNumber);
                }
            },
        };
        using var reader = CsvReader.FromText(text[headerLine.Value..], options);
        var lineOffset = LineCount(text, headerLine.Value);
        var columns = MapHeader(reader.Headers, violations);

        var rows = new List<OpenInvoiceCsvRow>();
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var communications = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => Clean(reader.GetString(i))).ToArray();
            if (values.All(value => value.Length == 0))
            {
                continue;
            }

            if (rows.Count == maxRows)
            {
                violations.Add(new RuleViolation(OpenInvoiceCsvCodes.TooManyRows, "rows", Arguments(("maximum", maxRows))));
                break;
            }

            var line = (int)reader.LineNumber + lineOffset;
            var context = new RowContext(rows.Count, line, values, columns, violations);
            if (malformedLines.Contains(reader.LineNumber))
            {
                violations.Add(new RuleViolation(OpenInvoiceCsvCodes.MalformedLine, string.Create(CultureInfo.InvariantCulture, $"rows[{rows.Count}]"), Arguments(("line", line))));
                rows.Add(new OpenInvoiceCsvRow(rows.Count, line, null, null, null, null, null, null));
                continue;
            }

            var row = ReadRow(context);
            CheckUnique(context, OpenInvoiceCsvField.Number, row.Number, numbers, OpenInvoiceCsvCodes.DuplicateNumber);
            CheckUnique(context, OpenInvoiceCsvField.StructuredCommunication, row.StructuredCommunication?.ToString(), communications, OpenInvoiceCsvCodes.DuplicateStructuredCommunication);
            rows.Add(row);
        }

        if (rows.Count == 0 && columns.Count > 0)
        {
            violations.Add(new RuleViolation(OpenInvoiceCsvCodes.NoRows, "rows"));
        }

        var names = columns.ToDictionary(pair => pair.Key, pair => pair.Value.Name);
        return new OpenInvoiceCsvFile(separator, encoding, names, rows, violations);
    }

    /// <summary>
    /// Parses an amount as people write it: <c>1.234,56</c>, <c>1 234,56</c>, <c>1,234.56</c>,
    /// <c>€ 955,55</c>, <c>-12,5</c>. The separator that comes last is the decimal separator when
    /// both appear; a single separator that appears once is the decimal separator (so <c>1.234</c>
    /// is 1.234 and is then rejected for its 3 decimals rather than read as a thousand); one that
    /// appears several times separates thousands and must group 3 digits.
    /// </summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        amount = 0m;
        var compact = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Replace("EUR", string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            if (!char.IsWhiteSpace(c) && c != '€')
            {
                compact.Append(c);
            }
        }

        var value = compact.ToString();
        var negative = value.StartsWith('-');
        if (negative || value.StartsWith('+'))
        {
            value = value[1..];
        }

        var (integerPart, fraction) = SplitDecimals(value);
        if (integerPart is null || !TryRemoveGrouping(integerPart, out var digits) || (fraction is not null && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))))
        {
            return false;
        }

        var invariant = fraction is null ? digits : digits + "." + fraction;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    /// <summary>Parses a date written day first (<c>31/01/2026</c>, <c>31-1-2026</c>, <c>31.01.2026</c>) or as ISO 8601 (<c>2026-01-31</c>).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static OpenInvoiceCsvRow ReadRow(RowContext row)
    {
        var number = row.Required(OpenInvoiceCsvField.Number);
        var customer = row.Required(OpenInvoiceCsvField.Customer);
        var invoiceDate = ReadDate(row, OpenInvoiceCsvField.InvoiceDate);
        var dueDate = ReadDate(row, OpenInvoiceCsvField.DueDate);
        if (invoiceDate is { } issued && dueDate is { } due && due < issued)
        {
            row.Add(OpenInvoiceCsvField.DueDate, OpenInvoiceCsvCodes.DueDateBeforeInvoiceDate, ("dueDate", due), ("invoiceDate", issued));
        }

        return new OpenInvoiceCsvRow(row.Index, row.Line, number, customer, invoiceDate, dueDate, ReadAmount(row), ReadCommunication(row));
    }

    private static DateOnly? ReadDate(RowContext row, OpenInvoiceCsvField field)
    {
        var text = field == OpenInvoiceCsvField.InvoiceDate ? row.Required(field) : row.Value(field);
        if (text is null)
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        row.Add(field, OpenInvoiceCsvCodes.InvalidDate, ("column", row.ColumnName(field)), ("value", text));
        return null;
    }

    private static decimal? ReadAmount(RowContext row)
    {
        var text = row.Required(OpenInvoiceCsvField.AmountOpen);
        if (text is null)
        {
            return null;
        }

        if (!TryParseAmount(text, out var amount))
        {
            row.Add(OpenInvoiceCsvField.AmountOpen, OpenInvoiceCsvCodes.InvalidAmount, ("column", row.ColumnName(OpenInvoiceCsvField.AmountOpen)), ("value", text));
            return null;
        }

        if (amount <= 0m)
        {
            row.Add(OpenInvoiceCsvField.AmountOpen, OpenInvoiceCsvCodes.AmountNotPositive, ("value", text));
            return null;
        }

        if (amount != decimal.Round(amount, 2))
        {
            row.Add(OpenInvoiceCsvField.AmountOpen, OpenInvoiceCsvCodes.AmountTooPrecise, ("value", text));
            return null;
        }

        return amount;
    }

    private static StructuredCommunication? ReadCommunication(RowContext row)
    {
        var text = row.Value(OpenInvoiceCsvField.StructuredCommunication);
        if (text is null)
        {
            return null;
        }

        if (StructuredCommunication.TryParse(text, out var communication, out var error))
        {
            return communication;
        }

        row.Add(OpenInvoiceCsvField.StructuredCommunication, OpenInvoiceCsvCodes.InvalidStructuredCommunication, ("value", text), ("reason", error));
        return null;
    }

    private static void CheckUnique(RowContext row, OpenInvoiceCsvField field, string? value, Dictionary<string, int> seen, string code)
    {
        if (value is null)
        {
            return;
        }

        if (seen.TryGetValue(value, out var firstLine))
        {
            row.Add(field, code, ("value", value), ("firstLine", firstLine));
        }
        else
        {
            seen[value] = row.Line;
        }
    }

    private static Dictionary<OpenInvoiceCsvField, (int Index, string Name)> MapHeader(IReadOnlyList<string> headers, List<RuleViolation> violations)
    {
        var columns = new Dictionary<OpenInvoiceCsvField, (int Index, string Name)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = Clean(headers[i]);
            if (!FieldsByHeader.TryGetValue(NormalizeHeader(name), out var field))
            {
                continue;
            }

            if (columns.TryGetValue(field, out var first))
            {
                violations.Add(new RuleViolation(OpenInvoiceCsvCodes.DuplicateColumn, "header", Arguments(("column", name), ("other", first.Name))));
                continue;
            }

            columns[field] = (i, name);
        }

        foreach (var field in RequiredFields.Where(field => !columns.ContainsKey(field)))
        {
            violations.Add(new RuleViolation(OpenInvoiceCsvCodes.MissingColumn, "header", Arguments(
                ("column", PathName(field)),
                ("accepted", string.Join(", ", HeaderNames[field])))));
        }

        return columns;
    }

    // A byte order mark decides; otherwise UTF-8 when every byte sequence is valid UTF-8, which
    // text in Windows-1252 with accented letters almost never is.
    private static string Decode(ReadOnlySpan<byte> content, out string encoding)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = "utf-8";
            return Encoding.UTF8.GetString(content[3..]);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = "utf-16";
            return (content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(content[2..]);
        }

        try
        {
            encoding = "utf-8";
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            encoding = "windows-1252";
            return Windows1252.GetString(content);
        }
    }

    // The header line decides the separator, because header names never contain one, while data
    // lines may hold decimal commas. Excel's "sep=;" first line names it outright.
    private static (char Separator, int? HeaderStart) DetectSeparator(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOfAny(['\r', '\n'], position);
            var line = end < 0 ? text[position..] : text[position..end];
            var next = end < 0 ? text.Length : end + 1;
            if (line.Trim().Length == 0)
            {
                position = next;
                continue;
            }

            if (line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && line.Trim().Length == 5)
            {
                return (line.Trim()[4], next < text.Length && text[end] == '\r' && text[next] == '\n' ? next + 1 : next);
            }

            char[] candidates = [';', '\t', ','];
            var counts = candidates.Select(candidate => line.Count(c => c == candidate)).ToArray();
            var best = Array.IndexOf(counts, counts.Max());
            return (counts[best] == 0 ? ';' : candidates[best], position);
        }

        return (';', null);
    }

    private static int LineCount(string text, int end)
    {
        var lines = 0;
        for (var i = 0; i < end; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }

    private static (string? IntegerPart, string? Fraction) SplitDecimals(string value)
    {
        var lastDot = value.LastIndexOf('.');
        var lastComma = value.LastIndexOf(',');
        int separatorIndex;
        if (lastDot >= 0 && lastComma >= 0)
        {
            separatorIndex = Math.Max(lastDot, lastComma);
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            separatorIndex = value.Count(c => c == separator) == 1 ? Math.Max(lastDot, lastComma) : -1;
        }
        else
        {
            separatorIndex = -1;
        }

        return separatorIndex < 0 ? (value, null) : (value[..separatorIndex], value[(separatorIndex + 1)..]);
    }

    // Thousands separators ('.', ',' or an apostrophe) must split the digits into groups of 3 after
    // a first group of 1 to 3.
    private static bool TryRemoveGrouping(string integerPart, out string digits)
    {
        digits = string.Empty;
        var groups = integerPart.Split(['.', ',', '\'']);
        if (groups[0].Length == 0 || groups.Any(group => !group.All(char.IsAsciiDigit))
            || (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(group => group.Length != 3))))
        {
            return false;
        }

        digits = string.Concat(groups);
        return true;
    }

    private static string NormalizeHeader(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) || c == '°')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Spreadsheets pad with non-breaking spaces, which the CSV reader's trimming keeps.
    private static string Clean(string? value) => (value ?? string.Empty).Trim().Trim('\u00A0', '\u202F').Trim();

    private static Dictionary<string, object?> Arguments(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(argument => argument.Name, argument => argument.Value, StringComparer.Ordinal);

    private sealed class RowContext(int index, int line, string[] values, Dictionary<OpenInvoiceCsvField, (int Index, string Name)> columns, List<RuleViolation> violations)
    {
        public int Index => index;

        public int Line => line;

        public string ColumnName(OpenInvoiceCsvField field) => columns[field].Name;

        // The trimmed value, or null when the column is absent or the cell empty.
        public string? Value(OpenInvoiceCsvField field) =>
            columns.TryGetValue(field, out var column) && column.Index < values.Length && values[column.Index].Length > 0 ? values[column.Index] : null;

        // The value of a required column; an empty cell is reported, a missing column was reported with the header.
        public string? Required(OpenInvoiceCsvField field)
        {
            var value = Value(field);
            if (value is null && columns.ContainsKey(field))
            {
                Add(field, OpenInvoiceCsvCodes.ValueMissing, ("column", ColumnName(field)));
            }

            return value;
        }

        public void Add(OpenInvoiceCsvField field, string code, params (string Name, object? Value)[] arguments) =>
            violations.Add(new RuleViolation(code, PathOf(index, field), Arguments([("line", line), .. arguments])));
    }
}
