using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Banking;

public sealed class BankStatementRestartTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _storage;

    public BankStatementRestartTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task ProcessedFile_IsNotImportedAgainAfterRestart()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var subject = "user-" + Guid.NewGuid().ToString("N")[..12];
        var day = new DateOnly(2026, 6, 1);
        string organisation;
        string firstImport;
        await using (var first = await TestHost.StartAsync(_storage, prefix))
        {
            using var owner = await ApiSession.SignInAsync(first, subject);
            organisation = await owner.CreateOrganisationAsync();
            firstImport = await BankingApi.UploadAcceptedAsync(owner, organisation, CodaFile.Build(1, day, 0m, [new CodaMovement(10m, FreeText: "een"), new CodaMovement(20m, FreeText: "twee")]));
            await BankingApi.WaitForMatchingAsync(owner, organisation, firstImport);
        }

        await using var second = await TestHost.StartAsync(_storage, prefix);
        using var again = await ApiSession.SignInAsync(second, subject);

        // Once a later upload is processed, the blob scan of the new host has passed the first file too.
        var later = await BankingApi.UploadAcceptedAsync(again, organisation, CodaFile.Build(2, day.AddDays(1), 30m, [new CodaMovement(5m, FreeText: "drie")]));
        await BankingApi.WaitForMatchingAsync(again, organisation, later);
        var last = await BankingApi.UploadAcceptedAsync(again, organisation, CodaFile.Build(3, day.AddDays(2), 35m, [new CodaMovement(1m, FreeText: "vier")]));
        await BankingApi.WaitForMatchingAsync(again, organisation, last);

        var imports = (await again.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, imports.Count);
        Assert.Single(imports, import => import.GetProperty("id").GetString() == firstImport);
        Assert.All(imports, import => Assert.Equal("processed", import.GetProperty("status").GetString()));
        Assert.Equal(4, (await BankingApi.ListTransactionsAsync(again, organisation)).Count);
    }
}
