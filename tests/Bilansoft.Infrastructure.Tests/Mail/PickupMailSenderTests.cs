using Bilansoft.Application.Mail;
using Bilansoft.Infrastructure.Mail;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Bilansoft.Infrastructure.Tests.Mail;

/// <summary>The .eml pickup adapter against Azurite, read back with MimeKit as a mail client would.</summary>
public sealed class PickupMailSenderTests : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);
    private static readonly byte[] PdfBytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF, 0xFE, 0x80];
    private static readonly byte[] UblBytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invoice>é</Invoice>"u8.ToArray();

    private readonly AzuriteFixture _storage;

    public PickupMailSenderTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task Send_WritesEmlUnderDateFolder()
    {
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        Assert.NotNull(result.ProviderMessageId);
        var blob = await PickupBlobAsync(services, result.ProviderMessageId);
        Assert.Equal($"2026-12-01/{result.ProviderMessageId}.eml", blob.Name);
        Assert.Equal("message/rfc822", (await blob.GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task Eml_EndsEveryLineWithCrLf()
    {
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        var blob = await PickupBlobAsync(services, result.ProviderMessageId!);
        var text = (await blob.DownloadContentAsync()).Value.Content.ToString();
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eml_ParsesBackWithEveryPart()
    {
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        using var parsed = await ReadBackAsync(services, result.ProviderMessageId!);
        Assert.Equal("Factuur 2026-0042 — Acme BV", parsed.Subject);
        Assert.Equal(["customer@example.be", "accounts@example.be"], parsed.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Klant NV", parsed.To.Mailboxes.First().Name);
        Assert.Equal("billing@acme.example", Assert.Single(parsed.ReplyTo.Mailboxes).Address);
        Assert.Equal("invoices@bilansoft.example", Assert.Single(parsed.From.Mailboxes).Address);
        Assert.Equal("Bilansoft", Assert.Single(parsed.From.Mailboxes).Name);
        Assert.Equal(Now, parsed.Date);
        Assert.Equal($"{result.ProviderMessageId}@bilansoft.example", parsed.MessageId);
        Assert.Equal("Beste klant,\nin bijlage factuur 2026-0042.", parsed.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal("<p>Beste klant, in bijlage factuur 2026-0042.</p>", parsed.HtmlBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Eml_AttachmentsAreByteEqual()
    {
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        using var parsed = await ReadBackAsync(services, result.ProviderMessageId!);
        var attachments = parsed.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["factuur-2026-0042.pdf", "factuur-2026-0042.xml"], attachments.Select(a => a.FileName));
        Assert.Equal(["application/pdf", "application/xml"], attachments.Select(a => a.ContentType.MimeType));
        Assert.Equal(PdfBytes, Decode(attachments[0]));
        Assert.Equal(UblBytes, Decode(attachments[1]));
    }

    [Fact]
    public async Task Eml_CarriesMetadataHeaders()
    {
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        using var parsed = await ReadBackAsync(services, result.ProviderMessageId!);
        Assert.Equal("org-7", parsed.Headers[MimeMessageFactory.OrganisationIdHeader]);
        Assert.Equal("inv-2026-0042", parsed.Headers[MimeMessageFactory.DocumentIdHeader]);
        Assert.Equal("corr-42", parsed.Headers[MimeMessageFactory.CorrelationIdHeader]);
    }

    [Fact]
    public async Task Send_WithoutConfiguredSender_UsesLocalSender()
    {
        await using var services = CreateServices(fromAddress: null);
        var message = new MailMessage([new MailAddress("customer@example.be")], "Herinnering", "Tekst");

        var result = await services.GetRequiredService<IMailSender>().SendAsync(message, CancellationToken.None);

        using var parsed = await ReadBackAsync(services, result.ProviderMessageId!);
        Assert.Equal("noreply@bilansoft.localhost", Assert.Single(parsed.From.Mailboxes).Address);
        Assert.Null(parsed.HtmlBody);
        Assert.Empty(parsed.Attachments);
        Assert.Null(parsed.Headers[MimeMessageFactory.DocumentIdHeader]);
    }

    [Fact]
    public async Task Registration_WithoutApiKey_SelectsPickup()
    {
        await using var services = CreateServices();

        var sender = services.GetRequiredService<IMailSender>();

        Assert.IsType<PickupMailSender>(sender);
    }

    [Fact]
    public async Task Registration_WithApiKey_SelectsSendGrid()
    {
        await using var services = CreateServices(apiKey: "SG.test-key");

        var sender = services.GetRequiredService<IMailSender>();

        Assert.IsType<SendGridMailSender>(sender);
    }

    [Fact]
    public async Task Registration_ApiKeyWithoutSender_Fails()
    {
        await using var services = CreateServices(apiKey: "SG.test-key", fromAddress: null);

        var exception = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IMailSender>());

        Assert.Contains("SendGrid__FromAddress", exception.Message, StringComparison.Ordinal);
    }

    private static MailMessage Invoice() =>
        new([new MailAddress("customer@example.be", "Klant NV"), new MailAddress("accounts@example.be")], "Factuur 2026-0042 — Acme BV", "Beste klant,\nin bijlage factuur 2026-0042.")
        {
            ReplyTo = new MailAddress("billing@acme.example", "Acme BV"),
            HtmlBody = "<p>Beste klant, in bijlage factuur 2026-0042.</p>",
            Attachments =
            [
                new MailAttachment("factuur-2026-0042.pdf", "application/pdf", PdfBytes),
                new MailAttachment("factuur-2026-0042.xml", "application/xml", UblBytes),
            ],
            Metadata = new MailMetadata("org-7", "inv-2026-0042", "corr-42"),
        };

    private static byte[] Decode(MimePart part)
    {
        using var bytes = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static async Task<Azure.Storage.Blobs.BlobClient> PickupBlobAsync(IServiceProvider services, string messageId)
    {
        var container = await services.GetRequiredService<StorageClients>().ContainerAsync(StorageNames.MailPickupContainer, CancellationToken.None);
        var blob = container.GetBlobClient(PickupMailSender.BlobName(Now, messageId));
        Assert.True(await blob.ExistsAsync(), $"No .eml blob at {blob.Name}.");
        return blob;
    }

    private static async Task<MimeMessage> ReadBackAsync(IServiceProvider services, string messageId)
    {
        var blob = await PickupBlobAsync(services, messageId);
        var content = await blob.DownloadContentAsync();
        using var stream = content.Value.Content.ToStream();
        return await MimeMessage.LoadAsync(stream);
    }

    private ServiceProvider CreateServices(string? apiKey = null, string? fromAddress = "invoices@bilansoft.example")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage"] = _storage.ConnectionString,
            ["Storage:tablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Messaging:Transport"] = "StorageQueues",
            ["SendGrid:ApiKey"] = apiKey,
            ["SendGrid:FromAddress"] = fromAddress,
            ["SendGrid:FromName"] = "Bilansoft",
        };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddBilansoftInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
