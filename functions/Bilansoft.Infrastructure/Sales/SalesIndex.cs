using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>
/// The list index of sales documents. Azure Tables returns rows only in ascending row-key order,
/// so every document has four index rows in its organisation's partition, one per list order:
/// <c>salesidx|{kind}|{order}|{sort key}|{id}</c> with order <c>date-asc</c>, <c>date-desc</c>,
/// <c>number-asc</c> or <c>number-desc</c>. Each row carries the summary as plain properties
/// (amounts in integer cents), so a list reads index rows only, filters in the table service on
/// status, customer, dates and amount due, and pages by row key.
/// </summary>
/// <remarks>
/// The date key is <c>yyyyMMdd</c> of the issue date followed by the number key; the number key is
/// the year (4 digits), series index (1) and sequence (7), all zeros for a draft. Descending keys
/// take the nines' complement of every digit, and of the id's hex digits, so one ascending scan
/// returns the reverse order. An imported invoice has sequence 0, so it sorts before Bilansoft's
/// numbers of its year.
/// </remarks>
public static class SalesIndex
{
    /// <summary>Row-key kind of index rows.</summary>
    public const string Kind = "salesidx";

    /// <summary>Properties a list reads from an index row.</summary>
    public static IReadOnlyList<string> SummaryColumns { get; } =
    [
        "RowKey", "Id", "DocumentKind", "Status", "Number", "Communication", "CustomerId", "CustomerName", "Reference",
        "IssueDate", "DueDate", "NetCents", "VatCents", "TotalCents", "AmountDueCents", "Imported", "Search",
    ];

    private static readonly (SalesDocumentSort Sort, bool Descending)[] Orders =
    [
        (SalesDocumentSort.IssueDate, false),
        (SalesDocumentSort.IssueDate, true),
        (SalesDocumentSort.Number, false),
        (SalesDocumentSort.Number, true),
    ];

    /// <summary>The lowest row key of one kind in one order, for range queries and cursor checks.</summary>
    public static string Prefix(SalesDocumentKind kind, SalesDocumentSort sort, bool descending) =>
        $"{Kind}|{SalesKinds.Name(kind)}|{OrderName(sort, descending)}|";

