using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Domain;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>Reads and changes the numbering series of invoices, credit notes, quotes and delivery notes.</summary>
public sealed class NumberingService
{
    private static readonly (string Path, SalesDocumentKind Kind)[] Kinds =
    [
        ("invoices", SalesDocumentKind.Invoice),
        ("creditNotes", SalesDocumentKind.CreditNote),
        ("quotes", SalesDocumentKind.Quote),
        ("deliveryNotes", SalesDocumentKind.DeliveryNote),
    ];

    private readonly INumberingStore _settings;
    private readonly ISalesDocumentStore _documents;
    private readonly TimeProvider _clock;

    public NumberingService(INumberingStore settings, ISalesDocumentStore documents, TimeProvider clock)
    {
        _settings = settings;
        _documents = documents;
        _clock = clock;
    }

    /// <summary>The settings in force, the defaults until an organisation changes them.</summary>
    public async Task<NumberingSettings> GetSettingsAsync(string organisationId, CancellationToken cancellationToken) =>
        (await _settings.GetSettingsAsync(organisationId, cancellationToken))?.Value ?? NumberingSettings.Default;

    /// <summary>The settings with each series' counter and next number; the ETag is null while the defaults apply.</summary>
    public async Task<NumberingOverview> GetAsync(OrganisationAccess access, CancellationToken cancellationToken)
    {
        var stored = await _settings.GetSettingsAsync(access.OrganisationId, cancellationToken);
        return await OverviewAsync(access.OrganisationId, stored?.Value ?? NumberingSettings.Default, stored?.ETag, cancellationToken);
    }

