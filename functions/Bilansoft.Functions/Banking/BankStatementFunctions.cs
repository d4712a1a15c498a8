using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Messaging;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Banking;

/// <summary>
/// <c>/api/orgs/{orgId}/bank-statements</c>: statement uploads and their imports, plus the parse
/// step (blob trigger) and the match step (Service Bus) that process them.
/// </summary>
public sealed class BankStatementFunctions
{
    /// <summary>Path the parse step watches; the upload writes files there.</summary>
    public const string UploadPath = "uploads/{orgId}/bank-statements/{name}";

    private readonly BankStatementUploadService _uploads;
    private readonly BankStatementQueryService _queries;
    private readonly BankStatementImportStep _importStep;
    private readonly BankMatchingService _matching;
    private readonly IdempotentRequests _idempotency;

    public BankStatementFunctions(
        BankStatementUploadService uploads,
        BankStatementQueryService queries,
        BankStatementImportStep importStep,
        BankMatchingService matching,
        IdempotentRequests idempotency)
    {
        _uploads = uploads;
        _queries = queries;
        _importStep = importStep;
        _matching = matching;
        _idempotency = idempotency;
    }

    /// <summary>
    /// Takes a CODA or camt.053 file of at most 50 MiB as the body (any content type) or as the
    /// first file part of multipart/form-data; <c>?validation=lenient</c> keeps failed balance
    /// and trailer checks as warnings.
    /// </summary>
    [Function("UploadBankStatement")]
    [ProducesResponseType(typeof(BankImportAcceptedResponse), StatusCodes.Status202Accepted)]
    [RequiresPermission(Permission.PaymentsManage)]
    public async Task<IActionResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/bank-statements")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        StatementUploadBody.PrepareLimit(request);
        try
        {
            return await _idempotency.ExecuteAsync(request, context, async () =>
            {
                var access = context.GetAccess();
                var validation = ReadValidation(request.Query["validation"].ToString());
                var (content, fileName) = await StatementUploadBody.OpenAsync(request, cancellationToken);

                var import = await _uploads.UploadAsync(access, content, fileName, validation, cancellationToken);

                return new AcceptedResult(
                    $"/api/orgs/{access.OrganisationId}/bank-statements/{import.Value.Id}",
                    new BankImportAcceptedResponse(import.Value.Id, import.Value.Status));
            }, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit, reached while the idempotency check read the body.
            throw StatementUploadBody.TooLarge(BankingOptions.MaxUploadBytes + 1);
        }
    }

    /// <summary>Lists bank statement imports, newest first (query parameters cursor and limit).</summary>
    [Function("ListBankStatements")]
    [ProducesResponseType(typeof(BankImportPageResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankingRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/bank-statements")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var page = await _queries.ListImportsAsync(context.GetAccess(), request.Query["cursor"], PageSizeOf(request), cancellationToken);

        var language = RequestLanguage.Of(request);
        return new OkObjectResult(new BankImportPageResponse(page.Items.Select(import => BankImportResponse.From(import, null, language)).ToList(), page.NextCursor));
    }

    /// <summary>Returns an import with its statements, transactions and matches.</summary>
    [Function("GetBankStatement")]
    [ProducesResponseType(typeof(BankImportResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankingRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/bank-statements/{importId}")] HttpRequest request,
        string importId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var (import, transactions) = await _queries.GetImportAsync(context.GetAccess(), importId, cancellationToken);

        return ApiResults.Ok(request, BankImportResponse.From(import.Value, transactions, RequestLanguage.Of(request)), import.ETag);
    }

    /// <summary>The parse step: runs for every new file under the upload path.</summary>
    [Function("ParseBankStatement")]
    public Task ImportAsync(
        [BlobTrigger(UploadPath, Connection = "Storage", Source = BlobTriggerSource.EventGrid)] Stream content,
        string orgId,
        string name,
        CancellationToken cancellationToken) =>
        _importStep.RunAsync(orgId, name, content, cancellationToken);

    /// <summary>The match step: runs once per processed import.</summary>
    [Function("MatchBankStatement")]
    public Task MatchAsync(
        [ServiceBusTrigger(QueueNames.BankStatementImported, Connection = "ServiceBus")] MessageEnvelope message,
        CancellationToken cancellationToken) =>
        _matching.RunAsync(message.OrganisationId, message.ReadPayload<BankStatementImported>().ImportId, cancellationToken);

    // Bank lists page like every other list: ?cursor= and ?limit=.
    internal static int? PageSizeOf(HttpRequest request) => PagingQuery.Limit(request);

    private static ImportValidation ReadValidation(string value) => value.ToLowerInvariant() switch
    {
        "" or "strict" => ImportValidation.Strict,
        "lenient" => ImportValidation.Lenient,
        _ => throw ProblemException.Invalid(BankingErrorCodes.InvalidValidation, "validation", new Dictionary<string, object?> { ["value"] = value }),
    };
}
