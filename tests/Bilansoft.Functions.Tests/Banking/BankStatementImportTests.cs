using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Banking;

public sealed class BankStatementImportTests : IClassFixture<HostFixture>
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private readonly HostFixture _fixture;

    public BankStatementImportTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Coda_ValidStatement_IsProcessedWithBalances()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var file = CodaFile.Build(12, Day, 1000m,
        [
            new CodaMovement(250.50m, StructuredCommunication: "123456789002"),
            new CodaMovement(-40m, FreeText: "Huur maart"),
            new CodaMovement(99.99m, FreeText: "Factuur 2026-0007"),
        ]);

        var import = await BankingApi.ImportAsync(owner, organisation, file);

        Assert.Equal("processed", import.GetProperty("status").GetString());
        Assert.Equal("coda", import.GetProperty("format").GetString());
        Assert.Equal("statement.cod", import.GetProperty("fileName").GetString());
        var statement = Assert.Single(import.GetProperty("statements").EnumerateArray());
        Assert.Equal("BE68 5390 0754 7034", statement.GetProperty("account").GetString());
        Assert.Equal(12, statement.GetProperty("sequence").GetInt64());
        Assert.Equal(1000m, statement.GetProperty("openingBalance").GetDecimal());
        Assert.Equal(1310.49m, statement.GetProperty("closingBalance").GetDecimal());
        Assert.Equal("2026-03-01", statement.GetProperty("openingDate").GetString());
        Assert.Equal("2026-03-02", statement.GetProperty("closingDate").GetString());
        var transactions = import.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal([250.50m, -40m, 99.99m], transactions.Select(t => t.GetProperty("amount").GetDecimal()));
        Assert.Equal("+++123/4567/89002+++", transactions[0].GetProperty("structuredCommunication").GetString());
        Assert.Equal("KLANT NV", transactions[0].GetProperty("counterpartyName").GetString());
        Assert.Equal("BE94 7350 0123 4514", transactions[0].GetProperty("counterpartyIban").GetString());
        Assert.Equal("Huur maart", transactions[1].GetProperty("communication").GetString());
        Assert.Equal("2026-03-02", transactions[1].GetProperty("valueDate").GetString());
    }

    [Fact]
    public async Task Coda_ValidStatement_MovesTheAccountAndRunsTheMatchStep()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var file = CodaFile.Build(7, Day, 500m, [new CodaMovement(125m, StructuredCommunication: "123456789002")]);

        var importId = await BankingApi.UploadAcceptedAsync(owner, organisation, file);
        var matched = await BankingApi.WaitForMatchingAsync(owner, organisation, importId);

        var account = Assert.Single(await owner.Client.GetFromJsonAsync<JsonElement[]>($"api/orgs/{organisation}/bank-accounts") ?? []);
        Assert.Equal(7, account.GetProperty("lastSequence").GetInt64());
        Assert.Equal(625m, account.GetProperty("balance").GetDecimal());
        Assert.Equal("2026-03-02", account.GetProperty("balanceDate").GetString());
        var match = Assert.Single(matched.GetProperty("transactions").EnumerateArray()).GetProperty("match");
        Assert.Equal("unmatched", match.GetProperty("status").GetString());
        Assert.Equal(125m, match.GetProperty("unallocatedAmount").GetDecimal());
        Assert.Single(await BankingApi.ListTransactionsAsync(owner, organisation, "unmatched"));
    }

    [Fact]
    public async Task Camt_MultiStatementSample_IsProcessed()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await BankingApi.AddAccountAsync(owner, organisation, "NL26VAYB8060476890");
        var file = await File.ReadAllBytesAsync(BankingApi.SamplePath("genkgo-camt053v02-multi-statement.xml"));

        var import = await BankingApi.ImportAsync(owner, organisation, file, "camt.xml");

        Assert.Equal("processed", import.GetProperty("status").GetString());
        Assert.Equal("camt053", import.GetProperty("format").GetString());
        var statements = import.GetProperty("statements").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal(18.15m, statements[0].GetProperty("openingBalance").GetDecimal());
        Assert.Equal(27.00m, statements[0].GetProperty("closingBalance").GetDecimal());
        Assert.Equal(27.00m, statements[1].GetProperty("openingBalance").GetDecimal());
        Assert.Equal(20.00m, statements[1].GetProperty("closingBalance").GetDecimal());
        var transactions = import.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal(statements.Sum(s => s.GetProperty("transactionCount").GetInt32()), transactions.Count);
        Assert.Equal(20.00m - 18.15m, transactions.Sum(t => t.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task SameFileAgain_FailsNamingTheFirstImport()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var file = CodaFile.Build(30, Day, 0m, [new CodaMovement(10m, FreeText: "een"), new CodaMovement(20m, FreeText: "twee")]);
        var first = await BankingApi.ImportAsync(owner, organisation, file);
        var storedBefore = await BankingApi.ListTransactionsAsync(owner, organisation);

        var second = await BankingApi.ImportAsync(owner, organisation, file, "again.cod");

        var firstId = first.GetProperty("id").GetString();
        Assert.Equal("failed", second.GetProperty("status").GetString());
        var reason = second.GetProperty("reason");
        Assert.Equal("bank-statement.duplicate", reason.GetProperty("code").GetString());
        Assert.Equal(firstId, reason.GetProperty("earlierImportId").GetString());
        Assert.True(reason.GetProperty("sameContent").GetBoolean());
        Assert.Contains(firstId!, reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(second.GetProperty("statements").EnumerateArray());
        Assert.Equal(storedBefore.Count, (await BankingApi.ListTransactionsAsync(owner, organisation)).Count);
    }

    [Fact]
    public async Task SameStatementWithOtherContent_IsStillADuplicate()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var first = await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(31, Day, 0m, [new CodaMovement(10m, FreeText: "een")]));

        var reissued = await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(31, Day, 0m, [new CodaMovement(11m, FreeText: "een")]));

        var reason = reissued.GetProperty("reason");
        Assert.Equal("bank-statement.duplicate", reason.GetProperty("code").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), reason.GetProperty("earlierImportId").GetString());
        Assert.False(reason.GetProperty("sameContent").GetBoolean());
    }

    [Fact]
    public async Task OverlappingStatement_SkipsTransactionsAlreadyStored()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var shared = new CodaMovement(75m, StructuredCommunication: "123456789002");
        await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(40, Day, 0m, [new CodaMovement(5m, FreeText: "eerste"), shared]));

        var overlapping = await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(41, Day, 80m, [shared, new CodaMovement(9m, FreeText: "nieuw")]));

        Assert.Equal("processed", overlapping.GetProperty("status").GetString());
        Assert.Equal(1, overlapping.GetProperty("transactionCount").GetInt32());
        Assert.Equal(1, overlapping.GetProperty("skippedTransactionCount").GetInt32());
        Assert.Equal(9m, Assert.Single(overlapping.GetProperty("transactions").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal(3, (await BankingApi.ListTransactionsAsync(owner, organisation)).Count);
    }

    [Fact]
    public async Task TruncatedCoda_FailsWithCodeAndLine()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var lines = CodaFile.Lines(50, Day, 0m, [new CodaMovement(10m, FreeText: "een")]);
        lines.RemoveAt(lines.Count - 1);

        var import = await BankingApi.ImportAsync(owner, organisation, CodaFile.Bytes(lines));

        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal("coda.truncated-file", BankingApi.ReasonCode(import));
        Assert.True(import.GetProperty("reason").GetProperty("line").GetInt32() > 0);
        Assert.Empty(await BankingApi.ListTransactionsAsync(owner, organisation));
    }

    [Fact]
    public async Task WrongRecordLength_FailsWithTheLine()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var lines = CodaFile.Lines(51, Day, 0m, [new CodaMovement(10m, FreeText: "een"), new CodaMovement(20m, FreeText: "twee")]);
        lines[5] = lines[5][..100];

        var import = await BankingApi.ImportAsync(owner, organisation, CodaFile.Bytes(lines));

        var reason = import.GetProperty("reason");
        Assert.Equal("coda.record-length", reason.GetProperty("code").GetString());
        Assert.Equal(6, reason.GetProperty("line").GetInt32());
        Assert.Contains("6", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await BankingApi.ListTransactionsAsync(owner, organisation));
    }

    [Fact]
    public async Task CamtWithDtd_IsRejected()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await BankingApi.AddAccountAsync(owner, organisation, "NL26VAYB8060476890");
        var xml = await File.ReadAllTextAsync(BankingApi.SamplePath("genkgo-camt053v02-multi-statement.xml"));
        var declarationEnd = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
        var withDtd = xml[..declarationEnd] + "\n<!DOCTYPE Document [<!ENTITY name \"value\">]>" + xml[declarationEnd..];

        var import = await BankingApi.ImportAsync(owner, organisation, Encoding.UTF8.GetBytes(withDtd), "camt.xml");

        Assert.Equal("failed", import.GetProperty("status").GetString());
        Assert.Equal("camt.dtd-prohibited", BankingApi.ReasonCode(import));
        Assert.Empty(await BankingApi.ListTransactionsAsync(owner, organisation));
    }

    [Fact]
    public async Task UnknownAccount_FailsNamingTheIban()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var file = CodaFile.Build(60, Day, 0m, [new CodaMovement(10m, FreeText: "een")], iban: "BE94735001234514");

        var import = await owner.Client.GetFromJsonAsync<JsonElement>(
            $"api/orgs/{organisation}/bank-statements/{await BankingApi.UploadAcceptedAsync(owner, organisation, file)}");
        import = await BankingApi.WaitForImportAsync(owner, organisation, import.GetProperty("id").GetString()!);

        var reason = import.GetProperty("reason");
        Assert.Equal("bank-statement.unknown-account", reason.GetProperty("code").GetString());
        Assert.Equal("BE94 7350 0123 4514", reason.GetProperty("value").GetString());
        Assert.Contains("BE94 7350 0123 4514", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedIntegrityCheck_StrictFails_LenientKeepsWarnings()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        await BankingApi.AddAccountAsync(owner, organisation, "BE46737018594236");
        var file = await File.ReadAllBytesAsync(BankingApi.SamplePath("noviat-kbc-2012.coda.txt"));

        var strict = await BankingApi.ImportAsync(owner, organisation, file, "kbc.cod");
        var lenient = await BankingApi.ImportAsync(owner, organisation, file, "kbc.cod", "&validation=lenient");

        Assert.Equal("failed", strict.GetProperty("status").GetString());
        var code = BankingApi.ReasonCode(strict);
        Assert.Equal("processed", lenient.GetProperty("status").GetString());
        Assert.Equal("lenient", lenient.GetProperty("validation").GetString());
        Assert.Contains(lenient.GetProperty("warnings").EnumerateArray(), warning => warning.GetProperty("code").GetString() == code);
        Assert.Contains(lenient.GetProperty("warnings").EnumerateArray(), warning => warning.GetProperty("code").GetString() == "coda.balance-mismatch");
        Assert.Equal(5, lenient.GetProperty("transactions").GetArrayLength());
    }

    [Fact]
    public async Task MultipartUpload_ReadsTheFirstFilePart()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("note"), "comment" },
            { new ByteArrayContent(CodaFile.Build(70, Day, 0m, [new CodaMovement(10m, FreeText: "een")])), "file", "maart.cod" },
        };

        using var response = await owner.Client.PostAsync($"api/orgs/{organisation}/bank-statements", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("received", accepted.GetProperty("status").GetString());
        var import = await BankingApi.WaitForImportAsync(owner, organisation, accepted.GetProperty("id").GetString()!);
        Assert.Equal("processed", import.GetProperty("status").GetString());
        Assert.Equal("maart.cod", import.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task OversizeUpload_Returns413AndStoresNothing()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var body = new byte[51 * 1024 * 1024];

        using var declared = await BankingApi.UploadAsync(owner, organisation, body);
        using var streamed = await UploadWithoutLengthAsync(owner, organisation, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal("payload-too-large", (await streamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var imports = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements");
        Assert.Empty(imports.GetProperty("items").EnumerateArray());
        var container = await _fixture.Host.Services.GetRequiredService<StorageClients>().ContainerAsync(StorageNames.UploadsContainer, CancellationToken.None);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, organisation + "/", CancellationToken.None))
        {
            Assert.Fail($"Blob {blob.Name} was kept.");
        }
    }

    [Fact]
    public async Task ImportList_ShowsNewestFirstWithCursor()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var first = await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(80, Day, 0m, [new CodaMovement(1m, FreeText: "a")]));
        var second = await BankingApi.ImportAsync(owner, organisation, CodaFile.Build(81, Day, 1m, [new CodaMovement(2m, FreeText: "b")]));

        var page1 = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements?limit=1");
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements?limit=1&cursor={cursor}");

        Assert.Equal(second.GetProperty("id").GetString(), Assert.Single(page1.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    private static async Task<HttpResponseMessage> UploadWithoutLengthAsync(ApiSession session, string organisation, byte[] body)
    {
        using var content = new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orgs/{organisation}/bank-statements") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await session.Client.SendAsync(request);
    }

    /// <summary>A stream that hides its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
