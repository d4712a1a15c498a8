using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Application.Banking;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Banking;

/// <summary>A local host whose blob trigger is off, so tests run the parse step themselves, with a one-second lease.</summary>
public sealed class ManualParseHostFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LocalHost:BlobsEnabled"] = "false",
        ["Banking:ProcessingLease"] = "00:00:01",
    };
}

public sealed class BankStatementRecoveryTests : IClassFixture<ManualParseHostFixture>
{
    private static readonly DateOnly Day = new(2026, 7, 1);

    private readonly ManualParseHostFixture _fixture;

    public BankStatementRecoveryTests(ManualParseHostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task CrashedAttempt_IsTakenOverAndConverges()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var file = CodaFile.Build(1, Day, 0m, [new CodaMovement(10m, FreeText: "een"), new CodaMovement(20m, FreeText: "twee"), new CodaMovement(30m, FreeText: "drie")]);
        var (importId, crashed) = await StoreCrashedAttemptAsync(organisation, file);
        var step = _fixture.Host.Services.GetRequiredService<BankStatementImportStep>();

        await step.RunAsync(organisation, importId, new MemoryStream(file), CancellationToken.None);
        await step.RunAsync(organisation, importId, new MemoryStream(file), CancellationToken.None);

        var import = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements/{importId}");
        Assert.Equal("processed", import.GetProperty("status").GetString());
        Assert.Equal([10m, 20m, 30m], import.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
        var stored = await _fixture.Host.Services.GetRequiredService<IBankImportStore>().GetAsync(organisation, importId, CancellationToken.None);
        Assert.Equal(crashed.Attempt + 1, stored!.Value.Attempt);
        Assert.Equal(3, (await BankingApi.ListTransactionsAsync(owner, organisation)).Count);
    }

    [Fact]
    public async Task LostImportRecord_IsRebuiltFromTheFile()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var file = CodaFile.Build(2, Day, 0m, [new CodaMovement(15m, FreeText: "een")]);
        var importId = BankImportIds.New(DateTimeOffset.UtcNow);
        var files = _fixture.Host.Services.GetRequiredService<IStatementFileStore>();
        await files.SaveAsync(organisation, importId, new MemoryStream(file), BankingOptions.MaxUploadBytes,
            new StatementFileMetadata("verloren.cod", owner.UserId, BankImportFormat.Unknown, ImportValidation.Strict, DateTimeOffset.UtcNow), CancellationToken.None);

        await _fixture.Host.Services.GetRequiredService<BankStatementImportStep>().RunAsync(organisation, importId, new MemoryStream(file), CancellationToken.None);

        var import = await owner.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/bank-statements/{importId}");
        Assert.Equal("processed", import.GetProperty("status").GetString());
        Assert.Equal("verloren.cod", import.GetProperty("fileName").GetString());
        Assert.Equal(owner.UserId, import.GetProperty("uploadedBy").GetString());
    }

    // Leaves the state of an attempt that stopped part-way: the import processing under a lease,
    // a staged row that the file does not contain, and a claim-free partition otherwise.
    private async Task<(string ImportId, BankImport Crashed)> StoreCrashedAttemptAsync(string organisation, byte[] file)
    {
        var services = _fixture.Host.Services;
        var imports = services.GetRequiredService<IBankImportStore>();
        var now = DateTimeOffset.UtcNow;
        var importId = BankImportIds.New(now);
        var metadata = new StatementFileMetadata("crash.cod", "user-x", BankImportFormat.Unknown, ImportValidation.Strict, now);
        await services.GetRequiredService<IStatementFileStore>().SaveAsync(organisation, importId, new MemoryStream(file), BankingOptions.MaxUploadBytes, metadata, CancellationToken.None);
        var received = await imports.AddAsync(organisation, BankStatementUploadService.NewImport(importId, metadata, file.Length), CancellationToken.None);
        var crashed = received.Value with { Status = BankImportStatus.Processing, Attempt = 1, LeaseUntil = now.AddSeconds(1) };
        var saved = await imports.SaveAsync(organisation, crashed, received.ETag, CancellationToken.None);
        var account = await services.GetRequiredService<BankAccountService>().FindAsync(organisation, Iban.Parse(CodaFile.OrganisationIban), CancellationToken.None);
        var stray = new StatementTransaction
        {
            Id = StatementTransaction.IdFor(importId, 9),
            ImportId = importId,
            AccountId = account!.Value.Id,
            StatementIndex = 0,
            Amount = 999m,
            Currency = "EUR",
            Key = "0123456789abcdef0123456789abcdef",
            Units = [],
        };
        await imports.StageAsync(organisation, crashed, saved.ETag, [stray], [account.Value.Id], CancellationToken.None);
        return (importId, crashed);
    }
}
