using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Webhooks;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Banking;

/// <summary>
/// <c>POST /api/webhooks/bank/{orgId}</c>: transactions pushed by a bank or aggregator, signed
/// with the organisation's secret of source <c>bank</c>. No bearer token: the signature is the
/// authentication. The route parameter is named <c>organisationId</c>, not <c>orgId</c>, because
/// <c>orgId</c> marks the routes that need a member's token and permission.
/// </summary>
public sealed class BankWebhookFunctions
{
    /// <summary>Webhook source name of banks and aggregators.</summary>
    public const string Source = "bank";

    /// <summary>Largest push accepted (4 MiB), well above 1,000 transactions.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly WebhookVerifier _verifier;
    private readonly BankStatementUploadService _uploads;

    public BankWebhookFunctions(WebhookVerifier verifier, BankStatementUploadService uploads)
    {
        _verifier = verifier;
        _uploads = uploads;
    }

    /// <summary>Receives transactions pushed by a bank aggregator (signed with Bilansoft-Signature).</summary>
    [Function("ReceiveBankWebhook")]
    [ProducesResponseType(typeof(BankImportAcceptedResponse), StatusCodes.Status202Accepted)]
    [ProducesResponseType(typeof(WebhookReplayResponse), StatusCodes.Status200OK)]
    [AllowAnonymous]
    public async Task<IActionResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/bank/{organisationId}")] HttpRequest request,
        string organisationId,
        CancellationToken cancellationToken)
    {
        if (!Identifiers.IsValid(organisationId))
        {
            throw ProblemException.NotFound("organisation", organisationId);
        }

        var body = await RawBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        var verification = await _verifier.VerifyAsync(
            new WebhookDelivery
            {
                Source = Source,
                OrganisationId = organisationId,
                SignatureHeader = request.Headers[WebhookSignature.HeaderName].ToString(),
                Body = body,
                EventId = BankWebhookPush.TryReadId(body),
            },
            cancellationToken);
        if (verification.Status == WebhookVerificationStatus.Replay)
        {
            return new OkObjectResult(new WebhookReplayResponse("duplicate"));
        }

        if (!verification.IsAccepted)
        {
            throw new ProblemException(ProblemKind.Unauthorized, BankingErrorCodes.WebhookUnverified, new Dictionary<string, object?>
            {
                ["reason"] = verification.Status.ToString(),
            });
        }

        try
        {
            var import = await _uploads.ReceivePushAsync(organisationId, body, cancellationToken);
            return new AcceptedResult(
                $"/api/orgs/{organisationId}/bank-statements/{import.Value.Id}",
                new BankImportAcceptedResponse(import.Value.Id, import.Value.Status));
        }
        catch
        {
            // The sender's retry must be accepted, not taken for a replay of a push nothing stored.
            await _verifier.ReleaseAsync(verification.Receipt!, CancellationToken.None);
            throw;
        }
    }
}
