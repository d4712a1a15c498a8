using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Bilansoft.Application.Mail;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bilansoft.Infrastructure.Mail;

/// <summary>
/// Writes each message as an RFC 5322 .eml file to the <c>mail-pickup</c> container at
/// <c>{yyyy-MM-dd}/{messageId}.eml</c> (UTC date) instead of sending it, for local work without
/// SendGrid. Any mail client opens the files, attachments included.
/// </summary>
public sealed partial class PickupMailSender : IMailSender
{
    // RFC 5322 ends lines with CRLF. MimeKit's default follows the platform, which is LF on Linux.
    private static readonly FormatOptions Rfc5322Format = CreateFormat();

    // Used when SendGrid__FromAddress is not set either. The .localhost domain is reserved, so no real mailbox is named.
    private static readonly Application.Mail.MailAddress LocalSender = new("noreply@bilansoft.localhost", "Bilansoft (local)");

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;
    private readonly Application.Mail.MailAddress _defaultFrom;
    private readonly ILogger<PickupMailSender> _logger;

    public PickupMailSender(StorageClients storage, TimeProvider clock, IOptions<SendGridOptions> options, ILogger<PickupMailSender> logger)
    {
        _storage = storage;
        _clock = clock;
        _defaultFrom = MailSenderSettings.ConfiguredSender(options.Value) ?? LocalSender;
        _logger = logger;
    }

    /// <summary>Returns the blob name of a message written at <paramref name="writtenAt"/>.</summary>
    public static string BlobName(DateTimeOffset writtenAt, string messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{writtenAt.UtcDateTime:yyyy-MM-dd}/{messageId}.eml");

    /// <returns>The message id, which is also the file name without <c>.eml</c>.</returns>
    /// <exception cref="MailSendException">Storage could not be written; the failure is transient.</exception>
    public async Task<MailSendResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid().ToString("N");
        var now = _clock.GetUtcNow();
        var correlationId = message.Metadata.CorrelationId ?? CorrelationContext.Current;
        using var mime = MimeMessageFactory.Create(message, _defaultFrom, messageId, now, correlationId);
        using var content = new MemoryStream();
        await mime.WriteToAsync(Rfc5322Format, content, cancellationToken);
        content.Position = 0;

        var blobName = BlobName(now, messageId);
        try
        {
            var container = await _storage.ContainerAsync(StorageNames.MailPickupContainer, cancellationToken);
            await container.GetBlobClient(blobName).UploadAsync(
                content,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException exception)
        {
            throw new MailSendException($"Writing the message to the {StorageNames.MailPickupContainer} container failed with status {exception.Status}; send it again later.", isTransient: true, exception.Status, exception);
        }

        LogWritten(_logger, messageId, StorageNames.MailPickupContainer, blobName, message.Metadata.OrganisationId, message.Metadata.DocumentId);
        return new MailSendResult(messageId);
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Mail {ProviderMessageId} written to {Container}/{BlobName} for organisation {OrganisationId}, document {DocumentId}")]
    private static partial void LogWritten(ILogger logger, string providerMessageId, string container, string blobName, string? organisationId, string? documentId);
}
