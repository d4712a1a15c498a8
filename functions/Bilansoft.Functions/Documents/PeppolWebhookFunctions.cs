using System.Text.Json;
using Bilansoft.Application.Documents;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Webhooks;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Documents;

/// <summary>
/// <c>POST /api/webhooks/peppol</c>: transmission statuses from the Peppol access point, signed
/// with the <c>peppol</c> webhook secret. The body is a <see cref="PeppolStatusEvent"/>.
/// </summary>
public sealed class PeppolWebhookFunctions
{
    /// <summary>Source name of the access point's webhook secret.</summary>
    public const string Source = "peppol";

    private const int MaxBodyBytes = 64 * 1024;

    private readonly WebhookVerifier _verifier;
    private readonly PeppolStatusService _statuses;

    public PeppolWebhookFunctions(WebhookVerifier verifier, PeppolStatusService statuses)
    {
        _verifier = verifier;
        _statuses = statuses;
    }

    /// <summary>Receives the Peppol access point's transmission status (signed with Bilansoft-Signature).</summary>
    [Function("ReceivePeppolStatus")]
    [AllowAnonymous]
    [AcceptsJson(typeof(PeppolStatusEvent))]
    [ProducesResponseType(typeof(PeppolWebhookResponse), StatusCodes.Status200OK)]
    public async Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/peppol")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await RawBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        var verification = await _verifier.VerifyAsync(
            new WebhookDelivery
            {
                Source = Source,
                SignatureHeader = request.Headers[WebhookSignature.HeaderName].FirstOrDefault(),
                Body = body,
                EventId = EventIdOf(body),
            },
            cancellationToken);
        if (verification.Status == WebhookVerificationStatus.Replay)
        {
            return new OkObjectResult(new PeppolWebhookResponse("replay"));
        }

        if (!verification.IsAccepted)
        {
            throw new ProblemException(ProblemKind.Unauthorized, DocumentErrorCodes.WebhookRejected, new Dictionary<string, object?> { ["reason"] = verification.Status });
        }

        try
        {
            var status = Parse(body);
            var outcome = await _statuses.ApplyAsync(status, cancellationToken);
            // Both get a 404 and the receipt is released below, so the sender's retry is
            // applied once the delivery step stored the transmission.
            if (outcome is PeppolStatusOutcome.UnknownTransmission or PeppolStatusOutcome.NotRecordedYet)
            {
                throw ProblemException.NotFound("peppol-transmission", status.TransmissionId ?? string.Empty);
            }

            return new OkObjectResult(new PeppolWebhookResponse(outcome == PeppolStatusOutcome.Applied ? "applied" : "unchanged"));
        }
        catch
        {
            // The sender retries a failed delivery; the retry must not be rejected as a replay.
            await _verifier.ReleaseAsync(verification.Receipt!, CancellationToken.None);
            throw;
        }
    }

    // Read before the signature check only to find the receipt; it is trusted after the check.
    private static string? EventIdOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("eventId", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= 256 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PeppolStatusEvent Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PeppolStatusEvent>(body, ApiJson.Options)
                ?? throw new ProblemException(ProblemKind.Validation, ErrorCodes.MissingBody);
        }
        catch (JsonException exception)
        {
            throw new ProblemException(
                ProblemKind.Validation,
                ErrorCodes.MalformedJson,
                new Dictionary<string, object?>
                {
                    ["line"] = (exception.LineNumber ?? 0) + 1,
                    ["position"] = (exception.BytePositionInLine ?? 0) + 1,
                    ["path"] = exception.Path ?? "$",
                },
                innerException: exception);
        }
    }
}
