using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Application.Peppol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Peppol;

/// <summary>
/// Client of the access point's REST API (<c>POST transmissions</c>, <c>GET transmissions/{id}</c>).
/// It runs on a named <see cref="HttpClient"/> whose standard resilience handler retries rate
/// limits (honouring <c>Retry-After</c>), server errors and time-outs with exponential back-off, for
/// at most <see cref="PeppolAccessPointOptions.MaxAttempts"/> attempts. Every submission carries
/// <c>Idempotency-Key: {documentId}</c>, so a retried POST never sends a document twice.
/// </summary>
public sealed partial class PeppolAccessPointClient : IPeppolAccessPoint
{
    /// <summary>Name of the <see cref="HttpClient"/> configured for the access point.</summary>
    public const string HttpClientName = "PeppolAccessPoint";

    // Document ids travel in the Idempotency-Key header, so they are kept short and printable.
    private const int MaxDocumentIdLength = 200;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly IHttpClientFactory _httpClients;
    private readonly PeppolAccessPointOptions _options;
    private readonly ILogger<PeppolAccessPointClient> _logger;

    public PeppolAccessPointClient(IHttpClientFactory httpClients, IOptions<PeppolAccessPointOptions> options, ILogger<PeppolAccessPointClient> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _logger = logger;
    }

    /// <exception cref="ArgumentException">The document id is empty, too long or not printable ASCII, or a document type or process id is missing.</exception>
    /// <exception cref="InvalidOperationException"><c>PeppolAccessPoint__BaseUrl</c> or <c>PeppolAccessPoint__ApiKey</c> is not set.</exception>
    public async Task<PeppolTransmission> SubmitAsync(PeppolSubmission submission, CancellationToken cancellationToken)
    {
        EnsureValid(submission);
        var body = new SubmitTransmissionRequest(
            submission.Sender.Value,
            submission.Receiver.Value,
            submission.DocumentTypeId,
            submission.ProcessId,
            submission.DocumentId,
            Convert.ToBase64String(submission.Document.Span));
        using var request = new HttpRequestMessage(HttpMethod.Post, "transmissions")
        {
            // Bytes rather than a streamed JSON content, so every retry sends the same buffered body.
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, PeppolAccessPointContract.Json)),
        };
        request.Content.Headers.ContentType = JsonMediaType;
        request.Headers.Add("Idempotency-Key", submission.DocumentId);

        var transmission = await SendAsync(request, $"Submitting document {submission.DocumentId}", cancellationToken);

        LogSubmitted(_logger, submission.DocumentId, transmission.TransmissionId, transmission.Status);
        return transmission;
    }

    /// <exception cref="ArgumentException">The transmission id is empty.</exception>
    /// <exception cref="InvalidOperationException"><c>PeppolAccessPoint__BaseUrl</c> or <c>PeppolAccessPoint__ApiKey</c> is not set.</exception>
    public async Task<PeppolTransmission> GetTransmissionAsync(string transmissionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transmissionId);
        using var request = new HttpRequestMessage(HttpMethod.Get, "transmissions/" + Uri.EscapeDataString(transmissionId));

        return await SendAsync(request, $"Reading transmission {transmissionId}", cancellationToken);
    }

    private static void EnsureValid(PeppolSubmission submission)
    {
        if (string.IsNullOrWhiteSpace(submission.DocumentId)
            || submission.DocumentId.Length > MaxDocumentIdLength
            || !submission.DocumentId.All(c => c is > ' ' and < '\u007f'))
        {
            throw new ArgumentException($"The document id must be 1 to {MaxDocumentIdLength} printable ASCII characters without spaces, because it is sent as the Idempotency-Key header.", nameof(submission));
        }

        if (string.IsNullOrWhiteSpace(submission.DocumentTypeId) || string.IsNullOrWhiteSpace(submission.ProcessId))
        {
            throw new ArgumentException("The document type id and the process id are required; see PeppolBisBilling for the billing ones.", nameof(submission));
        }

        if (submission.Sender == default || submission.Receiver == default || submission.Document.IsEmpty)
        {
            throw new ArgumentException("The sender, the receiver and the document are required.", nameof(submission));
        }
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
    /// such as 422 for an unknown receiver or 401 for a wrong key, fail the same way on every retry.
    /// </summary>
    private static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    private static async Task<T?> TryReadJsonAsync<T>(HttpContent content, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await content.ReadFromJsonAsync<T>(PeppolAccessPointContract.Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<PeppolTransmission> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        if (_options.BaseUrl is null || string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            throw new InvalidOperationException("The Peppol access point is not configured: set PeppolAccessPoint__BaseUrl and PeppolAccessPoint__ApiKey.");
        }

        request.Headers.Add(_options.ApiKeyHeader, _options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var client = _httpClients.CreateClient(HttpClientName);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            throw new PeppolAccessPointException($"{operation} failed: the access point could not be reached or did not respond in time ({exception.GetType().Name}); try again later.", isTransient: true, innerException: exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return ToTransmission(await TryReadJsonAsync<TransmissionResponse>(response.Content, cancellationToken), operation, status);
            }

            var problem = await TryReadJsonAsync<ProblemResponse>(response.Content, cancellationToken);
            var transient = IsTransientStatus(status);
            var code = problem?.Code is { Length: > 0 } value ? $" ({value})" : string.Empty;
            var advice = transient ? "try again later" : "the same request fails again, so fix the document, the receiver or the settings";
            throw new PeppolAccessPointException(
                string.Create(CultureInfo.InvariantCulture, $"{operation} failed with status {status}{code}; {advice}."),
                transient,
                status,
                problem?.Code);
        }
    }

    private static PeppolTransmission ToTransmission(TransmissionResponse? body, string operation, int status)
    {
        if (body is not { TransmissionId: { Length: > 0 } transmissionId, Status: { } transmissionStatus })
        {
            // The access point reported success, so repeating the call blindly is wrong and someone has to look.
            throw new PeppolAccessPointException(
                string.Create(CultureInfo.InvariantCulture, $"{operation} returned status {status} with a body that lacks transmissionId or a known status; check the access point's API version."),
                isTransient: false,
                status);
        }

        return new PeppolTransmission(transmissionId, transmissionStatus, body.Error?.Code, body.Error?.Message);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Document {DocumentId} submitted to the Peppol access point as transmission {TransmissionId} ({Status})")]
    private static partial void LogSubmitted(ILogger logger, string documentId, string transmissionId, PeppolTransmissionStatus status);
}
