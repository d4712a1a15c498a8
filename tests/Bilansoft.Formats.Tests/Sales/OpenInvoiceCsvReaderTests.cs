using System.Text;
using Bilansoft.Formats.Sales;

namespace Bilansoft.Formats.Tests.Sales;

public class OpenInvoiceCsvReaderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static OpenInvoiceCsvFile Read(string text) => OpenInvoiceCsvReader.Read(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1 234,56", 1234.56)]
    [InlineData("1\u00A0234,56", 1234.56)]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("€ 955,55", 955.55)]
    [InlineData("955,55 €", 955.55)]
    [InlineData("EUR 4000", 4000)]
    [InlineData("4000.00", 4000)]
    [InlineData("12,5", 12.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1,234,567.89", 1234567.89)]
    [InlineData("-12,50", -12.5)]
    [InlineData("1.234", 1.234)]
    public void TryParseAmount_CommonNotations_Parse(string text, decimal expected)
    {
        var parsed = OpenInvoiceCsvReader.TryParseAmount(text, out var amount);

        Assert.True(parsed, text);
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,23,4")]
    [InlineData("12.34.5")]
    [InlineData("1.2345,00")]
    [InlineData("12,")]
    [InlineData("1,2,3.4")]
    public void TryParseAmount_Garbage_Fails(string text)
    {
        Assert.False(OpenInvoiceCsvReader.TryParseAmount(text, out _), text);
    }

    [Theory]
    [InlineData("31/01/2026")]
    [InlineData("31-01-2026")]
    [InlineData("31.01.2026")]
    [InlineData("2026-01-31")]
    [InlineData("31/1/2026")]
    public void TryParseDate_AcceptedForms_Parse(string text)
    {
        Assert.True(OpenInvoiceCsvReader.TryParseDate(text, out var date), text);
        Assert.Equal(new DateOnly(2026, 1, 31), date);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("01/31/2026")]
    [InlineData("2026/01/31")]
    [InlineData("31/01/26")]
    public void TryParseDate_OtherForms_Fail(string text)
    {
        Assert.False(OpenInvoiceCsvReader.TryParseDate(text, out _), text);
    }

    [Theory]
    [InlineData("nummer;klant;factuurdatum;vervaldag;openstaand;mededeling", ';')]
    [InlineData("Numéro;Client;Date;Échéance;Solde;Communication", ';')]
    [InlineData("number,customer,invoiceDate,dueDate,amountOpen,structuredCommunication", ',')]
    [InlineData("Invoice number\tCustomer name\tInvoice date\tDue date\tAmount due\tStructured communication", '\t')]
    public void Header_InEachLanguage_MapsEveryField(string header, char separator)
    {
        var line = string.Join(separator, "F-1", "Klant NV", "02/01/2026", "01/02/2026", separator == ',' ? "\"4.000,00\"" : "4.000,00", "+++240/2838/42818+++");

        var file = Read(header + "\r\n" + line + "\r\n");

        Assert.Empty(file.Violations);
        Assert.Equal(separator, file.Separator);
        var row = Assert.Single(file.Rows);
        Assert.Equal("F-1", row.Number);
        Assert.Equal("Klant NV", row.Customer);
        Assert.Equal(new DateOnly(2026, 1, 2), row.InvoiceDate);
        Assert.Equal(new DateOnly(2026, 2, 1), row.DueDate);
        Assert.Equal(4000m, row.AmountOpen);
        Assert.Equal("240283842818", row.StructuredCommunication?.Digits);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void Utf8WithBom_ReadsAccents()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("numéro;client;date;solde\nF-2;Café Élise;03/01/2026;12,00\n")).ToArray();

        var file = OpenInvoiceCsvReader.Read(bytes);

        Assert.Empty(file.Violations);
        Assert.Equal("utf-8", file.Encoding);
        Assert.Equal("Café Élise", Assert.Single(file.Rows).Customer);
    }

    [Fact]
    public void Windows1252_IsReadWhenNotUtf8()
    {
        var bytes = Windows1252.GetBytes("numéro;client;date;échéance;solde\nF-3;Brasserie Ève;03/01/2026;02/02/2026;€ 1.000,00\n");

        var file = OpenInvoiceCsvReader.Read(bytes);

        Assert.Empty(file.Violations);
        Assert.Equal("windows-1252", file.Encoding);
        var row = Assert.Single(file.Rows);
        Assert.Equal("Brasserie Ève", row.Customer);
        Assert.Equal(1000m, row.AmountOpen);
    }

    [Fact]
    public void Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("nummer\tklant\tdatum\topenstaand\r\nF-4\tKlant\t2026-01-05\t10,00\r\n")).ToArray();

        var file = OpenInvoiceCsvReader.Read(bytes);

        Assert.Empty(file.Violations);
        Assert.Equal("utf-16", file.Encoding);
        Assert.Equal('\t', file.Separator);
        Assert.Equal(10m, Assert.Single(file.Rows).AmountOpen);
    }

    [Fact]
    public void ExcelSepLine_SetsSeparator()
    {
        var file = Read("sep=,\r\nnummer,klant,datum,openstaand\r\nF-5,Klant,05/01/2026,\"1,50\"\r\n");

        Assert.Empty(file.Violations);
        Assert.Equal(',', file.Separator);
        var row = Assert.Single(file.Rows);
        Assert.Equal(1.5m, row.AmountOpen);
        Assert.Equal(3, row.Line);
    }

    [Fact]
    public void BlankRows_AreSkipped_AndLinesStayTrue()
    {
        var file = Read("\r\nnummer;klant;datum;openstaand\r\n;;;\r\n\r\nF-6;Klant;05/01/2026;abc\r\n");

        var violation = Assert.Single(file.Violations);
        Assert.Equal(OpenInvoiceCsvCodes.InvalidAmount, violation.Code);
        Assert.Equal("rows[0].amountOpen", violation.Path);
        Assert.Equal(5, violation.Arguments["line"]);
        Assert.Equal("openstaand", violation.Arguments["column"]);
    }

    [Fact]
    public void EveryRowError_IsReported()
    {
        var text = string.Join("\n",
            "nummer;klant;factuurdatum;vervaldag;openstaand;mededeling",
            "F-1;;32/01/2026;;0;",
            "F-2;Klant;01/01/2026;31/12/2025;1,234;+++240/2838/42819+++",
            "f-1;Klant;01/01/2026;;12,00;+++240/2838/42818+++",
            "F-4;Klant;01/01/2026;;13,00;240283842818",
            "");

        var file = Read(text);

        var found = file.Violations.Select(v => (v.Path, v.Code, Line: (int)v.Arguments["line"]!)).ToList();
        Assert.Contains(("rows[0].customer", OpenInvoiceCsvCodes.ValueMissing, 2), found);
        Assert.Contains(("rows[0].invoiceDate", OpenInvoiceCsvCodes.InvalidDate, 2), found);
        Assert.Contains(("rows[0].amountOpen", OpenInvoiceCsvCodes.AmountNotPositive, 2), found);
        Assert.Contains(("rows[1].dueDate", OpenInvoiceCsvCodes.DueDateBeforeInvoiceDate, 3), found);
        Assert.Contains(("rows[1].amountOpen", OpenInvoiceCsvCodes.AmountTooPrecise, 3), found);
        Assert.Contains(("rows[1].structuredCommunication", OpenInvoiceCsvCodes.InvalidStructuredCommunication, 3), found);
        Assert.Contains(("rows[2].number", OpenInvoiceCsvCodes.DuplicateNumber, 4), found);
        Assert.Contains(("rows[3].structuredCommunication", OpenInvoiceCsvCodes.DuplicateStructuredCommunication, 5), found);
        Assert.Equal(8, found.Count);
    }

    [Fact]
    public void MissingRequiredColumns_AreNamed()
    {
        var file = Read("nummer;omschrijving;mededeling\nF-1;Werk;\n");

        var missing = file.Violations.Where(v => v.Code == OpenInvoiceCsvCodes.MissingColumn).Select(v => (string)v.Arguments["column"]!).ToList();
        Assert.Equal(["customer", "invoiceDate", "amountOpen"], missing);
        Assert.All(file.Violations, v => Assert.Equal("header", v.Path));
    }

    [Fact]
    public void TwoColumnsForOneField_AreReported()
    {
        var file = Read("nummer;klant;datum;factuurdatum;openstaand\nF-1;Klant;01/01/2026;01/01/2026;1,00\n");

        var violation = Assert.Single(file.Violations);
        Assert.Equal(OpenInvoiceCsvCodes.DuplicateColumn, violation.Code);
        Assert.Equal("factuurdatum", violation.Arguments["column"]);
        Assert.Equal("datum", violation.Arguments["other"]);
    }

    [Fact]
    public void EmptyFile_And_HeaderOnly_AreReported()
    {
        Assert.Equal(OpenInvoiceCsvCodes.EmptyFile, Assert.Single(Read("\r\n  \r\n").Violations).Code);
        Assert.Equal(OpenInvoiceCsvCodes.NoRows, Assert.Single(Read("nummer;klant;datum;openstaand\r\n").Violations).Code);
    }

    [Fact]
    public void RowsAboveTheMaximum_AreReportedOnce()
    {
        var text = "nummer;klant;datum;openstaand\n" + string.Concat(Enumerable.Range(1, 4).Select(i => $"F-{i};Klant;01/01/2026;1,00\n"));

        var file = OpenInvoiceCsvReader.Read(Encoding.UTF8.GetBytes(text), maxRows: 3);

        var violation = Assert.Single(file.Violations);
        Assert.Equal(OpenInvoiceCsvCodes.TooManyRows, violation.Code);
        Assert.Equal(3, violation.Arguments["maximum"]);
    }

    [Fact]
    public void QuotedValues_KeepSeparatorsAndLineBreaks()
    {
        var file = Read("nummer;klant;datum;openstaand\n\"F-7\";\"Peeters; Zonen\nBV\";01/01/2026;\"1.000,00\"\nF-8;Klant;01/01/2026;2,00\n");

        Assert.Empty(file.Violations);
        Assert.Equal("Peeters; Zonen\nBV", file.Rows[0].Customer);
        Assert.Equal(4, file.Rows[1].Line);
    }

    [Fact]
    public void StrayQuote_IsText_UnclosedQuote_IsReported()
    {
        var file = Read("nummer;klant;datum;openstaand\nF-9;Café \"De Kroon\";01/01/2026;1,00\nF-10;\"Klant;01/01/2026;2,00\nF-11;Klant;01/01/2026;3,00\n");

        Assert.Equal("Café \"De Kroon\"", file.Rows[0].Customer);
        var violation = Assert.Single(file.Violations);
        Assert.Equal(OpenInvoiceCsvCodes.MalformedLine, violation.Code);
        Assert.Equal("rows[1]", violation.Path);
        Assert.Equal(3, violation.Arguments["line"]);
    }

    [Fact]
    public void HeaderNames_AreUnique()
    {
        var all = OpenInvoiceCsvReader.HeaderNames.SelectMany(pair => pair.Value).ToList();

        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
