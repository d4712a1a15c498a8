using System.Collections.Frozen;

namespace Bilansoft.Formats.Documents.Ubl;

/// <summary>
/// Code lists the rule checker validates against, as published in the EN 16931 and Peppol BIS
/// Billing 3.0 validation rules.
/// </summary>
internal static class UblCodeLists
{
    /// <summary>UNTDID 1001 invoice type codes allowed by EN 16931 (BR-CL-01).</summary>
    public static readonly FrozenSet<string> InvoiceTypeCodes = Set(
        "80 82 84 130 202 203 204 211 295 325 326 380 383 384 385 386 387 388 389 390 393 394 395 456 457 527 575 623 633 751 780 935");

    /// <summary>UNTDID 1001 credit note type codes allowed by EN 16931 (BR-CL-01).</summary>
    public static readonly FrozenSet<string> CreditNoteTypeCodes = Set("81 83 261 262 296 308 381 396 420 458 532");

    /// <summary>Invoice type codes of Peppol profile 01 (PEPPOL-EN16931-P0100).</summary>
    public static readonly FrozenSet<string> PeppolInvoiceTypeCodes = Set("380 383 386 393 82 80 84 395 575 623 780");

    /// <summary>Credit note type codes of Peppol profile 01 (PEPPOL-EN16931-P0101).</summary>
    public static readonly FrozenSet<string> PeppolCreditNoteTypeCodes = Set("381 396 81 83 532");

    /// <summary>ISO 4217 alpha-3 currency codes (BR-CL-03, BR-CL-04, BR-CL-05).</summary>
    public static readonly FrozenSet<string> Currencies = Set(
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP " +
        "GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW " +
        "KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MXV MYR MZN NAD " +
        "NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL " +
        "SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VEF " +
        "VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWL");

    /// <summary>ISO 3166-1 alpha-2 country codes, with 1A for Kosovo (BR-CL-14).</summary>
    public static readonly FrozenSet<string> Countries = Set(
        "1A AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV " +
        "BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
        "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO " +
        "IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG " +
        "MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK " +
        "PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC " +
        "TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW");

    /// <summary>VAT identifier prefixes: the country codes plus EL for Greece (BR-CO-09).</summary>
    public static readonly FrozenSet<string> VatPrefixes = Countries.Where(code => code != "1A").Append("EL").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>UNCL 4461 payment means codes (BR-CL-16).</summary>
    public static readonly FrozenSet<string> PaymentMeans = Enumerable.Range(1, 70).Select(code => code.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Concat(Set("74 75 76 77 78 91 92 93 94 95 96 97 ZZZ")).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>UNCL 5305 VAT category codes as restricted by EN 16931 (BR-CL-17, BR-CL-18).</summary>
    public static readonly FrozenSet<string> VatCategories = Set("AE L M E S Z G O K B");

    /// <summary>CEF VATEX exemption reason codes (BR-CL-22).</summary>
    public static readonly FrozenSet<string> ExemptionReasons = Set(
        "VATEX-EU-79-C VATEX-EU-132 VATEX-EU-132-1A VATEX-EU-132-1B VATEX-EU-132-1C VATEX-EU-132-1D VATEX-EU-132-1E " +
        "VATEX-EU-132-1F VATEX-EU-132-1G VATEX-EU-132-1H VATEX-EU-132-1I VATEX-EU-132-1J VATEX-EU-132-1K VATEX-EU-132-1L " +
        "VATEX-EU-132-1M VATEX-EU-132-1N VATEX-EU-132-1O VATEX-EU-132-1P VATEX-EU-132-1Q VATEX-EU-143 VATEX-EU-143-1A " +
        "VATEX-EU-143-1B VATEX-EU-143-1C VATEX-EU-143-1D VATEX-EU-143-1E VATEX-EU-143-1F VATEX-EU-143-1FA VATEX-EU-143-1G " +
        "VATEX-EU-143-1H VATEX-EU-143-1I VATEX-EU-143-1J VATEX-EU-143-1K VATEX-EU-143-1L VATEX-EU-309 VATEX-EU-148 " +
        "VATEX-EU-148-A VATEX-EU-148-B VATEX-EU-148-C VATEX-EU-148-D VATEX-EU-148-E VATEX-EU-148-F VATEX-EU-148-G " +
        "VATEX-EU-151 VATEX-EU-151-1A VATEX-EU-151-1AA VATEX-EU-151-1B VATEX-EU-151-1C VATEX-EU-151-1D VATEX-EU-151-1E " +
        "VATEX-EU-G VATEX-EU-O VATEX-EU-IC VATEX-EU-AE VATEX-EU-D VATEX-EU-F VATEX-EU-I VATEX-EU-J");

    /// <summary>
    /// UN/ECE Recommendation 20 and 21 unit codes the checker accepts (BR-CL-23).
    /// NOTE: this is the subset for services, time, counts, mass, length, area, volume, energy and
    /// packages that Belgian small businesses invoice in; a valid Rec 20 code outside it is reported.
    /// </summary>
    public static readonly FrozenSet<string> UnitCodes = Set(
        "C62 H87 EA NAR PR SET PCE DZN GRO LS ZZ E48 IE NPR XPP " +
        "SEC MIN HUR DAY WEE MON QAN ANN " +
        "MGM GRM KGM TNE " +
        "MMT CMT DMT MTR KMT " +
        "MMK CMK DMK MTK HAR KMK " +
        "MLT CLT DLT LTR HLT MMQ CMQ DMQ MTQ " +
        "WHR KWH MWH GWH KWT MAW " +
        "P1 A9 D64 " +
        "XBX XCT XPK XPA XPX XRO XSA XBG XBO XCR XST XBA XCS XPL XTU");

    /// <summary>MIME types allowed for embedded attachments (BR-CL-24).</summary>
    public static readonly FrozenSet<string> MimeCodes = Set(
        "application/pdf image/png image/jpeg text/csv application/vnd.openxmlformats-officedocument.spreadsheetml.sheet application/vnd.oasis.opendocument.spreadsheet");

    /// <summary>
    /// Electronic address schemes of the Peppol code list (PEPPOL-EN16931-CL008). The withdrawn
    /// Belgian scheme 9956 is not in it; Belgian participants use 0208 or 9925.
    /// </summary>
    public static readonly FrozenSet<string> PeppolEndpointSchemes = Set(
        "0002 0007 0009 0060 0088 0096 0097 0106 0130 0135 0142 0151 0158 0183 0184 0188 0190 0191 0192 0195 0196 " +
        "0198 0199 0200 0201 0204 0208 0209 0210 0211 0216 0218 0221 0225 0230 0235 0240 0242 0244 0245 0246 0248 " +
        "9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 " +
        "9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959");

    /// <summary>CEF EAS electronic address schemes (BR-CL-25): the Peppol list plus the non-party codes AN, AQ, AS, AU and EM.</summary>
    public static readonly FrozenSet<string> EndpointSchemes = PeppolEndpointSchemes.Concat(Set("AN AQ AS AU EM")).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>ISO 6523 ICD identifier schemes 0002 to 0248 without the unassigned 0092, 0103, 0181 and 0182 (BR-CL-10, BR-CL-11).</summary>
    public static readonly FrozenSet<string> IdentifierSchemes = Enumerable.Range(2, 247)
        .Where(code => code is not (92 or 103 or 181 or 182))
        .Select(code => code.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
        .ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Set(string codes) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
