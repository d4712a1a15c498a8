using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Catalog;

/// <summary>Creates, reads, changes and deletes text snippets.</summary>
public sealed class TextSnippetService
{
    /// <summary>Longest text of one language, enough for a page of terms.</summary>
    public const int MaxTextLength = 4000;

    private static readonly Dictionary<string, SnippetUsage> Usages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["any"] = SnippetUsage.Any,
        ["line"] = SnippetUsage.Line,
        ["note"] = SnippetUsage.Note,
    };

    private readonly ITextSnippetStore _store;
    private readonly TimeProvider _clock;

    public TextSnippetService(ITextSnippetStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    public async Task<Versioned<TextSnippet>> CreateAsync(OrganisationAccess access, TextSnippetInput input, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var snippet = Validate(input, Guid.CreateVersion7(now).ToString("N"), now, now);

        var audit = Audit.Entry(access.Caller, now, "text-snippet.created", "text-snippet", snippet.Id, Details(snippet));
        return await _store.AddAsync(access.OrganisationId, snippet, audit, cancellationToken);
    }

    public Task<ListPage<TextSnippet>> ListAsync(OrganisationAccess access, CatalogQuery query, CancellationToken cancellationToken) =>
        _store.ListAsync(access.OrganisationId, query, cancellationToken);

    public async Task<Versioned<TextSnippet>> GetAsync(OrganisationAccess access, string snippetId, CancellationToken cancellationToken) =>
        (Identifiers.IsValid(snippetId) ? await _store.GetAsync(access.OrganisationId, snippetId, cancellationToken) : null)
        ?? throw ProblemException.NotFound("text-snippet", snippetId);

    public async Task<Versioned<TextSnippet>> UpdateAsync(OrganisationAccess access, string snippetId, TextSnippetInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, snippetId, cancellationToken);
        CheckIfMatch(current.ETag, ifMatch, snippetId);
        var now = _clock.GetUtcNow();
        var snippet = Validate(input, snippetId, current.Value.CreatedAt, now);

        var audit = Audit.Entry(access.Caller, now, "text-snippet.updated", "text-snippet", snippetId, Details(snippet));
        return await _store.SaveAsync(access.OrganisationId, snippet, current.ETag, audit, cancellationToken);
    }

    public async Task DeleteAsync(OrganisationAccess access, string snippetId, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(access, snippetId, cancellationToken);
        CheckIfMatch(current.ETag, ifMatch, snippetId);

        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "text-snippet.deleted", "text-snippet", snippetId, Details(current.Value));
        await _store.DeleteAsync(access.OrganisationId, snippetId, current.ETag, audit, cancellationToken);
    }

    private static TextSnippet Validate(TextSnippetInput input, string id, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var rules = new InputRules();
        var snippet = new TextSnippet
        {
            Id = id,
            Name = rules.Required(input.Name, "name", 100),
            Usage = rules.Choice(input.Usage, "usage", SnippetUsage.Any, Usages),
            Text = rules.Translated(input.Text, "text", MaxTextLength),
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

        rules.ThrowIfInvalid();
        return snippet;
    }

    private static void CheckIfMatch(string etag, string? ifMatch, string snippetId)
    {
        if (ifMatch is not null && ifMatch != etag)
        {
            throw ProblemException.PreconditionFailed("text-snippet", snippetId);
        }
    }

    private static Dictionary<string, string?> Details(TextSnippet snippet) => new() { ["name"] = snippet.Name };
}