    /// <summary>The date part of a row key in one order, to bound a range by issue date.</summary>
    public static string DateKey(DateOnly date, bool descending) => Digits(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), descending);

    /// <summary>The row keys of a document's four index rows.</summary>
    public static IReadOnlyList<string> RowKeysOf(SalesDocumentRecord record) =>
        [.. Orders.Select(order => RowKeyOf(record.Document, order.Sort, order.Descending))];

    /// <summary>The four index rows of a document, each with the summary properties.</summary>
    public static IReadOnlyList<TableEntity> RowsOf(string organisationId, SalesDocumentRecord record)
    {
        var rows = new List<TableEntity>(Orders.Length);
        foreach (var (sort, descending) in Orders)
        {
            var entity = new TableEntity(organisationId, RowKeyOf(record.Document, sort, descending));
            WriteSummary(entity, record);
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>Writes the summary of a document as plain properties, for index rows and the document row.</summary>
    public static void WriteSummary(TableEntity entity, SalesDocumentRecord record)
    {
        var document = record.Document;
        var totals = document.Totals;
        entity["Id"] = SalesIds.Format(document.Id);
        entity["DocumentKind"] = KindText(document.Kind);
        entity["Status"] = StatusText(document.Status);
        entity["Number"] = document.Number?.Text;
        entity["Communication"] = document.StructuredCommunication?.Digits;
        entity["CustomerId"] = string.IsNullOrEmpty(document.Customer.CustomerId) ? null : document.Customer.CustomerId;
        entity["CustomerName"] = document.Customer.Name;
        entity["Reference"] = document.Content.Reference;
        entity["IssueDate"] = DateText(document.Content.IssueDate);
        entity["DueDate"] = document.Content.DueDate is { } due ? DateText(due) : null;
        entity["NetCents"] = Cents(totals.TotalWithoutVat);
        entity["VatCents"] = Cents(totals.TotalVatAmount);
        entity["TotalCents"] = Cents(totals.TotalWithVat);
        entity["AmountDueCents"] = document.Kind == SalesDocumentKind.Invoice && !document.IsDraft ? Cents(document.AmountDue) : 0L;
        entity["Imported"] = record.Imported;
        entity["Search"] = string.Join('\n', document.Number?.Text, document.Customer.Name, document.Content.Reference).ToLowerInvariant();
    }

    /// <summary>Reads the summary back from an index row.</summary>
    public static SalesDocumentSummary ReadSummary(TableEntity entity) => new()
    {
        Id = SalesDocumentId.TryParse(entity.GetString("Id"), out var id) ? id : throw new InvalidDataException($"Index row {entity.RowKey} has no valid id."),
        Kind = Enum.Parse<SalesDocumentKind>(entity.GetString("DocumentKind"), ignoreCase: true),
        Status = Enum.Parse<SalesDocumentStatus>(entity.GetString("Status"), ignoreCase: true),
        Number = entity.GetString("Number"),
        StructuredCommunication = entity.GetString("Communication") is { } digits ? StructuredCommunication.Parse(digits) : null,
        CustomerId = entity.GetString("CustomerId"),
        CustomerName = entity.GetString("CustomerName") ?? string.Empty,
        Reference = entity.GetString("Reference"),
        IssueDate = ParseDate(entity.GetString("IssueDate")) ?? throw new InvalidDataException($"Index row {entity.RowKey} has no issue date."),
        DueDate = ParseDate(entity.GetString("DueDate")),
        NetAmount = Euro(entity.GetInt64("NetCents")),
        VatAmount = Euro(entity.GetInt64("VatCents")),
        Total = Euro(entity.GetInt64("TotalCents")),
        AmountDue = Euro(entity.GetInt64("AmountDueCents")),
        Imported = entity.GetBoolean("Imported") ?? false,
    };

    /// <summary>Whether the summary row's number, customer name or reference contains <paramref name="text"/>, without regard to case.</summary>
    public static bool Matches(TableEntity entity, string text) =>
        entity.GetString("Search")?.Contains(text.ToLowerInvariant(), StringComparison.Ordinal) == true;

    /// <summary>The status as stored in index rows, such as <c>partiallyPaid</c>.</summary>
    public static string StatusText(SalesDocumentStatus status) => JsonName(status.ToString());

    /// <summary>A date as stored in index rows, <c>yyyy-MM-dd</c>, which sorts and compares as text.</summary>
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount in euro as integer cents; amounts are already rounded to cents.</summary>
    public static long Cents(decimal amount) => decimal.ToInt64(decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero));

    private static decimal Euro(long? cents) => (cents ?? 0L) / 100m;

    private static string KindText(SalesDocumentKind kind) => JsonName(kind.ToString());

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string RowKeyOf(SalesDocument document, SalesDocumentSort sort, bool descending)
    {
        var date = DateKey(document.Content.IssueDate, descending);
        var number = Digits(NumberKey(document), descending);
        var id = Hex(SalesIds.Format(document.Id), descending);
        var key = sort == SalesDocumentSort.IssueDate ? $"{date}|{number}|{id}" : $"{number}|{date}|{id}";
        return Prefix(document.Kind, sort, descending) + key;
    }

    private static string NumberKey(SalesDocument document) => document.Number is { } number
        ? string.Create(CultureInfo.InvariantCulture, $"{number.Year:D4}{Math.Clamp(number.SeriesIndex, 0, 9):D1}{number.Sequence:D7}")
        : new string('0', 12);

    private static string OrderName(SalesDocumentSort sort, bool descending) =>
        (sort == SalesDocumentSort.IssueDate ? "date" : "number") + (descending ? "-desc" : "-asc");

    private static string Digits(string digits, bool complement)
    {
        if (!complement)
        {
            return digits;
        }

        var builder = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            builder.Append((char)('9' - (c - '0')));
        }

        return builder.ToString();
    }

    private static string Hex(string hex, bool complement)
    {
        if (!complement)
        {
            return hex;
        }

        var builder = new StringBuilder(hex.Length);
        foreach (var c in hex)
        {
            builder.Append((15 - Convert.ToInt32(c.ToString(), 16)).ToString("x", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Row key of the claim of an imported invoice's number, without regard to case.</summary>
    public static string ImportedNumberKey(string number) => RowKeys.For("imported", RowKeys.Escape(number.ToUpperInvariant()));
}
