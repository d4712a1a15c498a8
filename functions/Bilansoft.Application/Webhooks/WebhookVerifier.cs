using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Webhooks;

/// <summary>
/// Verifies webhook deliveries (banks, the debt-collection service, the Peppol access point): the
/// HMAC signature over timestamp and raw body, the timestamp's age, and that the delivery is new.
/// </summary>
/// <remarks>
/// Checks run in that order. The signature comes first, so a forged request never reaches the
/// timestamp or replay checks, and a receipt is only written for an authentic, recent delivery.
/// </remarks>
public sealed partial class WebhookVerifier
{
    private const int MaxEventIdLength = 256;

    private readonly IWebhookSecretStore _secrets;
    private readonly IWebhookReceiptStore _receipts;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _tolerance;
    private readonly ILogger<WebhookVerifier> _logger;

    public WebhookVerifier(
        IWebhookSecretStore secrets,
        IWebhookReceiptStore receipts,
        TimeProvider clock,
        IOptions<WebhookVerificationOptions> options,
        ILogger<WebhookVerifier> logger)
    {
        _secrets = secrets;
        _receipts = receipts;
        _clock = clock;
        _tolerance = options.Value.TimestampTolerance;
        _logger = logger;
    }

    /// <summary>
    /// Verifies <paramref name="delivery"/> and, when it is accepted, stores its receipt, so the
    /// same delivery is rejected as <see cref="WebhookVerificationStatus.Replay"/> from then on.
    /// </summary>
    /// <exception cref="ArgumentException">The source is not 1 to 63 lowercase letters and digits, or the event id is empty or longer than 256 characters.</exception>
    public async Task<WebhookVerification> VerifyAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        EnsureValidSource(delivery.Source, nameof(delivery));
        if (delivery.EventId is { } eventId && (string.IsNullOrWhiteSpace(eventId) || eventId.Length > MaxEventIdLength))
        {
            throw new ArgumentException($"The event id must be 1 to {MaxEventIdLength} characters; pass null when the payload has none.", nameof(delivery));
        }

        var verification = await VerifyCoreAsync(delivery, cancellationToken);

        if (verification.IsAccepted)
        {
            LogAccepted(_logger, delivery.Source, delivery.OrganisationId, delivery.EventId);
        }
        else
        {
            LogRejected(_logger, delivery.Source, delivery.OrganisationId, delivery.EventId, verification.Status);
        }

        return verification;
    }

    /// <summary>
    /// Deletes the receipt of an accepted delivery whose handling failed, so the sender's retry is
    /// accepted instead of rejected as a replay.
    /// </summary>
    public Task ReleaseAsync(WebhookReceipt receipt, CancellationToken cancellationToken) =>
        _receipts.RemoveAsync(receipt, cancellationToken);

    private async Task<WebhookVerification> VerifyCoreAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(delivery.SignatureHeader))
        {
            return new WebhookVerification(WebhookVerificationStatus.MissingSignature);
        }

        if (!WebhookSignature.TryParseHeader(delivery.SignatureHeader, out var header))
        {
            return new WebhookVerification(WebhookVerificationStatus.MalformedSignature);
        }

        var secrets = await _secrets.GetSecretsAsync(delivery.Source, delivery.OrganisationId, cancellationToken);
        if (secrets.Count == 0)
        {
            return new WebhookVerification(WebhookVerificationStatus.UnknownSource);
        }

        var signature = WebhookSignature.FindMatch(header, secrets, delivery.Body.Span);
        if (signature is null)
        {
            return new WebhookVerification(WebhookVerificationStatus.InvalidSignature);
        }

        var now = _clock.GetUtcNow();
        if (Math.Abs(now.ToUnixTimeSeconds() - header.Timestamp) > (long)_tolerance.TotalSeconds)
        {
            return new WebhookVerification(WebhookVerificationStatus.TimestampOutsideTolerance);
        }

        var receipt = new WebhookReceipt(
            delivery.Source,
            delivery.OrganisationId,
            DeliveryKey(delivery.EventId, signature),
            DateTimeOffset.FromUnixTimeSeconds(header.Timestamp),
            now);
        if (!await _receipts.TryAddAsync(receipt, cancellationToken))
        {
            return new WebhookVerification(WebhookVerificationStatus.Replay);
        }

        return new WebhookVerification(WebhookVerificationStatus.Accepted, receipt);
    }

    private static string DeliveryKey(string? eventId, byte[] signature) =>
        eventId is not null
            ? "event:" + eventId
            // A hash rather than the signature itself keeps signatures out of storage.
            : "signature:" + Convert.ToHexStringLower(SHA256.HashData(signature));

    private static void EnsureValidSource(string source, string parameterName)
    {
        // The source is part of setting names (Webhooks__Sources__{source}__Secret), so it stays plain.
        if (string.IsNullOrEmpty(source) || source.Length > 63 || !source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The webhook source '{source}' is invalid; use 1 to 63 lowercase letters and digits, such as 'bank'."),
                parameterName);
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Webhook delivery from {Source} for organisation {OrganisationId} (event {EventId}) accepted")]
    private static partial void LogAccepted(ILogger logger, string source, string? organisationId, string? eventId);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Webhook delivery from {Source} for organisation {OrganisationId} (event {EventId}) rejected: {Status}")]
    private static partial void LogRejected(ILogger logger, string source, string? organisationId, string? eventId, WebhookVerificationStatus status);
}
