using Bilansoft.Application.Banking;
using Bilansoft.Application.Identity;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Banking;

/// <summary><c>/api/orgs/{orgId}/bank-transactions</c>: the reconciliation screen and manual matches.</summary>
public sealed class BankTransactionFunctions
{
    private readonly BankStatementQueryService _queries;
    private readonly BankMatchingService _matching;
    private readonly IdempotentRequests _idempotency;

    public BankTransactionFunctions(BankStatementQueryService queries, BankMatchingService matching, IdempotentRequests idempotency)
    {
        _queries = queries;
        _matching = matching;
        _idempotency = idempotency;
    }

    /// <summary>Lists transactions, newest import first; <c>?status=unmatched</c> (or matched, suggested, pending) filters.</summary>
    [Function("ListBankTransactions")]
    [ProducesResponseType(typeof(BankTransactionPageResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankingRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/bank-transactions")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var page = await _queries.ListTransactionsAsync(
            context.GetAccess(), request.Query["status"], request.Query["cursor"], BankStatementFunctions.PageSizeOf(request), cancellationToken);

        return new OkObjectResult(new BankTransactionPageResponse(page.Items.Select(BankTransactionResponse.From).ToList(), page.NextCursor));
    }

    /// <summary>Returns one bank transaction with its match and suggestions.</summary>
    [Function("GetBankTransaction")]
    [ProducesResponseType(typeof(BankTransactionResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankingRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/bank-transactions/{transactionId}")] HttpRequest request,
        string transactionId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var transaction = await _queries.GetTransactionAsync(context.GetAccess(), transactionId, cancellationToken);

        return ApiResults.Ok(request, BankTransactionResponse.From(transaction.Value), transaction.ETag);
    }

    /// <summary>Books amounts of the transaction on invoices: a suggestion confirmed, or a split.</summary>
    [Function("MatchBankTransaction")]
    [AcceptsJson(typeof(MatchRequest))]
    [ProducesResponseType(typeof(BankTransactionResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.PaymentsManage)]
    public Task<IActionResult> MatchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/bank-transactions/{transactionId}/matches")] HttpRequest request,
        string transactionId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var body = await JsonBody.ReadAsync<MatchRequest>(request, cancellationToken);
            var inputs = body.Allocations?.Select(allocation => new AllocationInput(allocation?.InvoiceId, allocation?.Amount)).ToList();

            var updated = await _matching.AllocateAsync(context.GetAccess(), transactionId, inputs, cancellationToken);

            return new OkObjectResult(BankTransactionResponse.From(updated));
        }, cancellationToken);
    }

    /// <summary>Undoes a match: its payments come off the invoices.</summary>
    [Function("UndoBankTransactionMatch")]
    [ProducesResponseType(typeof(BankTransactionResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.PaymentsManage)]
    public async Task<IActionResult> UndoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/bank-transactions/{transactionId}/matches/{matchId}")] HttpRequest request,
        string transactionId,
        string matchId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var updated = await _matching.UndoAsync(context.GetAccess(), transactionId, matchId, cancellationToken);

        return new OkObjectResult(BankTransactionResponse.From(updated));
    }
}
