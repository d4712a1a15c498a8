using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain.Sales;
using Microsoft.Extensions.Options;

namespace Bilansoft.Application.Sales;

/// <summary>
/// The steps every sales use case takes around the domain model. It loads a document of the right
/// kind, checks the caller's If-Match, gives today's business date and the seller's VAT facts, and
/// commits a change with its audit entries and messages, which it publishes after the commit.
/// </summary>
public sealed class SalesDocuments
{
    private readonly ISalesDocumentStore _store;
    private readonly IOrganisationStore _organisations;
    private readonly IOutbox _outbox;
    private readonly SalesOptions _options;
    private readonly TimeProvider _clock;

    public SalesDocuments(
        ISalesDocumentStore store,
        IOrganisationStore organisations,
        IOutbox outbox,
        SalesTransactions transactions,
        IOptions<SalesOptions> options,
        TimeProvider clock)
    {
        _store = store;
        _organisations = organisations;
        _outbox = outbox;
        Transactions = transactions;
        _options = options.Value;
        _clock = clock;
    }

    public ISalesDocumentStore Store => _store;

    public SalesTransactions Transactions { get; }

    public SalesOptions Options => _options;

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>Today's business date in Brussels.</summary>
    public DateOnly Today => BusinessDate.Today(_clock);

    /// <summary>The validation options of the organisation: rate table, line limit and whether it is under the small-enterprise scheme.</summary>
    public async Task<SalesValidationOptions> ValidationAsync(string organisationId, CancellationToken cancellationToken)
    {
        var organisation = await _organisations.GetAsync(organisationId, cancellationToken);
        return new SalesValidationOptions
        {
            VatRates = _options.VatRates,
            MaximumLineCount = _options.MaximumLineCount,
            SellerUnderSmallEnterpriseScheme = organisation?.Value.Profile.SmallEnterpriseScheme ?? false,
        };
    }

    /// <summary>Loads a document of <paramref name="kind"/>.</summary>
    /// <exception cref="ProblemException">Not found when the id is malformed or names no document of that kind.</exception>
    public async Task<Versioned<SalesDocumentRecord>> LoadAsync(string organisationId, SalesDocumentKind kind, string documentId, CancellationToken cancellationToken) =>
        await FindAsync(organisationId, kind, documentId, cancellationToken)
        ?? throw ProblemException.NotFound(SalesKinds.Name(kind), documentId);

    /// <summary>Loads a document of <paramref name="kind"/>, or null when there is none.</summary>
    public async Task<Versioned<SalesDocumentRecord>?> FindAsync(string organisationId, SalesDocumentKind kind, string? documentId, CancellationToken cancellationToken)
    {
        if (!SalesDocumentId.TryParse(documentId, out var id))
        {
            return null;
        }

        var record = await _store.GetAsync(organisationId, id, cancellationToken);
        return record?.Value.Kind == kind ? record : null;
    }

    /// <summary>Loads documents named in a request; every unknown one is reported under <paramref name="field"/>.</summary>
    /// <exception cref="ProblemException">Invalid when an id names no document of <paramref name="kind"/>.</exception>
    public async Task<IReadOnlyList<Versioned<SalesDocumentRecord>>> LoadListedAsync(
        string organisationId, SalesDocumentKind kind, IReadOnlyList<string?>? ids, string field, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        if (ids is null || ids.Count == 0)
        {
            rules.Add("required", field);
        }

        var records = new List<Versioned<SalesDocumentRecord>>();
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            var record = await FindAsync(organisationId, kind, ids![i], cancellationToken);
            if (record is null)
            {
                rules.Add(SalesErrorCodes.DocumentUnknown, $"{field}[{i}]", new Dictionary<string, object?> { ["id"] = ids[i], ["kind"] = kind });
            }
            else if (records.Any(other => other.Value.Id == record.Value.Id))
            {
                rules.Add(SalesErrorCodes.DocumentListedTwice, $"{field}[{i}]", new Dictionary<string, object?> { ["value"] = ids[i] });
            }
            else
            {
                records.Add(record);
            }
        }

        rules.ThrowIfInvalid();
        return records;
    }

    /// <summary>Rejects the request with 412 when the client sent an If-Match that is not the document's ETag.</summary>
    public static void CheckIfMatch(Versioned<SalesDocumentRecord> current, string? ifMatch)
    {
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw ProblemException.PreconditionFailed(SalesKinds.Name(current.Value.Kind), SalesIds.Format(current.Value.Id));
        }
    }

    /// <summary>Creates the audit entry <c>{kind}.{verb}</c> of a document.</summary>
    public AuditEntry Audit(OrganisationAccess access, string verb, SalesDocument document, IReadOnlyDictionary<string, string?>? details = null) =>
        Organisations.Audit.Entry(access.Caller, Now, $"{SalesKinds.Name(document.Kind)}.{verb}", SalesKinds.Name(document.Kind), SalesIds.Format(document.Id), details);

    /// <summary>Commits <paramref name="commit"/>, publishes its messages and returns <paramref name="result"/> with its new ETag.</summary>
    /// <exception cref="SalesConcurrencyException">A row changed since it was read.</exception>
    public async Task<Versioned<SalesDocumentRecord>> CommitAsync(string organisationId, SalesCommit commit, SalesDocumentRecord result, CancellationToken cancellationToken)
    {
        var etags = await _store.CommitAsync(organisationId, commit, cancellationToken);
        if (commit.Messages.Count > 0)
        {
            await _outbox.PublishCommittedAsync(organisationId, commit.Messages, cancellationToken);
        }

        return new Versioned<SalesDocumentRecord>(result, etags[result.Id]);
    }

    /// <summary>A new record of a document made now.</summary>
    public SalesDocumentRecord NewRecord(SalesDocument document, Domain.Sales.PostalAddress? deliveryAddress)
    {
        var now = Now;
        return new SalesDocumentRecord { Document = document, DeliveryAddress = deliveryAddress, CreatedAt = now, UpdatedAt = now };
    }
}
