using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;

namespace Bilansoft.Application.Banking;

/// <summary>
/// Takes statement files and webhook pushes in: the content is stored where the parse step picks
/// it up, with an import record in state <see cref="BankImportStatus.Received"/>.
/// </summary>
public sealed class BankStatementUploadService
{
    /// <summary>Uploader recorded for webhook pushes.</summary>
    public const string WebhookUploader = "webhook:bank";

    private readonly IStatementFileStore _files;
    private readonly IBankImportStore _imports;
    private readonly IOrganisationStore _organisations;
    private readonly TimeProvider _clock;

    public BankStatementUploadService(IStatementFileStore files, IBankImportStore imports, IOrganisationStore organisations, TimeProvider clock)
    {
        _files = files;
        _imports = imports;
        _organisations = organisations;
        _clock = clock;
    }

    /// <summary>
    /// Streams a statement file of at most <see cref="BankingOptions.MaxUploadBytes"/> to storage
    /// and records the import.
    /// </summary>
    /// <exception cref="ProblemException">Payload too large above the limit; nothing is kept.</exception>
    public Task<Versioned<BankImport>> UploadAsync(OrganisationAccess access, Stream content, string? fileName, ImportValidation validation, CancellationToken cancellationToken) =>
        StoreAsync(access.OrganisationId, content, CleanFileName(fileName), access.Caller.UserId, BankImportFormat.Unknown, validation, cancellationToken);

    /// <summary>
    /// Checks a verified webhook push against the contract and stores it as an import of format
    /// <see cref="BankImportFormat.Webhook"/>.
    /// </summary>
    /// <exception cref="ProblemException">Not found for an unknown or closed organisation; invalid for a push that breaks the contract.</exception>
    public async Task<Versioned<BankImport>> ReceivePushAsync(string organisationId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var organisation = Identifiers.IsValid(organisationId) ? await _organisations.GetAsync(organisationId, cancellationToken) : null;
        if (organisation is null || organisation.Value.Status != OrganisationStatus.Active)
        {
            throw ProblemException.NotFound("organisation", organisationId);
        }

        var (push, violations) = BankWebhookPush.Read(body.Span);
        if (push is null)
        {
            throw ProblemException.Invalid(violations);
        }

        using var content = new MemoryStream(body.ToArray(), writable: false);
        return await StoreAsync(organisationId, content, CleanFileName("webhook " + push.Id), WebhookUploader, BankImportFormat.Webhook, ImportValidation.Strict, cancellationToken);
    }

    private async Task<Versioned<BankImport>> StoreAsync(
        string organisationId,
        Stream content,
        string fileName,
        string uploadedBy,
        BankImportFormat format,
        ImportValidation validation,
        CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var importId = BankImportIds.New(now);
        var metadata = new StatementFileMetadata(fileName, uploadedBy, format, validation, now);

        var size = await _files.SaveAsync(organisationId, importId, content, BankingOptions.MaxUploadBytes, metadata, cancellationToken);

        // The file is written first: the parse step rebuilds the record from the file's metadata
        // when this process stops right here, and adding it then finds the record in place.
        return await _imports.AddAsync(organisationId, NewImport(importId, metadata, size), cancellationToken);
    }

    /// <summary>Builds the record of a received file.</summary>
    public static BankImport NewImport(string importId, StatementFileMetadata metadata, long size) => new()
    {
        Id = importId,
        Status = BankImportStatus.Received,
        Format = metadata.Format,
        FileName = metadata.FileName,
        Size = size,
        UploadedBy = metadata.UploadedBy,
        ReceivedAt = metadata.ReceivedAt,
        Validation = metadata.Validation,
    };

    // File names are shown back to users and kept in blob metadata, so only a short printable name stays.
    private static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? string.Empty);
        var printable = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return printable.Length == 0 ? "statement" : printable[..Math.Min(printable.Length, 200)];
    }
}
