using Bilansoft.Application.Catalog;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Catalog;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Sales;

/// <summary><c>/api/orgs/{orgId}/quotes</c>: offers, their acceptance or refusal, and conversion into invoices or delivery notes.</summary>
public sealed class QuoteFunctions
{
    private const SalesDocumentKind Kind = SalesDocumentKind.Quote;

    private static readonly Dictionary<string, SalesDocumentKind> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["invoice"] = SalesDocumentKind.Invoice,
        ["deliveryNote"] = SalesDocumentKind.DeliveryNote,
    };

    private readonly SalesEndpoints _endpoints;
    private readonly SalesIssueService _issuing;
    private readonly SalesConversionService _conversions;

    public QuoteFunctions(SalesEndpoints endpoints, SalesIssueService issuing, SalesConversionService conversions)
    {
        _endpoints = endpoints;
        _issuing = issuing;
        _conversions = conversions;
    }

    /// <summary>Creates a draft quote.</summary>
    [Function("CreateQuote")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.CreateAsync(request, context, Kind, cancellationToken);

    /// <summary>Lists quotes from the index, with filters, order and paging.</summary>
    [Function("ListQuotes")]
    [ProducesResponseType(typeof(PageResponse<SalesDocumentSummaryResponse>), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/quotes")] HttpRequest request,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.ListAsync(request, context, Kind, cancellationToken);

    /// <summary>Returns a quote with its lines, totals, VAT breakdown and mentions.</summary>
    [Function("GetQuote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesRead)]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orgs/{orgId}/quotes/{quoteId}")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.GetAsync(request, context, Kind, quoteId, cancellationToken);

    /// <summary>Replaces the content of a draft quote.</summary>
    [Function("UpdateQuote")]
    [AcceptsJson(typeof(SalesDocumentRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "orgs/{orgId}/quotes/{quoteId}")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.UpdateAsync(request, context, Kind, quoteId, cancellationToken);

    /// <summary>Deletes a draft quote; an issued one is never deleted.</summary>
    [Function("DeleteQuote")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "orgs/{orgId}/quotes/{quoteId}")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DeleteAsync(request, context, Kind, quoteId, cancellationToken);

    /// <summary>Sends a draft quote: it gets the next number of the quote series and can no longer change.</summary>
    [Function("SendQuote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> SendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes/{quoteId}/send")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.IssueAsync(request, context, Kind, quoteId, cancellationToken);

    /// <summary>Records that the customer accepted a sent quote.</summary>
    [Function("AcceptQuote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes/{quoteId}/accept")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, context, quoteId, SalesDocumentAction.Accept, cancellationToken);

    /// <summary>Records that the customer declined a sent quote.</summary>
    [Function("DeclineQuote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> DeclineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes/{quoteId}/decline")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, context, quoteId, SalesDocumentAction.Decline, cancellationToken);

    /// <summary>Records that a sent quote expired.</summary>
    [Function("ExpireQuote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status200OK)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> ExpireAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes/{quoteId}/expire")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        AnswerAsync(request, context, quoteId, SalesDocumentAction.Expire, cancellationToken);

    /// <summary>Converts a sent or accepted quote into a draft invoice or delivery note: <c>{ "to": "invoice" }</c>.</summary>
    [Function("ConvertQuote")]
    [AcceptsJson(typeof(ConvertQuoteRequest))]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesIssue)]
    public Task<IActionResult> ConvertAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes/{quoteId}/convert")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<ConvertQuoteRequest>(request, cancellationToken);
            var rules = new InputRules();
            if (string.IsNullOrWhiteSpace(body.To))
            {
                rules.Add("required", "to");
            }

            var target = rules.Choice(body.To, "to", SalesDocumentKind.Invoice, Targets);
            rules.ThrowIfInvalid();

            var converted = await _conversions.ConvertQuoteAsync(access, quoteId, target, ApiResults.IfMatch(request), cancellationToken);

            return _endpoints.Created(request, access.OrganisationId, converted);
        }, cancellationToken);

    /// <summary>Copies a quote into a new draft dated today.</summary>
    [Function("DuplicateQuote")]
    [ProducesResponseType(typeof(SalesDocumentResponse), StatusCodes.Status201Created)]
    [RequiresPermission(Permission.SalesDraftWrite)]
    public Task<IActionResult> DuplicateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orgs/{orgId}/quotes/{quoteId}/duplicate")] HttpRequest request,
        string quoteId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        _endpoints.DuplicateAsync(request, context, Kind, quoteId, cancellationToken);

    private Task<IActionResult> AnswerAsync(HttpRequest request, FunctionContext context, string quoteId, SalesDocumentAction action, CancellationToken cancellationToken) =>
        _endpoints.PostAsync(request, context, async () =>
        {
            var quote = await _issuing.AnswerQuoteAsync(context.GetAccess(), quoteId, action, ApiResults.IfMatch(request), cancellationToken);

            return _endpoints.Ok(request, quote);
        }, cancellationToken);
}
