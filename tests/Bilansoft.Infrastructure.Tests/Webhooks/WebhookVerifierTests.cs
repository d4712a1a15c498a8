using Azure.Data.Tables;
using Bilansoft.Application.Webhooks;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bilansoft.Infrastructure.Tests.Webhooks;

/// <summary>Webhook verification as registered, with secrets from settings and receipts in Azurite.</summary>
public sealed class WebhookVerifierTests : IClassFixture<AzuriteFixture>
{
    private const string BankSecret = "bank-secret-0123456789abcdef0123456789abcdef";
    private const string PreviousBankSecret = "bank-secret-previous-0123456789abcdef012345";
    private const string Org7BankSecret = "org7-bank-secret-fedcba9876543210fedcba98765";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = """{"id":"evt_1","type":"payment.received","amount":"121.00"}"""u8.ToArray();

    private readonly AzuriteFixture _storage;
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly LogCapture _logs = new();

    public WebhookVerifierTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task Verify_ValidSignature_IsAccepted()
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)), CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.Accepted, result.Status);
        Assert.True(result.IsAccepted);
        Assert.NotNull(result.Receipt);
        Assert.Equal(Now, result.Receipt.SignedAt);
        Assert.StartsWith("signature:", result.Receipt.DeliveryKey, StringComparison.Ordinal);
        Assert.Single(await ReceiptsAsync(services));
    }

    [Fact]
    public async Task Verify_OneByteChanged_IsInvalidSignature()
    {
        await using var services = CreateServices();
        var changed = Body.ToArray();
        changed[^3] = (byte)'1';

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { Body = changed }, CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.InvalidSignature, result.Status);
        Assert.Null(result.Receipt);
        Assert.Empty(await ReceiptsAsync(services));
    }

    [Fact]
    public async Task Verify_WrongSecret_IsInvalidSignature()
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign("someone-else-0123456789abcdef0123456789abcdef", Now)), CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.InvalidSignature, result.Status);
    }

    [Theory]
    [InlineData(-301, "signed five minutes and a second ago")]
    [InlineData(301, "signed five minutes and a second in the future")]
    [InlineData(-86_400, "signed a day ago")]
    public async Task Verify_TimestampOutsideTolerance_IsRejected(int offsetSeconds, string reason)
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now.AddSeconds(offsetSeconds))), CancellationToken.None);

        Assert.True(result.Status == WebhookVerificationStatus.TimestampOutsideTolerance, $"{reason}: {result.Status}");
        Assert.Empty(await ReceiptsAsync(services));
    }

    [Theory]
    [InlineData(-300, "signed exactly five minutes ago")]
    [InlineData(300, "signed exactly five minutes in the future")]
    public async Task Verify_TimestampAtTolerance_IsAccepted(int offsetSeconds, string reason)
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now.AddSeconds(offsetSeconds))), CancellationToken.None);

        Assert.True(result.IsAccepted, $"{reason}: {result.Status}");
    }

    [Fact]
    public async Task Verify_ConfiguredTolerance_IsUsed()
    {
        await using var services = CreateServices(new() { ["Webhooks:TimestampTolerance"] = "00:00:30" });

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now.AddSeconds(-31))), CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.TimestampOutsideTolerance, result.Status);
    }

    [Fact]
    public async Task Verify_SameDeliveryTwice_SecondIsReplay()
    {
        await using var services = CreateServices();
        var delivery = Delivery(Sign(BankSecret, Now));

        var first = await Verifier(services).VerifyAsync(delivery, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var second = await Verifier(services).VerifyAsync(delivery, CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.Accepted, first.Status);
        Assert.Equal(WebhookVerificationStatus.Replay, second.Status);
        Assert.Null(second.Receipt);
    }

    [Fact]
    public async Task Verify_SameEventSignedAnew_IsReplay()
    {
        await using var services = CreateServices();

        var first = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { EventId = "evt_1" }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var retry = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, _clock.GetUtcNow())) with { EventId = "evt_1" }, CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.Accepted, first.Status);
        Assert.Equal("event:evt_1", first.Receipt!.DeliveryKey);
        Assert.Equal(WebhookVerificationStatus.Replay, retry.Status);
    }

    [Fact]
    public async Task Verify_EventIdWithKeyCharacters_IsStored()
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { EventId = "stmt/2026#12?1\\a" }, CancellationToken.None);

        Assert.True(result.IsAccepted);
        Assert.Single(await ReceiptsAsync(services));
    }

    [Fact]
    public async Task Verify_ConcurrentCopies_AcceptOnlyOne()
    {
        await using var services = CreateServices();
        var delivery = Delivery(Sign(BankSecret, Now));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Verifier(services).VerifyAsync(delivery, CancellationToken.None)));

        Assert.Single(results, result => result.IsAccepted);
        Assert.Equal(4, results.Count(result => result.Status == WebhookVerificationStatus.Replay));
    }

    [Fact]
    public async Task Release_ThenRetry_IsAcceptedAgain()
    {
        await using var services = CreateServices();
        var delivery = Delivery(Sign(BankSecret, Now)) with { EventId = "evt_2" };
        var first = await Verifier(services).VerifyAsync(delivery, CancellationToken.None);

        await Verifier(services).ReleaseAsync(first.Receipt!, CancellationToken.None);
        var retry = await Verifier(services).VerifyAsync(delivery, CancellationToken.None);

        Assert.True(retry.IsAccepted);
    }

    [Fact]
    public async Task Release_MissingReceipt_DoesNothing()
    {
        await using var services = CreateServices();
        var receipt = new WebhookReceipt("bank", null, "event:never-stored", Now, Now);

        await Verifier(services).ReleaseAsync(receipt, CancellationToken.None);

        Assert.Empty(await ReceiptsAsync(services));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Verify_NoHeader_IsMissingSignature(string? header)
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(header), CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.MissingSignature, result.Status);
    }

    [Theory]
    [InlineData("sha256=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "another provider's format")]
    [InlineData("t=1796119200", "no signature")]
    [InlineData("t=now,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "timestamp not a number")]
    [InlineData("t=1796119200,v1=8708", "signature too short")]
    public async Task Verify_MalformedHeader_IsRejected(string header, string reason)
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(header), CancellationToken.None);

        Assert.True(result.Status == WebhookVerificationStatus.MalformedSignature, $"{reason}: {result.Status}");
    }

    [Fact]
    public async Task Verify_SourceWithoutSecret_IsUnknownSource()
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { Source = "collections" }, CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.UnknownSource, result.Status);
    }

    [Fact]
    public async Task Verify_InvalidSourceName_Throws()
    {
        await using var services = CreateServices();

        await Assert.ThrowsAsync<ArgumentException>(() => Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { Source = "Bank__Secret" }, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_OrganisationSecret_ReplacesSourceSecret()
    {
        await using var services = CreateServices();

        var ownSecret = await Verifier(services).VerifyAsync(Delivery(Sign(Org7BankSecret, Now)) with { OrganisationId = "org7" }, CancellationToken.None);
        var sourceSecret = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { OrganisationId = "org7" }, CancellationToken.None);
        var otherOrganisation = await Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { OrganisationId = "org8" }, CancellationToken.None);

        Assert.Equal(WebhookVerificationStatus.Accepted, ownSecret.Status);
        Assert.Equal(WebhookVerificationStatus.InvalidSignature, sourceSecret.Status);
        Assert.Equal(WebhookVerificationStatus.Accepted, otherOrganisation.Status);
    }

    [Fact]
    public async Task Verify_SameEventTwoOrganisations_BothAccepted()
    {
        await using var services = CreateServices();
        var delivery = Delivery(Sign(BankSecret, Now)) with { EventId = "evt_3" };

        var org8 = await Verifier(services).VerifyAsync(delivery with { OrganisationId = "org8" }, CancellationToken.None);
        var org9 = await Verifier(services).VerifyAsync(delivery with { OrganisationId = "org9" }, CancellationToken.None);

        Assert.True(org8.IsAccepted);
        Assert.True(org9.IsAccepted);
    }

    [Fact]
    public async Task Verify_PreviousSecretDuringRotation_IsAccepted()
    {
        await using var services = CreateServices();

        var result = await Verifier(services).VerifyAsync(Delivery(Sign(PreviousBankSecret, Now)), CancellationToken.None);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task Verify_ConfiguredSecretTooShort_NamesSettingOnly()
    {
        await using var services = CreateServices(new() { ["Webhooks:Sources:peppol:Secret"] = "short-secret" });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Verifier(services).VerifyAsync(Delivery(Sign(BankSecret, Now)) with { Source = "peppol" }, CancellationToken.None));

        Assert.Contains("Webhooks:Sources:peppol:Secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Logs_NoSecretOrSignature()
    {
        await using var services = CreateServices();
        var header = Sign(BankSecret, Now);

        await Verifier(services).VerifyAsync(Delivery(header) with { EventId = "evt_4" }, CancellationToken.None);
        await Verifier(services).VerifyAsync(Delivery(header) with { EventId = "evt_4" }, CancellationToken.None);

        var text = string.Join('\n', _logs.Logs.Select(log => log.Message));
        Assert.Contains("evt_4", text, StringComparison.Ordinal);
        Assert.Contains("Replay", text, StringComparison.Ordinal);
        Assert.DoesNotContain(BankSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(header[(header.IndexOf("v1=", StringComparison.Ordinal) + 3)..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("payment.received", text, StringComparison.Ordinal);
    }

    private static string Sign(string secret, DateTimeOffset signedAt) =>
        WebhookSignature.CreateHeader(new WebhookSecret(secret), signedAt, Body);

    private static WebhookDelivery Delivery(string? header) => new()
    {
        Source = "bank",
        SignatureHeader = header,
        Body = Body,
    };

    private static WebhookVerifier Verifier(IServiceProvider services) => services.GetRequiredService<WebhookVerifier>();

    private static async Task<List<TableEntity>> ReceiptsAsync(IServiceProvider services)
    {
        var table = await services.GetRequiredService<StorageClients>().TableAsync(StorageNames.WebhookReceiptTable, CancellationToken.None);
        return await table.QueryAsync<TableEntity>().ToListAsync();
    }

    private ServiceProvider CreateServices(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = _storage.ConnectionString,
            ["Storage:tablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Messaging:Transport"] = "StorageQueues",
            ["Webhooks:Sources:bank:Secret"] = BankSecret,
            ["Webhooks:Sources:bank:PreviousSecret"] = PreviousBankSecret,
            ["Webhooks:Sources:bank:Organisations:org7:Secret"] = Org7BankSecret,
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddBilansoftInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
