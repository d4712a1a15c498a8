using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilansoft.Functions.Tests.Sales;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Matching;

/// <summary>
/// <c>POST /api/orgs/{orgId}/invoices/import</c> with the CSV files Belgian users export from
/// previous tools and spreadsheets.
/// </summary>
public sealed class InvoiceCsvImportTests : IClassFixture<HostFixture>
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly HostFixture _fixture;

    public InvoiceCsvImportTests(HostFixture fixture) => _fixture = fixture;

    public static TheoryData<string, byte[]> Variations() => new()
    {
        { "Dutch headers, semicolons, decimal comma", Utf8("Nummer;Klant;Factuurdatum;Vervaldag;Openstaand;Mededeling\r\nF-1;Café Élise;02/01/2026;01/02/2026;1.234,56;+++240/2838/42818+++\r\n") },
        { "French headers, euro sign, dashes in dates", Utf8("Numéro;Client;Date;Échéance;Solde;Communication\nF-1;Café Élise;02-01-2026;01-02-2026;€ 1 234,56;240/2838/42818\n") },
        { "English headers, commas, decimal point, ISO dates", Utf8("number,customer,invoiceDate,dueDate,amountOpen,structuredCommunication\nF-1,Café Élise,2026-01-02,2026-02-01,\"1,234.56\",***240/2838/42818***\n") },
        { "comma separator, quoted decimal comma", Utf8("nummer,klant,datum,vervaldag,saldo,ogm\nF-1,\"Café Élise\",02/01/2026,01/02/2026,\"1.234,56\",240283842818\n") },
        { "UTF-8 with byte order mark", [.. Encoding.UTF8.GetPreamble(), .. Utf8("nummer;klant;datum;vervaldag;openstaand;mededeling\nF-1;Café Élise;02/01/2026;01/02/2026;1234,56;+++240/2838/42818+++\n")] },
        { "Windows-1252", Windows1252.GetBytes("numéro;client;date;échéance;solde;communication\r\nF-1;Café Élise;2/1/2026;1/2/2026;1.234,56 €;+++240/2838/42818+++\r\n") },
        { "tabs, extra columns, blank lines", Utf8("\r\nFactuurnummer\tOmschrijving\tKlantnaam\tFactuurdatum\tVervaldatum\tOpenstaand bedrag\tGestructureerde mededeling\r\n\r\nF-1\tWerken\tCafé Élise\t02.01.2026\t01.02.2026\tEUR 1.234,56\t+++240/2838/42818+++\r\n") },
    };

    [Theory]
    [MemberData(nameof(Variations))]
    public async Task Variation_ImportsTheInvoice(string variation, byte[] file)
    {
        using var api = await SalesApi.StartAsync(_fixture);

        using var response = await MatchingApi.ImportCsvAsync(api.Session, api.OrganisationId, file);

        var body = await SalesApi.ReadAsync(response, HttpStatusCode.OK);
        Assert.True(body.GetProperty("created").GetInt32() == 1, variation);
        var listed = Assert.Single(body.GetProperty("invoices").EnumerateArray());
        Assert.Equal("F-1", listed.GetProperty("number").GetString());
        Assert.Equal(1234.56m, listed.GetProperty("amountDue").GetDecimal());
        Assert.Equal("+++240/2838/42818+++", listed.GetProperty("structuredCommunication").GetString());
        var invoice = await MatchingApi.GetInvoiceAsync(api.Session, api.OrganisationId, listed.GetProperty("id").GetString()!);
        Assert.Equal("issued", invoice.GetProperty("status").GetString());
        Assert.True(invoice.GetProperty("imported").GetBoolean());
        Assert.Equal("Café Élise", invoice.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal("2026-01-02", invoice.GetProperty("issueDate").GetString());
        Assert.Equal("2026-02-01", invoice.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task SameFileAgain_CreatesNothing()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var file = Utf8("nummer;klant;datum;openstaand;mededeling\nA-1;Klant NV;05/01/2026;100,00;+++101/0000/00114+++\nA-2;Klant NV;06/01/2026;200,00;\n");

        var first = await MatchingApi.ImportCsvAcceptedAsync(api.Session, api.OrganisationId, Encoding.UTF8.GetString(file));
        var second = await MatchingApi.ImportCsvAcceptedAsync(api.Session, api.OrganisationId, Encoding.UTF8.GetString(file));

        Assert.Equal((2, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("alreadyImported").GetInt32()));
        Assert.Equal((0, 2), (second.GetProperty("created").GetInt32(), second.GetProperty("alreadyImported").GetInt32()));
        Assert.Equal(Ids(first), Ids(second));
        var listed = await api.GetAsync("invoices");
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task RowErrors_AllReported_NothingStored()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        await MatchingApi.ImportCsvAcceptedAsync(api.Session, api.OrganisationId, "nummer;klant;datum;openstaand;mededeling\nOLD-1;Klant;01/01/2026;5,00;+++101/0000/00215+++\n");
        var file = string.Join("\r\n",
            "nummer;klant;factuurdatum;vervaldag;openstaand;mededeling",
            "B-1;Klant NV;05/01/2026;04/02/2026;100,00;",
            "B-2;;31/02/2026;;abc;",
            "B-3;Klant NV;05/01/2026;01/01/2026;-5,00;+++101/0000/00203+++",
            "B-1;Klant NV;05/01/2026;;10,00;+++101/0000/00215+++",
            "");

        using var response = await MatchingApi.ImportCsvAsync(api.Session, api.OrganisationId, Utf8(file));

        var problem = await SalesApi.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(error => (error.GetProperty("path").GetString(), error.GetProperty("code").GetString()))
            .ToList();
        Assert.Contains(("rows[1].customer", "invoice-import.value-missing"), errors);
        Assert.Contains(("rows[1].invoiceDate", "invoice-import.invalid-date"), errors);
        Assert.Contains(("rows[1].amountOpen", "invoice-import.invalid-amount"), errors);
        Assert.Contains(("rows[2].dueDate", "invoice-import.due-date-before-invoice-date"), errors);
        Assert.Contains(("rows[2].amountOpen", "invoice-import.amount-not-positive"), errors);
        Assert.Contains(("rows[2].structuredCommunication", "invoice-import.invalid-structured-communication"), errors);
        Assert.Contains(("rows[3].number", "invoice-import.duplicate-number"), errors);
        Assert.Contains(("rows[3].structuredCommunication", "invoice-import.structured-communication-in-use"), errors);
        Assert.Equal(8, errors.Count);
        var messages = problem.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("message").GetString()).ToList();
        Assert.Contains("Regel 3: kolom 'klant' is leeg. Vul ze in.", messages);
        Assert.Contains(messages, message => message!.StartsWith("Regel 5: factuurnummer B-1 staat ook op regel 2.", StringComparison.Ordinal));
        var listed = await api.GetAsync("invoices");
        Assert.Single(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task MissingColumns_AreNamedInTheRequestedLanguage()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        using var request = new HttpRequestMessage(HttpMethod.Post, api.Path("invoices/import")) { Content = new ByteArrayContent(Utf8("numéro;montant\nF-1;12,00\n")) };
        request.Headers.AcceptLanguage.ParseAdd("fr");

        using var response = await api.Client.SendAsync(request);

        var problem = await SalesApi.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, error => Assert.Equal("header", error.GetProperty("path").GetString()));
        Assert.StartsWith("La ligne d'en-tête n'a pas de colonne pour customer.", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultipartUpload_ReadsTheFirstFile()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("note"), "comment" },
            { new ByteArrayContent(Utf8("nummer;klant;datum;openstaand\nM-1;Klant;01/01/2026;9,99\n")), "file", "open.csv" },
        };

        using var response = await api.Client.PostAsync(api.Path("invoices/import"), form);

        var body = await SalesApi.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(9.99m, Assert.Single(body.GetProperty("invoices").EnumerateArray()).GetProperty("amountDue").GetDecimal());
    }

    [Fact]
    public async Task OversizeFile_Returns413()
    {
        using var api = await SalesApi.StartAsync(_fixture);

        using var response = await MatchingApi.ImportCsvAsync(api.Session, api.OrganisationId, new byte[(1024 * 1024) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload-too-large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheFirstResponse()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var file = Utf8("nummer;klant;datum;openstaand\nK-1;Klant;01/01/2026;1,00\n");

        using var first = await MatchingApi.ImportCsvAsync(api.Session, api.OrganisationId, file, "import-k-1");
        using var replay = await MatchingApi.ImportCsvAsync(api.Session, api.OrganisationId, file, "import-k-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static List<string?> Ids(JsonElement result) =>
        [.. result.GetProperty("invoices").EnumerateArray().Select(invoice => invoice.GetProperty("id").GetString())];
}
