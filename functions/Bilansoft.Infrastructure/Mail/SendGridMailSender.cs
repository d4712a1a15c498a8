using System.Globalization;
using System.Text.Json;
using Bilansoft.Application.Mail;
using Bilansoft.Application.Platform;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;

namespace Bilansoft.Infrastructure.Mail;

/// <summary>
/// Sends mail through SendGrid's v3 Mail Send API with the official SendGrid client. The client
/// runs on a named <see cref="HttpClient"/> whose standard resilience handler retries rate limits
/// (honouring <c>Retry-After</c>), server errors and time-outs with exponential back-off, for at
/// most <see cref="SendGridOptions.MaxAttempts"/> attempts.
/// </summary>
/// <remarks>
/// NOTE: SendGrid has no idempotency key, so a time-out after SendGrid accepted a message but before
/// its response arrived leads to a retry that sends the message twice. That is rare, and a duplicate
/// e-mail is preferred over a lost one.
/// </remarks>
public sealed partial class SendGridMailSender : IMailSender
{
    /// <summary>Name of the <see cref="HttpClient"/> configured for SendGrid.</summary>
    public const string HttpClientName = "SendGrid";

    private readonly IHttpClientFactory _httpClients;
    private readonly SendGridClientOptions _clientOptions;
    private readonly Application.Mail.MailAddress _defaultFrom;
    private readonly ILogger<SendGridMailSender> _logger;

    /// <exception cref="InvalidOperationException"><c>SendGrid__ApiKey</c> or <c>SendGrid__FromAddress</c> is missing or invalid.</exception>
    public SendGridMailSender(IHttpClientFactory httpClients, IOptions<SendGridOptions> options, ILogger<SendGridMailSender> logger)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new InvalidOperationException("SendGrid is not configured: set SendGrid__ApiKey, or leave it empty to write mail to the pickup container.");
        }

        _httpClients = httpClients;
        _clientOptions = new SendGridClientOptions { ApiKey = settings.ApiKey, HttpErrorAsException = false };
        if (!string.IsNullOrWhiteSpace(settings.Host))
        {
            _clientOptions.Host = settings.Host;
        }

        _defaultFrom = MailSenderSettings.ConfiguredSender(settings)
            ?? throw new InvalidOperationException("SendGrid__FromAddress is missing; set it to a sender address whose domain is verified in SendGrid.");
        _logger = logger;
    }

    public async Task<MailSendResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var correlationId = message.Metadata.CorrelationId ?? CorrelationContext.Current;
        var request = SendGridMessageFactory.Create(message, _defaultFrom, correlationId);
        var client = new SendGridClient(_httpClients.CreateClient(HttpClientName), _clientOptions);

        Response response;
        try
        {
            response = await client.SendEmailAsync(request, cancellationToken);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw new MailSendException($"SendGrid could not be reached or did not respond in time ({exception.GetType().Name}); send the message again later.", isTransient: true, innerException: exception);
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var messageId = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
            LogAccepted(_logger, messageId, message.Metadata.OrganisationId, message.Metadata.DocumentId, correlationId);
            return new MailSendResult(messageId);
        }

        var fields = await ReadErrorFieldsAsync(response, cancellationToken);
        var transient = IsTransientStatus(status);
        var fieldText = fields.Count == 0 ? string.Empty : $" on {string.Join(", ", fields)}";
        var advice = transient ? "send the message again later" : "fix the message or the SendGrid settings; sending it again fails the same way";
        throw new MailSendException(
            string.Create(CultureInfo.InvariantCulture, $"SendGrid rejected the message with status {status}{fieldText}; {advice}."),
            transient,
            status);
    }

    /// <summary>
    /// Whether <paramref name="exception"/> means no usable response arrived: a network error, a
    /// time-out (of an attempt, of all attempts, or of the <see cref="HttpClient"/>) or an open
    /// circuit breaker. A cancellation the caller requested is not one of them.
    /// </summary>
    private static bool IsTransportFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or Polly.ExecutionRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Whether a status may turn into a success later: 408, 429 and every 5xx. Other 4xx statuses,
    /// such as 400 for an invalid recipient or 401 for a wrong key, fail the same way on every retry.
    /// </summary>
    private static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>
    /// Reads the <c>field</c> names of SendGrid's error body. The error texts are left out, because
    /// they can repeat recipient addresses.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ReadErrorFieldsAsync(Response response, CancellationToken cancellationToken)
    {
        if (response.Body is null)
        {
            return [];
        }

        try
        {
            await using var stream = await response.Body.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return errors.EnumerateArray()
                .Select(error => error.ValueKind == JsonValueKind.Object && error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String ? field.GetString() : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
        catch (JsonException)
        {
            // An error body that is not JSON (a proxy's HTML page) still leaves the status code to report.
            return [];
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "SendGrid accepted mail {ProviderMessageId} for organisation {OrganisationId}, document {DocumentId}, correlation {CorrelationId}")]
    private static partial void LogAccepted(ILogger logger, string? providerMessageId, string? organisationId, string? documentId, string? correlationId);
}
