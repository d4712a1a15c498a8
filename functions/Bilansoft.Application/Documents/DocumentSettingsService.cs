using System.Globalization;
using System.Security.Cryptography;
using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Formats.Documents;

namespace Bilansoft.Application.Documents;

/// <summary>Reads and changes an organisation's house style and letterhead.</summary>
public sealed class DocumentSettingsService
{
    private static readonly Dictionary<string, DocumentTemplate> Templates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["business"] = DocumentTemplate.Business,
        ["creative"] = DocumentTemplate.Creative,
        ["colourful"] = DocumentTemplate.Colourful,
    };

    private static readonly Dictionary<string, AddressWindow> Windows = new(StringComparer.OrdinalIgnoreCase)
    {
        ["left"] = AddressWindow.Left,
        ["right"] = AddressWindow.Right,
    };

    private readonly IDocumentSettingsStore _store;
    private readonly IDocumentFileStore _files;
    private readonly TimeProvider _clock;

    public DocumentSettingsService(IDocumentSettingsStore store, IDocumentFileStore files, TimeProvider clock)
    {
        _store = store;
        _files = files;
        _clock = clock;
    }

    /// <summary>Reads the settings; the defaults with an empty ETag while none were stored.</summary>
    public async Task<Versioned<DocumentSettings>> GetAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        return await _store.GetAsync(access.OrganisationId, cancellationToken) ?? new Versioned<DocumentSettings>(DocumentSettings.Default, string.Empty);
    }

    /// <summary>Replaces the house style; the letterhead stays as it is. <paramref name="ifMatch"/>, when given, must be the current ETag.</summary>
    /// <exception cref="ProblemException">400 with every violation; 412 on a stale If-Match.</exception>
    public async Task<Versioned<DocumentSettings>> UpdateAsync(OrganisationAccess access, DocumentSettingsInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(input);

        var settings = Validate(input);
        var current = await _store.GetAsync(access.OrganisationId, cancellationToken);
        if (ifMatch is not null && ifMatch != current?.ETag)
        {
            throw ProblemException.PreconditionFailed("document-settings", access.OrganisationId);
        }

        settings = settings with { Letterhead = current?.Value.Letterhead };
        var details = new Dictionary<string, string?>
        {
            ["template"] = settings.Template.ToString().ToLowerInvariant(),
            ["primaryColor"] = settings.PrimaryColor,
            ["accentColor"] = settings.AccentColor,
            ["addressWindow"] = settings.AddressWindow.ToString().ToLowerInvariant(),
        };
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "organisation.document-settings-changed", "organisation", access.OrganisationId, details);
        return await _store.SaveAsync(access.OrganisationId, settings, current?.ETag, audit, cancellationToken);
    }

    /// <summary>Stores a letterhead PDF of at most <see cref="LetterheadCheck.MaxBytes"/> that every document can be drawn on.</summary>
    /// <exception cref="ProblemException">413 when too large; 400 when the file is not a usable PDF.</exception>
    public async Task<Versioned<DocumentSettings>> SetLetterheadAsync(OrganisationAccess access, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(content);

        if (content.Length > LetterheadCheck.MaxBytes)
        {
            throw new ProblemException(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
            {
                ["size"] = content.Length,
                ["limit"] = LetterheadCheck.MaxBytes,
            });
        }

        var (pages, problem) = LetterheadCheck.Inspect(content);
        if (problem is not null)
        {
            throw ProblemException.Invalid(DocumentErrorCodes.LetterheadInvalid, "letterhead", new Dictionary<string, object?> { ["reason"] = problem });
        }

        await _files.SaveLetterheadAsync(access.OrganisationId, content, cancellationToken);
        var info = new LetterheadInfo(content.Length, pages, Convert.ToHexStringLower(SHA256.HashData(content)), _clock.GetUtcNow());
        var details = new Dictionary<string, string?>
        {
            ["bytes"] = content.Length.ToString(CultureInfo.InvariantCulture),
            ["pages"] = pages.ToString(CultureInfo.InvariantCulture),
        };
        return await SaveLetterheadInfoAsync(access, info, "organisation.letterhead-changed", details, cancellationToken);
    }

    /// <summary>Returns the stored letterhead PDF.</summary>
    /// <exception cref="ProblemException">Not found when no letterhead is stored.</exception>
    public async Task<byte[]> GetLetterheadAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        return await _files.GetLetterheadAsync(access.OrganisationId, cancellationToken)
            ?? throw ProblemException.NotFound("letterhead", access.OrganisationId);
    }

    /// <summary>Removes the letterhead; pages get a plain background again. Removing none is not an error.</summary>
    public async Task DeleteLetterheadAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        // The settings stop naming the letterhead before the file goes, so no render looks for a missing file.
        await SaveLetterheadInfoAsync(access, null, "organisation.letterhead-removed", new Dictionary<string, string?>(), cancellationToken);
        await _files.DeleteLetterheadAsync(access.OrganisationId, cancellationToken);
    }

    // A letterhead upload carries no If-Match, so a concurrent settings change is merged by
    // reading again instead of failing the upload.
    private async Task<Versioned<DocumentSettings>> SaveLetterheadInfoAsync(
        OrganisationAccess access, LetterheadInfo? info, string action, IReadOnlyDictionary<string, string?> details, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await _store.GetAsync(access.OrganisationId, cancellationToken);
            var settings = (current?.Value ?? DocumentSettings.Default) with { Letterhead = info };
            var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), action, "organisation", access.OrganisationId, details);
            try
            {
                return await _store.SaveAsync(access.OrganisationId, settings, current?.ETag, audit, cancellationToken);
            }
            catch (ProblemException problem) when (problem.Kind == ProblemKind.PreconditionFailed && attempt < 3)
            {
                // Changed in between: read again.
            }
        }
    }

    private static DocumentSettings Validate(DocumentSettingsInput input)
    {
        var rules = new InputRules();
        var template = rules.Choice(input.Template, "template", DocumentSettings.Default.Template, Templates);
        var window = rules.Choice(input.AddressWindow, "addressWindow", DocumentSettings.Default.AddressWindow, Windows);
        var primary = Colour(rules, input.PrimaryColor, "primaryColor", DocumentSettings.Default.PrimaryColor);
        var accent = Colour(rules, input.AccentColor, "accentColor", DocumentSettings.Default.AccentColor);
        rules.ThrowIfInvalid();

        var defaults = new DocumentElements();
        return new DocumentSettings
        {
            Template = template,
            AddressWindow = window,
            PrimaryColor = primary,
            AccentColor = accent,
            Elements = new DocumentElements
            {
                Logo = input.ShowLogo ?? defaults.Logo,
                PaymentQrCode = input.ShowPaymentQrCode ?? defaults.PaymentQrCode,
                Notes = input.ShowNotes ?? defaults.Notes,
                PaymentBlock = input.ShowPaymentBlock ?? defaults.PaymentBlock,
                Footer = input.ShowFooter ?? defaults.Footer,
            },
        };
    }

    private static string Colour(InputRules rules, string? value, string path, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        try
        {
            return RgbColor.Parse(value).ToString();
        }
        catch (FormatException)
        {
            rules.Add(DocumentErrorCodes.InvalidColour, path, new Dictionary<string, object?> { ["value"] = value });
            return fallback;
        }
    }
}
