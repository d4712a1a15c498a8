using Bilansoft.Domain;

namespace Bilansoft.Formats.Documents.Pdf;

/// <summary>The fixed texts printed on a document, in one language.</summary>
internal sealed record DocumentLabels
{
    public required string Invoice { get; init; }
    public required string CreditNote { get; init; }
    public required string Quote { get; init; }
    public required string DeliveryNote { get; init; }
    public required string Number { get; init; }
    public required string Date { get; init; }
    public required string DueDate { get; init; }
    public required string DeliveryDate { get; init; }
    public required string ValidUntil { get; init; }
    public required string BuyerReference { get; init; }
    public required string OrderReference { get; init; }
    public required string CustomerVat { get; init; }
    public required string CustomerEnterprise { get; init; }

    /// <summary>Reference of a credit note to its invoice; {0} is the invoice number, {1} its date.</summary>
    public required string CreditsInvoice { get; init; }

    public required string Vat { get; init; }
    public required string VatNumber { get; init; }
    public required string EnterpriseNumber { get; init; }
    public required string Position { get; init; }
    public required string Description { get; init; }
    public required string Quantity { get; init; }
    public required string Unit { get; init; }
    public required string UnitPrice { get; init; }
    public required string Discount { get; init; }
    public required string Amount { get; init; }
    public required string TotalExclusive { get; init; }
    public required string TotalVat { get; init; }
    public required string TotalInclusive { get; init; }
    public required string Prepaid { get; init; }
    public required string Payable { get; init; }
    public required string CreditNoteTotal { get; init; }
    public required string VatSummary { get; init; }
    public required string Rate { get; init; }
    public required string TaxableAmount { get; init; }
    public required string ReverseCharge { get; init; }
    public required string Exempt { get; init; }
    public required string IntraCommunity { get; init; }
    public required string Export { get; init; }
    public required string OutsideScope { get; init; }
    public required string PaymentDetails { get; init; }
    public required string Communication { get; init; }
    public required string ScanToPay { get; init; }
    public required string Notes { get; init; }
    public required string Phone { get; init; }

    /// <summary>Page numbering; {0} is the page, {1} the page count.</summary>
    public required string PageOf { get; init; }

    /// <summary>
    /// Mention on a credit note with VAT that the buyer repays the VAT it deducted (Royal Decree
    /// no. 4, art. 4 §1 3°). NOTE: worded after common Belgian practice; the statutory text was not checked.
    /// </summary>
    public required string CreditNoteVatMention { get; init; }

    /// <summary>Unit names by UN/ECE Recommendation 20 code; other codes print as the code.</summary>
    public required IReadOnlyDictionary<string, string> Units { get; init; }

    /// <summary>Country names by ISO 3166-1 code for foreign addresses; other codes print as the code.</summary>
    public required IReadOnlyDictionary<string, string> Countries { get; init; }

    public static DocumentLabels For(Language language) => language switch
    {
        Language.French => French,
        Language.English => English,
        Language.German => German,
        _ => Dutch,
    };

