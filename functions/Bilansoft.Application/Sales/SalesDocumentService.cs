using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>
/// Drafts of quotes, delivery notes, invoices and credit notes: create, read, list, replace,
/// delete and duplicate. Only drafts change; an issued document is corrected by a credit note.
/// </summary>
public sealed class SalesDocumentService
{
    private readonly SalesDocuments _documents;
    private readonly SalesContentBuilder _builder;

    public SalesDocumentService(SalesDocuments documents, SalesContentBuilder builder)
    {
        _documents = documents;
        _builder = builder;
    }

    /// <summary>Creates a draft quote, delivery note or invoice; credit notes start from an invoice instead.</summary>
    /// <exception cref="ProblemException">Invalid input, with every violation.</exception>
    public async Task<Versioned<SalesDocumentRecord>> CreateAsync(OrganisationAccess access, SalesDocumentKind kind, SalesDocumentInput input, CancellationToken cancellationToken)
    {
        if (kind == SalesDocumentKind.CreditNote)
        {
            throw new ArgumentException("Credit notes are created from the invoice they credit.", nameof(kind));
        }

        var validation = await _documents.ValidationAsync(access.OrganisationId, cancellationToken);
        var draft = await _builder.BuildAsync(access.OrganisationId, kind, input, validation, _documents.Today, cancellationToken);
        var document = SalesDocument.CreateDraft(SalesDocumentId.New(), kind, draft.Content);

        var record = _documents.NewRecord(document, draft.DeliveryAddress);
        var commit = new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [_documents.Audit(access, "created", document)] };
        return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
    }

    public Task<Versioned<SalesDocumentRecord>> GetAsync(OrganisationAccess access, SalesDocumentKind kind, string documentId, CancellationToken cancellationToken) =>
        _documents.LoadAsync(access.OrganisationId, kind, documentId, cancellationToken);

    public Task<ListPage<SalesDocumentSummary>> ListAsync(OrganisationAccess access, SalesDocumentQuery query, CancellationToken cancellationToken) =>
        _documents.Store.ListAsync(access.OrganisationId, query, cancellationToken);

    /// <summary>Replaces the content of a draft; <paramref name="ifMatch"/>, when given, must be the current ETag.</summary>
    /// <exception cref="ProblemException">
    /// Not found; 412 on a stale If-Match; 409 <c>document.immutable</c> when the document is no
    /// longer a draft; invalid input with every violation.
    /// </exception>
    public async Task<Versioned<SalesDocumentRecord>> UpdateAsync(
        OrganisationAccess access, SalesDocumentKind kind, string documentId, SalesDocumentInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var first = await LoadChangeableAsync(access, kind, documentId, ifMatch, cancellationToken);
        var validation = await _documents.ValidationAsync(access.OrganisationId, cancellationToken);
        var draft = kind == SalesDocumentKind.CreditNote
            ? new DraftContent(await _builder.BuildCreditNoteAsync(access.OrganisationId, first.Value.Document.Customer, input, validation, _documents.Today, cancellationToken), first.Value.DeliveryAddress)
            : await _builder.BuildAsync(access.OrganisationId, kind, input, validation, _documents.Today, cancellationToken);

        return await _documents.Transactions.RunAsync($"{SalesKinds.Name(kind)}.update", documentId, async () =>
        {
            var current = await LoadChangeableAsync(access, kind, documentId, ifMatch, cancellationToken);
            var updated = current.Value.Document.Update(draft.Content).ValueOrThrow();

            var record = current.Value with { Document = updated, DeliveryAddress = draft.DeliveryAddress, UpdatedAt = _documents.Now };
            var commit = new SalesCommit { Writes = [new DocumentWrite(record, current)], Audit = [_documents.Audit(access, "updated", updated)] };
            return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Deletes a draft; an issued document is never deleted.</summary>
    /// <exception cref="ProblemException">Not found; 412 on a stale If-Match; 409 <c>document.immutable</c> when it is not a draft.</exception>
    public async Task DeleteAsync(OrganisationAccess access, SalesDocumentKind kind, string documentId, string? ifMatch, CancellationToken cancellationToken) =>
        await _documents.Transactions.RunAsync($"{SalesKinds.Name(kind)}.delete", documentId, async () =>
        {
            var current = await LoadChangeableAsync(access, kind, documentId, ifMatch, cancellationToken);

            var commit = new SalesCommit { Deletes = [current], Audit = [_documents.Audit(access, "deleted", current.Value.Document)] };
            await _documents.Store.CommitAsync(access.OrganisationId, commit, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Copies a document in any state into a new draft of its kind dated today; a credit note's copy
    /// still credits the same invoice.
    /// </summary>
    public async Task<Versioned<SalesDocumentRecord>> DuplicateAsync(OrganisationAccess access, SalesDocumentKind kind, string documentId, CancellationToken cancellationToken)
    {
        var source = await _documents.LoadAsync(access.OrganisationId, kind, documentId, cancellationToken);
        if (source.Value.Imported)
        {
            throw SalesProblems.Imported(source.Value.Document);
        }

        var copy = source.Value.Document.Duplicate(SalesDocumentId.New(), _documents.Today);

        var record = _documents.NewRecord(copy, source.Value.DeliveryAddress);
        var details = new Dictionary<string, string?> { ["source"] = SalesIds.Format(source.Value.Id), ["sourceNumber"] = source.Value.Document.Number?.Text };
        var commit = new SalesCommit { Writes = [new DocumentWrite(record, null)], Audit = [_documents.Audit(access, "duplicated", copy, details)] };
        return await _documents.CommitAsync(access.OrganisationId, commit, record, cancellationToken);
    }

    private async Task<Versioned<SalesDocumentRecord>> LoadChangeableAsync(
        OrganisationAccess access, SalesDocumentKind kind, string documentId, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await _documents.LoadAsync(access.OrganisationId, kind, documentId, cancellationToken);
        SalesDocuments.CheckIfMatch(current, ifMatch);
        return current.Value.Document.IsDraft ? current : throw SalesProblems.Immutable(current.Value.Document);
    }
}
