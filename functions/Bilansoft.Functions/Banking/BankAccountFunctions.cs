using Bilansoft.Application.Banking;
using Bilansoft.Application.Identity;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Banking;

/// <summary><c>/api/orgs/{orgId}/bank-accounts</c>: the organisation's bank accounts.</summary>
public sealed class BankAccountFunctions
{
    private readonly BankAccountService _accounts;
    private readonly IdempotentRequests _idempotency;

    public BankAccountFunctions(BankAccountService accounts, IdempotentRequests idempotency)
    {
        _accounts = accounts;
        _idempotency = idempotency;
    }

    /// <summary>Adds a bank account of the organisation.</summary>
    [Function("CreateBankAccount")]
    [AcceptsJson(typeof(BankAccountRequest))]
    [ProducesResponseType(typeof(BankAccountResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.BankAccountsManage)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/bank-accounts")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        return _idempotency.ExecuteAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<BankAccountRequest>(request, cancellationToken);

            var created = await _accounts.CreateAsync(access, body.ToInput(), cancellationToken);

            return ApiResults.Created(request, $"/api/orgs/{access.OrganisationId}/bank-accounts/{created.Value.Id}", BankAccountResponse.From(created.Value), created.ETag);
        }, cancellationToken);
    }

    /// <summary>Lists the organisation's bank accounts, its own IBAN included.</summary>
    [Function("ListBankAccounts")]
    [ProducesResponseType(typeof(IReadOnlyList<BankAccountResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankingRead)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/bank-accounts")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var accounts = await _accounts.ListAsync(context.GetAccess(), cancellationToken);

        return new OkObjectResult(accounts.Select(account => BankAccountResponse.From(account.Value)).ToList());
    }

    /// <summary>Returns a bank account with its last statement and balance.</summary>
    [Function("GetBankAccount")]
    [ProducesResponseType(typeof(BankAccountResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankingRead)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/bank-accounts/{accountId}")] HttpRequest request,
        string accountId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var account = await _accounts.GetAsync(context.GetAccess(), accountId, cancellationToken);

        return ApiResults.Ok(request, BankAccountResponse.From(account.Value), account.ETag);
    }

    /// <summary>Changes a bank account's name, BIC or currency.</summary>
    [Function("UpdateBankAccount")]
    [AcceptsJson(typeof(BankAccountRequest))]
    [ProducesResponseType(typeof(BankAccountResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.BankAccountsManage)]
    public async Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/bank-accounts/{accountId}")] HttpRequest request,
        string accountId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<BankAccountRequest>(request, cancellationToken);

        var updated = await _accounts.UpdateAsync(context.GetAccess(), accountId, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return ApiResults.Ok(request, BankAccountResponse.From(updated.Value), updated.ETag);
    }

    /// <summary>Removes a bank account that has no statements.</summary>
    [Function("DeleteBankAccount")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.BankAccountsManage)]
    public async Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/bank-accounts/{accountId}")] HttpRequest request,
        string accountId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        await _accounts.DeleteAsync(context.GetAccess(), accountId, cancellationToken);

        return new NoContentResult();
    }
}