    /// <summary>
    /// Replaces the series given in <paramref name="input"/>; <paramref name="ifMatch"/>, when given,
    /// must be the current ETag. A next sequence moves the counter forward, never back.
    /// </summary>
    public async Task<NumberingOverview> UpdateAsync(OrganisationAccess access, NumberingSettingsInput input, string? ifMatch, CancellationToken cancellationToken)
    {
        var stored = await _settings.GetSettingsAsync(access.OrganisationId, cancellationToken);
        if (ifMatch is not null && ifMatch != stored?.ETag)
        {
            throw ProblemException.PreconditionFailed("numbering-settings", access.OrganisationId);
        }

        var current = stored?.Value ?? NumberingSettings.Default;
        var rules = new InputRules();
        var merged = new Dictionary<SalesDocumentKind, SeriesSettings>();
        foreach (var (path, kind) in Kinds)
        {
            merged[kind] = Merge(rules, current.For(kind), InputFor(input, kind), path);
        }

        CheckSharedIndexes(rules, merged);
        var counters = await CounterWritesAsync(rules, access.OrganisationId, input, merged, cancellationToken);
        rules.ThrowIfInvalid();

        var settings = new NumberingSettings(merged[SalesDocumentKind.Invoice], merged[SalesDocumentKind.CreditNote], merged[SalesDocumentKind.Quote], merged[SalesDocumentKind.DeliveryNote]);
        var details = counters.ToDictionary(
            counter => "series" + counter.SeriesIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".nextSequence",
            counter => (string?)(counter.Counter.LastSequence + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var audit = Audit.Entry(access.Caller, _clock.GetUtcNow(), "numbering.updated", "numbering-settings", access.OrganisationId, details);
        var saved = await _settings.SaveSettingsAsync(access.OrganisationId, settings, stored?.ETag, counters, audit, cancellationToken);
        return await OverviewAsync(access.OrganisationId, saved.Value, saved.ETag, cancellationToken);
    }

    private async Task<NumberingOverview> OverviewAsync(string organisationId, NumberingSettings settings, string? etag, CancellationToken cancellationToken)
    {
        var today = BusinessDate.Today(_clock);
        var states = new Dictionary<SalesDocumentKind, SeriesState>();
        foreach (var (_, kind) in Kinds)
        {
            var series = settings.For(kind);
            var counter = (await _documents.GetCounterAsync(organisationId, series.Index, cancellationToken))?.Value;
            var created = series.ToSeries();
            var next = created.Succeeded ? created.Value.Next(counter, today) : null;
            states[kind] = new SeriesState(series, counter, next is { Succeeded: true } ? next.Value.Number.Text : null);
        }

        return new NumberingOverview(states[SalesDocumentKind.Invoice], states[SalesDocumentKind.CreditNote], states[SalesDocumentKind.Quote], states[SalesDocumentKind.DeliveryNote], etag);
    }

    private static SeriesSettingsInput? InputFor(NumberingSettingsInput input, SalesDocumentKind kind) => kind switch
    {
        SalesDocumentKind.CreditNote => input.CreditNotes,
        SalesDocumentKind.Quote => input.Quotes,
        SalesDocumentKind.DeliveryNote => input.DeliveryNotes,
        _ => input.Invoices,
    };

    private static SeriesSettings Merge(InputRules rules, SeriesSettings current, SeriesSettingsInput? input, string path)
    {
        if (input is null)
        {
            return current;
        }

        var merged = new SeriesSettings(
            input.Index ?? current.Index,
            input.Prefix is null ? current.Prefix : NumberText(rules, input.Prefix, path + ".prefix", 10),
            input.IncludeYear ?? current.IncludeYear,
            input.YearSeparator is null ? current.YearSeparator : NumberText(rules, input.YearSeparator, path + ".yearSeparator", 3),
            input.PaddingWidth ?? current.PaddingWidth,
            input.RestartsYearly ?? current.RestartsYearly);

        var series = merged.ToSeries();
        if (!series.Succeeded)
        {
            foreach (var violation in series.Failure.Violations)
            {
                rules.Add(violation.Code, $"{path}.{violation.Path}", violation.Arguments);
            }
        }

        return merged;
    }

    // Numbers appear in file names, Peppol documents and bank communications, so they keep to
    // characters every one of those accepts.
    private static string NumberText(InputRules rules, string value, string path, int maxLength)
    {
        var text = rules.MaxLength(value.Trim(), path, maxLength)!;
        if (!text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/'))
        {
            rules.Add(SalesErrorCodes.NumberingInvalidCharacters, path, new Dictionary<string, object?> { ["value"] = value });
        }

        return text;
    }

    private static void CheckSharedIndexes(InputRules rules, Dictionary<SalesDocumentKind, SeriesSettings> merged)
    {
        for (var i = 0; i < Kinds.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var first = merged[Kinds[j].Kind];
                var second = merged[Kinds[i].Kind];
                if (first.Index == second.Index && !first.FormatsLike(second))
                {
                    rules.Add(SalesErrorCodes.NumberingSeriesSharedDifferently, Kinds[i].Path + ".index", new Dictionary<string, object?> { ["index"] = second.Index });
                }
            }
        }
    }

    private async Task<IReadOnlyList<CounterWrite>> CounterWritesAsync(
        InputRules rules,
        string organisationId,
        NumberingSettingsInput input,
        Dictionary<SalesDocumentKind, SeriesSettings> merged,
        CancellationToken cancellationToken)
    {
        var year = BusinessDate.Today(_clock).Year;
        var writes = new Dictionary<int, CounterWrite>();
        foreach (var (path, kind) in Kinds)
        {
            if (InputFor(input, kind)?.NextSequence is not { } next)
            {
                continue;
            }

            var series = merged[kind];
            var counter = await _documents.GetCounterAsync(organisationId, series.Index, cancellationToken);
            var lastGiven = counter is null || (series.RestartsYearly && counter.Value.Year < year) ? 0 : counter.Value.LastSequence;
            if (next <= lastGiven || next > StructuredCommunicationScheme.MaximumSequence)
            {
                rules.Add(SalesErrorCodes.NumberingNextSequenceTooLow, path + ".nextSequence", new Dictionary<string, object?>
                {
                    ["value"] = next,
                    ["minimum"] = lastGiven + 1,
                    ["maximum"] = StructuredCommunicationScheme.MaximumSequence,
                });
                continue;
            }

            var write = new CounterWrite(series.Index, new NumberingCounter(Math.Max(year, counter?.Value.Year ?? year), next - 1), counter?.ETag);
            if (writes.TryGetValue(series.Index, out var other) && other.Counter != write.Counter)
            {
                rules.Add(SalesErrorCodes.NumberingSeriesSharedDifferently, path + ".nextSequence", new Dictionary<string, object?> { ["index"] = series.Index });
            }

            writes[series.Index] = write;
        }

        return [.. writes.Values];
    }
}
