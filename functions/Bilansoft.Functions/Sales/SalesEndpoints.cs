using Bilansoft.Application.Documents;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Functions.Catalog;
using Bilansoft.Functions.Documents;
using Bilansoft.Functions.Platform;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Sales;

/// <summary>
/// The request handling that quotes, delivery notes, invoices and credit notes share: read the
/// request, call one use case, and respond with the document, its ETag and, on creation, its
/// location.
/// The function classes of each kind declare the routes and permissions and call these methods.
/// </summary>
public sealed class SalesEndpoints
{
    private readonly SalesDocumentService _documents;
    private readonly SalesIssueService _issuing;
    private readonly IdempotentRequests _idempotency;
    private readonly DocumentSendService _delivery;
    private readonly TimeProvider _clock;

    public SalesEndpoints(SalesDocumentService documents, SalesIssueService issuing, IdempotentRequests idempotency, DocumentSendService delivery, TimeProvider clock)
    {
        _documents = documents;
        _issuing = issuing;
        _idempotency = idempotency;
        _delivery = delivery;
        _clock = clock;
    }

    public DateOnly Today => BusinessDate.Today(_clock);

    /// <summary>The route segment of a kind's collection, such as <c>delivery-notes</c>.</summary>
    public static string Collection(SalesDocumentKind kind) => SalesKinds.Name(kind) + "s";

    /// <summary>The URL of a document, for <c>Location</c> headers.</summary>
    public static string Location(string organisationId, SalesDocumentRecord record) =>
        $"/api/orgs/{organisationId}/{Collection(record.Kind)}/{SalesIds.Format(record.Id)}";

    /// <summary>Answers 200 with the document and its ETag.</summary>
    public IActionResult Ok(HttpRequest request, Versioned<SalesDocumentRecord> record) =>
        ApiResults.Ok(request, SalesDocumentResponse.From(record.Value, Today), record.ETag);

    /// <summary>Answers 201 with the new document, its ETag and location.</summary>
    public IActionResult Created(HttpRequest request, string organisationId, Versioned<SalesDocumentRecord> record) =>
        ApiResults.Created(request, Location(organisationId, record.Value), SalesDocumentResponse.From(record.Value, Today), record.ETag);

    /// <summary>Runs a POST once per Idempotency-Key.</summary>
    public Task<IActionResult> PostAsync(HttpRequest request, FunctionContext context, Func<Task<IActionResult>> handler, CancellationToken cancellationToken) =>
        _idempotency.ExecuteAsync(request, context, handler, cancellationToken);

    public Task<IActionResult> CreateAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, CancellationToken cancellationToken) =>
        PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();
            var body = await JsonBody.ReadAsync<SalesDocumentRequest>(request, cancellationToken);

            var created = await _documents.CreateAsync(access, kind, body.ToInput(), cancellationToken);

            return Created(request, access.OrganisationId, created);
        }, cancellationToken);

    public async Task<IActionResult> ListAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, CancellationToken cancellationToken)
    {
        var today = Today;
        var query = SalesListQueries.Read(request, kind, today);

        var page = await _documents.ListAsync(context.GetAccess(), query, cancellationToken);

        return new OkObjectResult(new PageResponse<SalesDocumentSummaryResponse>([.. page.Items.Select(item => SalesDocumentSummaryResponse.From(item, today))], page.NextCursor));
    }

    /// <summary>Answers 200 with the document and, for an invoice or credit note, its delivery state.</summary>
    public async Task<IActionResult> GetAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, string id, CancellationToken cancellationToken)
    {
        var access = context.GetAccess();
        var record = await _documents.GetAsync(access, kind, id, cancellationToken);
        var delivery = DocumentRenderer.IsStored(kind) ? await _delivery.GetDeliveryAsync(access, SalesIds.Format(record.Value.Id), cancellationToken) : null;

        var response = SalesDocumentResponse.From(record.Value, Today) with { Delivery = delivery is null ? null : DocumentDeliveryResponse.From(delivery) };
        return ApiResults.Ok(request, response, record.ETag);
    }

    public async Task<IActionResult> UpdateAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, string id, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<SalesDocumentRequest>(request, cancellationToken);

        var updated = await _documents.UpdateAsync(context.GetAccess(), kind, id, body.ToInput(), ApiResults.IfMatch(request), cancellationToken);

        return Ok(request, updated);
    }

    public async Task<IActionResult> DeleteAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, string id, CancellationToken cancellationToken)
    {
        await _documents.DeleteAsync(context.GetAccess(), kind, id, ApiResults.IfMatch(request), cancellationToken);

        return new NoContentResult();
    }

    /// <summary>Issues an invoice, delivery note or credit note, or sends a quote.</summary>
    public Task<IActionResult> IssueAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, string id, CancellationToken cancellationToken) =>
        PostAsync(request, context, async () =>
        {
            var issued = await _issuing.IssueAsync(context.GetAccess(), kind, id, ApiResults.IfMatch(request), cancellationToken);

            return Ok(request, issued);
        }, cancellationToken);

    public Task<IActionResult> DuplicateAsync(HttpRequest request, FunctionContext context, SalesDocumentKind kind, string id, CancellationToken cancellationToken) =>
        PostAsync(request, context, async () =>
        {
            var access = context.GetAccess();

            var copy = await _documents.DuplicateAsync(access, kind, id, cancellationToken);

            return Created(request, access.OrganisationId, copy);
        }, cancellationToken);
}
