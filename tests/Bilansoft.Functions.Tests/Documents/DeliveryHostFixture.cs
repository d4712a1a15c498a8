using System.Collections.Concurrent;
using System.Text.Json;
using Bilansoft.Testing;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Tests.Documents;

/// <summary>
/// A local host that sends through loopback stand-ins for SendGrid and the Peppol access point,
/// dead-letters after 3 deliveries, and accepts Peppol webhooks signed with <see cref="WebhookSecret"/>.
/// </summary>
public sealed class DeliveryHostFixture : HostFixture, IAsyncLifetime
{
    public const string WebhookSecret = "peppol-webhook-secret-0123456789abcdef";

    /// <summary>Deliveries before a message moves to its poison queue, kept small so the test is short.</summary>
    public const int MaxDeliveryCount = 3;

    private LoopbackHttpServer? _sendGrid;
    private LoopbackHttpServer? _accessPoint;

    public LoopbackHttpServer SendGrid => _sendGrid ?? throw new InvalidOperationException("The SendGrid stand-in has not started.");

    public LoopbackHttpServer AccessPoint => _accessPoint ?? throw new InvalidOperationException("The access point stand-in has not started.");

    /// <summary>Failures the SendGrid stand-in returns, per document id.</summary>
    public ScriptedFailures MailFailures { get; } = new();

    /// <summary>Failures the access point stand-in returns, per document id.</summary>
    public ScriptedFailures PeppolFailures { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SendGrid:ApiKey"] = "SG.loopback-test-key",
        ["SendGrid:Host"] = SendGrid.BaseAddress.ToString(),
        ["SendGrid:FromAddress"] = "facturen@bilansoft.example",
        ["SendGrid:MaxAttempts"] = "2",
        ["SendGrid:RetryDelay"] = "00:00:00.010",
        ["PeppolAccessPoint:BaseUrl"] = AccessPoint.BaseAddress.ToString(),
        ["PeppolAccessPoint:ApiKey"] = "ap-loopback-test-key",
        ["PeppolAccessPoint:MaxAttempts"] = "2",
        ["PeppolAccessPoint:RetryDelay"] = "00:00:00.010",
        ["Messaging:MaxDeliveryCount"] = MaxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LocalHost:MaxDeliveryCount"] = MaxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Webhooks:Sources:peppol:Secret"] = WebhookSecret,
    };

    /// <summary>The transmission id the access point stand-in gives a document.</summary>
    public static string TransmissionIdOf(string documentId) => "tx-" + documentId;

    /// <summary>Requests to SendGrid about one document.</summary>
    public IReadOnlyList<RecordedRequest> MailsOf(string documentId) =>
        [.. SendGrid.Requests.Where(request => DocumentIdOf(request, "custom_args") == documentId)];

    /// <summary>Submissions to the access point of one document.</summary>
    public IReadOnlyList<RecordedRequest> SubmissionsOf(string documentId) =>
        [.. AccessPoint.Requests.Where(request => DocumentIdOf(request, null) == documentId)];

    async Task IAsyncLifetime.InitializeAsync()
    {
        _sendGrid = await LoopbackHttpServer.StartAsync();
        _accessPoint = await LoopbackHttpServer.StartAsync();
        _sendGrid.Respond(AnswerMailAsync);
        _accessPoint.Respond(AnswerSubmissionAsync);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await SendGrid.DisposeAsync();
        await AccessPoint.DisposeAsync();
    }

    private static string? DocumentIdOf(RecordedRequest request, string? container)
    {
        try
        {
            using var body = JsonDocument.Parse(request.Body);
            var root = container is null ? body.RootElement : body.RootElement.TryGetProperty(container, out var inner) ? inner : default;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("documentId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task AnswerMailAsync(RecordedRequest request, HttpResponse response)
    {
        if (DocumentIdOf(request, "custom_args") is { } documentId && MailFailures.Next(documentId) is { } status)
        {
            response.StatusCode = status;
            response.ContentType = "application/json";
            await response.WriteAsync("""{"errors":[{"message":"Rejected by the test","field":"personalizations.0.to","help":null}]}""");
            return;
        }

        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers["X-Message-Id"] = "sg-" + Guid.NewGuid().ToString("N");
    }

    private async Task AnswerSubmissionAsync(RecordedRequest request, HttpResponse response)
    {
        var documentId = DocumentIdOf(request, null) ?? string.Empty;
        response.ContentType = "application/json";
        if (PeppolFailures.Next(documentId) is { } status)
        {
            response.StatusCode = status;
            await response.WriteAsync($$"""{"type":"about:blank","title":"Failure","status":{{status}},"code":"{{(status == 422 ? "unknown-receiver" : "server-error")}}"}""");
            return;
        }

        response.StatusCode = StatusCodes.Status202Accepted;
        await response.WriteAsync($$"""{"transmissionId":"{{TransmissionIdOf(documentId)}}","documentId":"{{documentId}}","status":"accepted"}""");
    }
}

/// <summary>HTTP failure statuses a stand-in returns for a document before it succeeds, or for ever.</summary>
public sealed class ScriptedFailures
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _always = new(StringComparer.Ordinal);

    /// <summary>Answers the next requests about <paramref name="documentId"/> with these statuses, then succeeds.</summary>
    public void Then(string documentId, params int[] statuses) => _next[documentId] = new ConcurrentQueue<int>(statuses);

    /// <summary>Answers every request about <paramref name="documentId"/> with <paramref name="status"/>.</summary>
    public void Always(string documentId, int status) => _always[documentId] = status;

    /// <summary>Stops failing for <paramref name="documentId"/>.</summary>
    public void Clear(string documentId)
    {
        _next.TryRemove(documentId, out _);
        _always.TryRemove(documentId, out _);
    }

    public int? Next(string documentId)
    {
        if (_always.TryGetValue(documentId, out var always))
        {
            return always;
        }

        return _next.TryGetValue(documentId, out var queue) && queue.TryDequeue(out var status) ? status : null;
    }
}
