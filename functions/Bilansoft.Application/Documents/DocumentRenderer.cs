using System.Security.Cryptography;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Formats.Documents;
using Bilansoft.Formats.Documents.Pdf;
using Bilansoft.Formats.Documents.Ubl;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Application.Documents;

/// <summary>
/// Renders sales documents and keeps their files: the PDF for every kind and, for invoices and
/// credit notes, the Peppol UBL file that embeds that PDF. Files of invoices and credit notes are
/// stored once and then served as stored, so the customer, the accountant and a later download all
/// see the same bytes.
/// </summary>
public sealed partial class DocumentRenderer
{
    private readonly IOrganisationStore _organisations;
    private readonly ILogoStore _logos;
    private readonly IDocumentSettingsStore _settings;
    private readonly IDocumentFileStore _files;
    private readonly TimeProvider _clock;
    private readonly ILogger<DocumentRenderer> _logger;

    public DocumentRenderer(
        IOrganisationStore organisations,
        ILogoStore logos,
        IDocumentSettingsStore settings,
        IDocumentFileStore files,
        TimeProvider clock,
        ILogger<DocumentRenderer> logger)
    {
        _organisations = organisations;
        _logos = logos;
        _settings = settings;
        _files = files;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Whether documents of a kind are stored: invoices and credit notes are, quotes and delivery notes are rendered on request.</summary>
    public static bool IsStored(SalesDocumentKind kind) => kind is SalesDocumentKind.Invoice or SalesDocumentKind.CreditNote;

    /// <summary>Renders the PDF of a document without storing it; used for quotes and delivery notes.</summary>
    /// <exception cref="Errors.ProblemException">The document is a draft, or the organisation profile is incomplete.</exception>
    public async Task<byte[]> RenderPdfAsync(string organisationId, SalesDocumentRecord record, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(organisationId, record, cancellationToken);
        return DocumentPdfRenderer.Render(model);
    }

    /// <summary>
    /// Returns the stored PDF and UBL of an invoice or credit note, rendering and storing whichever
    /// is missing. A UBL file rendered later embeds the PDF already stored, so both always match.
    /// A document whose buyer has no electronic address has no UBL (see <see cref="RenderModelMapping.HasUbl"/>).
    /// </summary>
    /// <exception cref="Errors.ProblemException">The document is a draft, or the organisation profile is incomplete.</exception>
    /// <exception cref="UblRuleViolationException">The UBL breaks a checked rule, which is a bug.</exception>
    public async Task<StoredDocumentFiles> EnsureStoredAsync(string organisationId, SalesDocumentRecord record, CancellationToken cancellationToken)
    {
        if (!IsStored(record.Kind))
        {
            throw new ArgumentException($"Only invoices and credit notes are stored; got a {record.Kind}.", nameof(record));
        }

        var documentId = SalesIds.Format(record.Id);
        var pdf = await _files.GetAsync(organisationId, documentId, DocumentFileKind.Pdf, cancellationToken);
        var ubl = await _files.GetAsync(organisationId, documentId, DocumentFileKind.Ubl, cancellationToken);
        if (pdf is null || ubl is null)
        {
            var model = await ModelAsync(organisationId, record, cancellationToken);
            pdf ??= await _files.AddOrGetAsync(organisationId, documentId, DocumentFileKind.Pdf, DocumentPdfRenderer.Render(model), cancellationToken);
            if (RenderModelMapping.HasUbl(model))
            {
                ubl ??= await _files.AddOrGetAsync(organisationId, documentId, DocumentFileKind.Ubl, Ubl(model, record, pdf), cancellationToken);
            }

            LogStored(_logger, record.Kind, documentId, organisationId, pdf.Length, ubl?.Length ?? 0);
        }

        var info = new RenderedFiles(_clock.GetUtcNow(), Sha256(pdf), pdf.Length, ubl is null ? null : Sha256(ubl), ubl?.Length);
        return new StoredDocumentFiles(pdf, ubl, info);
    }

    private async Task<DocumentRenderModel> ModelAsync(string organisationId, SalesDocumentRecord record, CancellationToken cancellationToken)
    {
        var organisation = await _organisations.GetAsync(organisationId, cancellationToken)
            ?? throw new InvalidOperationException($"Organisation {organisationId} of document {SalesIds.Format(record.Id)} does not exist.");
        var settings = (await _settings.GetAsync(organisationId, cancellationToken))?.Value ?? DocumentSettings.Default;
        var letterhead = settings.Letterhead is null ? null : await _files.GetLetterheadAsync(organisationId, cancellationToken);
        var logo = organisation.Value.LogoContentType is null ? null : (await _logos.GetAsync(organisationId, cancellationToken))?.Content;

        // A null array converts to an empty memory, even as the null literal of a conditional, so
        // each is wrapped only when present and null is typed explicitly.
        var letterheadContent = letterhead is null ? (ReadOnlyMemory<byte>?)null : letterhead;
        var logoContent = logo is null ? (ReadOnlyMemory<byte>?)null : logo;
        return RenderModelMapping.Map(record, organisation.Value.Profile, settings.ToHouseStyle(letterheadContent), logoContent);
    }

    // A broken rule means that the mapping or the writer has a bug. The access point would reject
    // such a file, so rendering fails loudly with the rule ids instead.
    private byte[] Ubl(DocumentRenderModel model, SalesDocumentRecord record, byte[] pdf)
    {
        var attachment = new UblAttachment(DocumentTexts.FileName(record.Kind, model.Number, model.Language, DocumentFileKind.Pdf), pdf);
        var ubl = PeppolUblWriter.ToBytes(model, attachment);
        using var stream = new MemoryStream(ubl, writable: false);
        var check = UblRuleChecker.Check(stream);
        if (!check.IsValid)
        {
            var documentId = SalesIds.Format(record.Id);
            var rules = string.Join(", ", check.RuleIds.Order(StringComparer.Ordinal));
            LogUblInvalid(_logger, record.Kind, documentId, rules);
            throw new UblRuleViolationException(documentId, check.RuleIds);
        }

        return ubl;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Stored the files of {Kind} {DocumentId} of organisation {OrganisationId}: PDF {PdfBytes} bytes, UBL {UblBytes} bytes")]
    private static partial void LogStored(ILogger logger, SalesDocumentKind kind, string documentId, string organisationId, int pdfBytes, int ublBytes);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Critical, Message = "The UBL of {Kind} {DocumentId} breaks rules {RuleIds}; nothing was stored or sent")]
    private static partial void LogUblInvalid(ILogger logger, SalesDocumentKind kind, string documentId, string ruleIds);
}