    public string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.CreditNote => CreditNote,
        DocumentKind.Quote => Quote,
        DocumentKind.DeliveryNote => DeliveryNote,
        _ => Invoice,
    };

    public string UnitName(string code) => Units.TryGetValue(code, out var name) ? name : code;

    public string CountryName(string code) => Countries.TryGetValue(code, out var name) ? name : code;

    private static readonly DocumentLabels Dutch = new()
    {
        Invoice = "Factuur",
        CreditNote = "Creditnota",
        Quote = "Offerte",
        DeliveryNote = "Leveringsbon",
        Number = "Nummer",
        Date = "Datum",
        DueDate = "Vervaldatum",
        DeliveryDate = "Leveringsdatum",
        ValidUntil = "Geldig tot",
        BuyerReference = "Uw referentie",
        OrderReference = "Bestelbon",
        CustomerVat = "Btw-nummer klant",
        CustomerEnterprise = "Ondernemingsnr. klant",
        CreditsInvoice = "Creditnota bij factuur {0} van {1}",
        Vat = "Btw",
        VatNumber = "Btw",
        EnterpriseNumber = "Ondernemingsnummer",
        Position = "#",
        Description = "Omschrijving",
        Quantity = "Aantal",
        Unit = "Eenheid",
        UnitPrice = "Eenheidsprijs",
        Discount = "Korting",
        Amount = "Bedrag",
        TotalExclusive = "Totaal excl. btw",
        TotalVat = "Btw",
        TotalInclusive = "Totaal incl. btw",
        Prepaid = "Reeds betaald",
        Payable = "Te betalen",
        CreditNoteTotal = "Totaal creditnota",
        VatSummary = "Btw-overzicht",
        Rate = "Tarief",
        TaxableAmount = "Maatstaf",
        ReverseCharge = "Btw verlegd",
        Exempt = "Vrijgesteld",
        IntraCommunity = "Intracommunautair",
        Export = "Uitvoer",
        OutsideScope = "Buiten het toepassingsgebied",
        PaymentDetails = "Betaalgegevens",
        Communication = "Mededeling",
        ScanToPay = "Scan en betaal",
        Notes = "Opmerkingen",
        Phone = "Tel.",
        PageOf = "Pagina {0} van {1}",
        CreditNoteVatMention = "Btw terug te storten aan de Staat in de mate waarin ze oorspronkelijk in aftrek werd gebracht.",
        Units = new Dictionary<string, string>
        {
            ["C62"] = "st.", ["H87"] = "st.", ["EA"] = "st.", ["HUR"] = "uur", ["DAY"] = "dag", ["MIN"] = "min",
            ["WEE"] = "week", ["MON"] = "maand", ["ANN"] = "jaar", ["KGM"] = "kg", ["GRM"] = "g", ["MTR"] = "m",
            ["KMT"] = "km", ["MTK"] = "m²", ["MTQ"] = "m³", ["LTR"] = "l", ["KWH"] = "kWh", ["XBX"] = "doos",
            ["SET"] = "set", ["LS"] = "forfait",
        },
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "België", ["NL"] = "Nederland", ["FR"] = "Frankrijk", ["DE"] = "Duitsland", ["LU"] = "Luxemburg",
            ["GB"] = "Verenigd Koninkrijk", ["US"] = "Verenigde Staten", ["IT"] = "Italië", ["ES"] = "Spanje", ["CH"] = "Zwitserland",
        },
    };

    private static readonly DocumentLabels French = new()
    {
        Invoice = "Facture",
        CreditNote = "Note de crédit",
        Quote = "Devis",
        DeliveryNote = "Bon de livraison",
        Number = "Numéro",
        Date = "Date",
        DueDate = "Échéance",
        DeliveryDate = "Date de livraison",
        ValidUntil = "Valable jusqu'au",
        BuyerReference = "Votre référence",
        OrderReference = "Bon de commande",
        CustomerVat = "N° TVA client",
        CustomerEnterprise = "N° d'entreprise client",
        CreditsInvoice = "Note de crédit relative à la facture {0} du {1}",
        Vat = "TVA",
        VatNumber = "TVA",
        EnterpriseNumber = "Numéro d'entreprise",
        Position = "#",
        Description = "Description",
        Quantity = "Quantité",
        Unit = "Unité",
        UnitPrice = "Prix unitaire",
        Discount = "Remise",
        Amount = "Montant",
        TotalExclusive = "Total hors TVA",
        TotalVat = "TVA",
        TotalInclusive = "Total TVA comprise",
        Prepaid = "Déjà payé",
        Payable = "À payer",
        CreditNoteTotal = "Total de la note de crédit",
        VatSummary = "Récapitulatif TVA",
        Rate = "Taux",
        TaxableAmount = "Base",
        ReverseCharge = "Autoliquidation",
        Exempt = "Exonéré",
        IntraCommunity = "Intracommunautaire",
        Export = "Exportation",
        OutsideScope = "Hors champ d'application",
        PaymentDetails = "Modalités de paiement",
        Communication = "Communication",
        ScanToPay = "Scannez et payez",
        Notes = "Remarques",
        Phone = "Tél.",
        PageOf = "Page {0} sur {1}",
        CreditNoteVatMention = "TVA à reverser à l'État dans la mesure où elle a été initialement déduite.",
        Units = new Dictionary<string, string>
        {
            ["C62"] = "pc", ["H87"] = "pc", ["EA"] = "pc", ["HUR"] = "heure", ["DAY"] = "jour", ["MIN"] = "min",
            ["WEE"] = "semaine", ["MON"] = "mois", ["ANN"] = "an", ["KGM"] = "kg", ["GRM"] = "g", ["MTR"] = "m",
            ["KMT"] = "km", ["MTK"] = "m²", ["MTQ"] = "m³", ["LTR"] = "l", ["KWH"] = "kWh", ["XBX"] = "boîte",
            ["SET"] = "set", ["LS"] = "forfait",
        },
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "Belgique", ["NL"] = "Pays-Bas", ["FR"] = "France", ["DE"] = "Allemagne", ["LU"] = "Luxembourg",
            ["GB"] = "Royaume-Uni", ["US"] = "États-Unis", ["IT"] = "Italie", ["ES"] = "Espagne", ["CH"] = "Suisse",
        },
    };

    private static readonly DocumentLabels English = new()
    {
        Invoice = "Invoice",
        CreditNote = "Credit note",
        Quote = "Quote",
        DeliveryNote = "Delivery note",
        Number = "Number",
        Date = "Date",
        DueDate = "Due date",
        DeliveryDate = "Delivery date",
        ValidUntil = "Valid until",
        BuyerReference = "Your reference",
        OrderReference = "Purchase order",
        CustomerVat = "Customer VAT no.",
        CustomerEnterprise = "Customer company no.",
        CreditsInvoice = "Credit note for invoice {0} of {1}",
        Vat = "VAT",
        VatNumber = "VAT",
        EnterpriseNumber = "Company number",
        Position = "#",
        Description = "Description",
        Quantity = "Qty",
        Unit = "Unit",
        UnitPrice = "Unit price",
        Discount = "Discount",
        Amount = "Amount",
        TotalExclusive = "Total excl. VAT",
        TotalVat = "VAT",
        TotalInclusive = "Total incl. VAT",
        Prepaid = "Already paid",
        Payable = "Amount due",
        CreditNoteTotal = "Credit note total",
        VatSummary = "VAT summary",
        Rate = "Rate",
        TaxableAmount = "Taxable amount",
        ReverseCharge = "Reverse charge",
        Exempt = "Exempt",
        IntraCommunity = "Intra-Community",
        Export = "Export",
        OutsideScope = "Outside the scope of VAT",
        PaymentDetails = "Payment details",
        Communication = "Reference",
        ScanToPay = "Scan to pay",
        Notes = "Notes",
        Phone = "Tel.",
        PageOf = "Page {0} of {1}",
        CreditNoteVatMention = "VAT to be repaid to the State to the extent that it was originally deducted.",
        Units = new Dictionary<string, string>
        {
            ["C62"] = "pcs", ["H87"] = "pcs", ["EA"] = "pcs", ["HUR"] = "h", ["DAY"] = "day", ["MIN"] = "min",
            ["WEE"] = "week", ["MON"] = "month", ["ANN"] = "year", ["KGM"] = "kg", ["GRM"] = "g", ["MTR"] = "m",
            ["KMT"] = "km", ["MTK"] = "m²", ["MTQ"] = "m³", ["LTR"] = "l", ["KWH"] = "kWh", ["XBX"] = "box",
            ["SET"] = "set", ["LS"] = "lump sum",
        },
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "Belgium", ["NL"] = "Netherlands", ["FR"] = "France", ["DE"] = "Germany", ["LU"] = "Luxembourg",
            ["GB"] = "United Kingdom", ["US"] = "United States", ["IT"] = "Italy", ["ES"] = "Spain", ["CH"] = "Switzerland",
        },
    };

    private static readonly DocumentLabels German = new()
    {
        Invoice = "Rechnung",
        CreditNote = "Gutschrift",
        Quote = "Angebot",
        DeliveryNote = "Lieferschein",
        Number = "Nummer",
        Date = "Datum",
        DueDate = "Fällig am",
        DeliveryDate = "Lieferdatum",
        ValidUntil = "Gültig bis",
        BuyerReference = "Ihre Referenz",
        OrderReference = "Bestellung",
        CustomerVat = "MwSt.-Nr. Kunde",
        CustomerEnterprise = "Unternehmensnr. Kunde",
        CreditsInvoice = "Gutschrift zur Rechnung {0} vom {1}",
        Vat = "MwSt.",
        VatNumber = "MwSt.-Nr.",
        EnterpriseNumber = "Unternehmensnummer",
        Position = "#",
        Description = "Beschreibung",
        Quantity = "Menge",
        Unit = "Einheit",
        UnitPrice = "Einzelpreis",
        Discount = "Rabatt",
        Amount = "Betrag",
        TotalExclusive = "Summe ohne MwSt.",
        TotalVat = "MwSt.",
        TotalInclusive = "Summe inkl. MwSt.",
        Prepaid = "Bereits bezahlt",
        Payable = "Zu zahlen",
        CreditNoteTotal = "Gutschriftsbetrag",
        VatSummary = "MwSt.-Übersicht",
        Rate = "Satz",
        TaxableAmount = "Bemessungsgrundlage",
        ReverseCharge = "Steuerschuldnerschaft des Empfängers",
        Exempt = "Steuerfrei",
        IntraCommunity = "Innergemeinschaftlich",
        Export = "Ausfuhr",
        OutsideScope = "Nicht steuerbar",
        PaymentDetails = "Zahlungsinformationen",
        Communication = "Mitteilung",
        ScanToPay = "Scannen und bezahlen",
        Notes = "Anmerkungen",
        Phone = "Tel.",
        PageOf = "Seite {0} von {1}",
        CreditNoteVatMention = "Die MwSt. ist an den Staat zurückzuzahlen, soweit sie ursprünglich abgezogen wurde.",
        Units = new Dictionary<string, string>
        {
            ["C62"] = "Stk.", ["H87"] = "Stk.", ["EA"] = "Stk.", ["HUR"] = "Std.", ["DAY"] = "Tag", ["MIN"] = "Min.",
            ["WEE"] = "Woche", ["MON"] = "Monat", ["ANN"] = "Jahr", ["KGM"] = "kg", ["GRM"] = "g", ["MTR"] = "m",
            ["KMT"] = "km", ["MTK"] = "m²", ["MTQ"] = "m³", ["LTR"] = "l", ["KWH"] = "kWh", ["XBX"] = "Karton",
            ["SET"] = "Satz", ["LS"] = "pauschal",
        },
        Countries = new Dictionary<string, string>
        {
            ["BE"] = "Belgien", ["NL"] = "Niederlande", ["FR"] = "Frankreich", ["DE"] = "Deutschland", ["LU"] = "Luxemburg",
            ["GB"] = "Vereinigtes Königreich", ["US"] = "Vereinigte Staaten", ["IT"] = "Italien", ["ES"] = "Spanien", ["CH"] = "Schweiz",
        },
    };
}
