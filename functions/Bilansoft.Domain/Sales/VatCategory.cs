using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Bilansoft.Domain.Sales;

/// <summary>
/// The VAT treatment of a line under Belgian law (EN 16931 BT-151 invoiced item VAT category code).
/// Each category gives its UNCL5305 code as Peppol BIS Billing 3.0 carries it, its VATEX exemption
/// reason code (BT-121), the mention the invoice must print, the grid of the Belgian periodic VAT
/// return that receives the taxable base, and the rates it allows.
/// </summary>
/// <remarks>
/// Several categories share one UNCL5305 code (domestic and intra-Community reverse charge are both
/// <c>AE</c>), so a category is identified by its <see cref="Id"/>, not its code. The default value
/// is no category at all: <see cref="IsKnown"/> is false and validation reports it.
/// </remarks>
public readonly struct VatCategory : IEquatable<VatCategory>
{
    private static readonly decimal[] ZeroRateOnly = [0m];

    private readonly Definition? _definition;

    private VatCategory(Definition definition) => _definition = definition;

    /// <summary>
    /// Domestic supply taxed at a positive rate (UNCL5305 <c>S</c>): 21, 12 or 6 %. The base goes to
    /// grid 03, 02 or 01 of the VAT return. EN 16931 BR-S-05 requires a rate above zero.
    /// </summary>
    public static VatCategory Standard { get; } = new(new Definition(
        Id: "standard",
        Code: "S",
        ExemptionReasonCode: null,
        Mention: null,
        AllowedRates: [21m, 12m, 6m],
        GridByRate: new Dictionary<decimal, string> { [21m] = "03", [12m] = "02", [6m] = "01" },
        Grid: null,
        CreditNoteGrid: "49",
        IsReverseCharge: false));

    /// <summary>
    /// Domestic supply at the 0 % rate (UNCL5305 <c>Z</c>), such as certain newspapers. EN 16931
    /// BR-Z-05 requires the rate 0.
    /// </summary>
    public static VatCategory ZeroRated { get; } = new(new Definition(
        Id: "zero-rated",
        Code: "Z",
        ExemptionReasonCode: null,
        Mention: null,
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        // NOTE: Grid 00 for 0 % supplies follows common Belgian practice; the grid guide of FPS
        // Finance was not checked.
        Grid: "00",
        CreditNoteGrid: "49",
        IsReverseCharge: false));

    /// <summary>
    /// Supply exempt from VAT under Belgian law (UNCL5305 <c>E</c>), for example art. 44 of the VAT
    /// Code. The document must state the reason as free text (BT-120, required by EN 16931
    /// BR-E-10 when no VATEX code is given).
    /// </summary>
    public static VatCategory Exempt { get; } = new(new Definition(
        Id: "exempt",
        Code: "E",
        ExemptionReasonCode: null,
        Mention: new LocalizedText(
            "Vrijgesteld van btw",
            "Exonéré de TVA",
            "Exempt from VAT",
            "Von der Mehrwertsteuer befreit"),
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        // NOTE: Art. 44 exempt turnover goes to grid 00 or 47 depending on the seller's situation;
        // 00 is an assumption until the FPS Finance grid guide is checked.
        Grid: "00",
        CreditNoteGrid: "49",
        IsReverseCharge: false));

    /// <summary>
    /// Belgian works on immovable property and assimilated supplies to a Belgian VAT-registered
    /// customer who pays the VAT as co-contractor (art. 51 §2 VAT Code, art. 20 of Royal Decree
    /// no. 1). UNCL5305 <c>AE</c> with VATEX <c>VATEX-EU-AE</c>; the base goes to grid 45.
    /// </summary>
    public static VatCategory DomesticReverseCharge { get; } = new(new Definition(
        Id: "domestic-reverse-charge",
        Code: "AE",
        ExemptionReasonCode: "VATEX-EU-AE",
        // NOTE: The wording of the co-contractor mention is not checked against the consolidated
        // text of Royal Decree no. 1, art. 5.
        Mention: new LocalizedText(
            "Btw verlegd: btw te voldoen door de medecontractant, art. 51, § 2 van het Btw-Wetboek",
            "Autoliquidation : taxe à acquitter par le cocontractant, art. 51, § 2 du Code de la TVA",
            "Reverse charge: VAT to be paid by the co-contractor, art. 51 § 2 of the Belgian VAT Code",
            "Umkehrung der Steuerschuldnerschaft: vom Vertragspartner zu entrichtende Steuer, Art. 51 § 2 des belgischen Mehrwertsteuergesetzbuches"),
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        Grid: "45",
        CreditNoteGrid: "49",
        IsReverseCharge: true));

    /// <summary>
    /// Exempt intra-Community supply of goods to a customer identified for VAT in another member
    /// state (art. 39bis VAT Code). UNCL5305 <c>K</c> with VATEX <c>VATEX-EU-IC</c>; the base goes
    /// to grid 46 and the customer to the intra-Community listing with code L.
    /// </summary>
    public static VatCategory IntraCommunityGoods { get; } = new(new Definition(
        Id: "intra-community-goods",
        Code: "K",
        ExemptionReasonCode: "VATEX-EU-IC",
        Mention: new LocalizedText(
            "Vrijgestelde intracommunautaire levering van goederen, art. 39bis van het Btw-Wetboek",
            "Livraison intracommunautaire de biens exemptée, art. 39bis du Code de la TVA",
            "Exempt intra-Community supply of goods, art. 39bis of the Belgian VAT Code",
            "Steuerfreie innergemeinschaftliche Lieferung von Gegenständen, Art. 39bis des belgischen Mehrwertsteuergesetzbuches"),
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        Grid: "46",
        CreditNoteGrid: "48",
        IsReverseCharge: false));

    /// <summary>
    /// Service to a business customer established in another member state, taxed there by reverse
    /// charge under the general B2B rule (art. 21 §2 VAT Code, art. 196 of Directive 2006/112/EC).
    /// UNCL5305 <c>AE</c> with VATEX <c>VATEX-EU-AE</c>; the base goes to grid 44 and the customer
    /// to the intra-Community listing with code S.
    /// </summary>
    public static VatCategory IntraCommunityServices { get; } = new(new Definition(
        Id: "intra-community-services",
        Code: "AE",
        ExemptionReasonCode: "VATEX-EU-AE",
        Mention: new LocalizedText(
            "Btw verlegd, art. 21, § 2 van het Btw-Wetboek en art. 196 van Richtlijn 2006/112/EG",
            "Autoliquidation, art. 21, § 2 du Code de la TVA et art. 196 de la directive 2006/112/CE",
            "Reverse charge, art. 21 § 2 of the Belgian VAT Code and art. 196 of Directive 2006/112/EC",
            "Umkehrung der Steuerschuldnerschaft, Art. 21 § 2 des belgischen Mehrwertsteuergesetzbuches und Art. 196 der Richtlinie 2006/112/EG"),
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        Grid: "44",
        CreditNoteGrid: "48",
        IsReverseCharge: true));

    /// <summary>
    /// Exempt export of goods outside the European Union (art. 39 VAT Code). UNCL5305 <c>G</c> with
    /// VATEX <c>VATEX-EU-G</c>; the base goes to grid 47.
    /// </summary>
    public static VatCategory Export { get; } = new(new Definition(
        Id: "export",
        Code: "G",
        ExemptionReasonCode: "VATEX-EU-G",
        Mention: new LocalizedText(
            "Vrijgestelde uitvoer buiten de Europese Unie, art. 39 van het Btw-Wetboek",
            "Exportation hors de l'Union européenne exemptée, art. 39 du Code de la TVA",
            "Exempt export outside the European Union, art. 39 of the Belgian VAT Code",
            "Steuerfreie Ausfuhr aus der Europäischen Union, Art. 39 des belgischen Mehrwertsteuergesetzbuches"),
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        Grid: "47",
        CreditNoteGrid: "49",
        IsReverseCharge: false));

    /// <summary>
    /// Supply by a seller under the special exemption scheme for small enterprises (art. 56ter §1
    /// VAT Code since 1 January 2025, Royal Decree no. 19): no VAT is charged or shown. UNCL5305
    /// <c>E</c> without a VATEX code, so the mention is the exemption reason text (BT-120). Sellers
    /// under the scheme file no periodic return, so there is no grid.
    /// </summary>
    public static VatCategory SmallEnterpriseExemption { get; } = new(new Definition(
        Id: "small-enterprise-exemption",
        Code: "E",
        ExemptionReasonCode: null,
        // NOTE: Only the French wording is attested in practice; the Dutch, English and German texts
        // are our translations, not a statutory wording.
        Mention: new LocalizedText(
            "Bijzondere vrijstellingsregeling kleine ondernemingen, art. 56ter van het Btw-Wetboek",
            "Régime particulier de franchise des petites entreprises, art. 56ter du Code de la TVA",
            "Special exemption scheme for small enterprises, art. 56ter of the Belgian VAT Code",
            "Sonderregelung für Kleinunternehmen, Art. 56ter des belgischen Mehrwertsteuergesetzbuches"),
        AllowedRates: ZeroRateOnly,
        GridByRate: null,
        Grid: null,
        CreditNoteGrid: null,
        IsReverseCharge: false));

    /// <summary>All well-known categories, in the order documents list them.</summary>
    public static IReadOnlyList<VatCategory> All { get; } =
    [
        Standard,
        ZeroRated,
        Exempt,
        DomesticReverseCharge,
        IntraCommunityGoods,
        IntraCommunityServices,
        Export,
        SmallEnterpriseExemption,
    ];

    private static readonly FrozenDictionary<string, VatCategory> ById =
        All.ToFrozenDictionary(category => category.Id, StringComparer.Ordinal);

    /// <summary>Whether this is one of the well-known categories; false for the default value.</summary>
    public bool IsKnown => _definition is not null;

    /// <summary>
    /// Stable kebab-case identifier used in storage and requests, such as <c>domestic-reverse-charge</c>.
    /// Empty for the default value.
    /// </summary>
    public string Id => _definition?.Id ?? string.Empty;

    /// <summary>UNCL5305 duty or tax category code as used by Peppol BIS Billing 3.0 (BT-118, BT-151).</summary>
    public string Code => _definition?.Code ?? string.Empty;

    /// <summary>
    /// CEF VATEX exemption reason code (BT-121), or null when the category needs none or only a
    /// free-text reason.
    /// </summary>
    public string? ExemptionReasonCode => _definition?.ExemptionReasonCode;

    /// <summary>
    /// The legal mention the document must print for lines in this category, or null when none is
    /// required.
    /// </summary>
    public LocalizedText? Mention => _definition?.Mention;

    /// <summary>The VAT rates in percent that lines of this category may carry (BT-152).</summary>
    public IReadOnlyList<decimal> AllowedRates => _definition?.AllowedRates ?? [];

    /// <summary>Whether the customer, not the seller, accounts for the VAT.</summary>
    public bool IsReverseCharge => _definition?.IsReverseCharge ?? false;

    /// <summary>Whether the document must carry a free-text exemption reason (BT-120) for this category.</summary>
    public bool RequiresExemptionReason => Id == "exempt";

    /// <summary>Whether VAT is charged on the invoice, which only the standard category does.</summary>
    public bool ChargesVat => Id == "standard";

    /// <summary>
    /// The grid of part II of the Belgian periodic VAT return that receives an outgoing credit note's
    /// base: 48 for grids 44 and 46, 49 for the others; null under the small-enterprise scheme.
    /// </summary>
    public string? CreditNoteReturnGrid => _definition?.CreditNoteGrid;

    /// <summary>Whether lines of this category may carry <paramref name="ratePercent"/>.</summary>
    public bool AllowsRate(decimal ratePercent) => AllowedRates.Contains(ratePercent);

    /// <summary>
    /// The grid of the Belgian periodic VAT return that receives the taxable base of a sale at
    /// <paramref name="ratePercent"/>: 01, 02 or 03 for 6, 12 or 21 %, 44 to 47 for the
    /// cross-border and reverse-charge categories. Null when the rate is not allowed or the seller
    /// files no return.
    /// </summary>
    public string? ReturnGridFor(decimal ratePercent)
    {
        if (_definition is null || !AllowsRate(ratePercent))
        {
            return null;
        }

        return _definition.GridByRate is { } byRate ? byRate[ratePercent] : _definition.Grid;
    }

    /// <summary>Finds a well-known category by its <see cref="Id"/>; returns false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out VatCategory category)
    {
        category = default;
        return id is not null && ById.TryGetValue(id, out category);
    }

    /// <summary>Finds a well-known category by its <see cref="Id"/> or throws.</summary>
    /// <exception cref="FormatException">The text is not the id of a well-known category.</exception>
    public static VatCategory Parse(string id) =>
        TryParse(id, out var category)
            ? category
            : throw new FormatException($"'{id}' is not a known VAT category; expected one of {string.Join(", ", All.Select(c => c.Id))}.");

    /// <inheritdoc/>
    public bool Equals(VatCategory other) => string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VatCategory other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>Returns the <see cref="Id"/>.</summary>
    public override string ToString() => Id;

    /// <summary>Whether two values are the same category.</summary>
    public static bool operator ==(VatCategory left, VatCategory right) => left.Equals(right);

    /// <summary>Whether two values are different categories.</summary>
    public static bool operator !=(VatCategory left, VatCategory right) => !left.Equals(right);

    private sealed record Definition(
        string Id,
        string Code,
        string? ExemptionReasonCode,
        LocalizedText? Mention,
        IReadOnlyList<decimal> AllowedRates,
        IReadOnlyDictionary<decimal, string>? GridByRate,
        string? Grid,
        string? CreditNoteGrid,
        bool IsReverseCharge);
}