/// <summary>The stored files of an invoice or credit note.</summary>
/// <param name="Pdf">The PDF bytes.</param>
/// <param name="Ubl">The UBL bytes with the PDF embedded, or null when the buyer has no electronic address.</param>
/// <param name="Info">Sizes and hashes, as the delivery state records them.</param>
public sealed record StoredDocumentFiles(byte[] Pdf, byte[]? Ubl, RenderedFiles Info);

/// <summary>
/// The UBL file Bilansoft wrote breaks rules that <see cref="UblRuleChecker"/> checks. This is a bug
/// in the render model mapping or the UBL writer, never a user error.
/// </summary>
public sealed class UblRuleViolationException : Exception
{
    public UblRuleViolationException(string documentId, IReadOnlySet<string> ruleIds)
        : base($"The UBL of document {documentId} breaks rules {string.Join(", ", ruleIds.Order(StringComparer.Ordinal))}.")
    {
        RuleIds = ruleIds;
    }

    public UblRuleViolationException()
    {
        RuleIds = new HashSet<string>();
    }

    public UblRuleViolationException(string message)
        : base(message)
    {
        RuleIds = new HashSet<string>();
    }

    public UblRuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        RuleIds = new HashSet<string>();
    }

    /// <summary>The official ids of the broken rules, such as <c>BR-CO-15</c>.</summary>
    public IReadOnlySet<string> RuleIds { get; }
}
