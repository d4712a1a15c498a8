using System.Globalization;
using Bilansoft.Domain;

namespace Bilansoft.Formats.Documents.Pdf;

/// <summary>
/// Formats amounts, numbers and dates for Belgian documents. Dutch, French and German use a dot to
/// group thousands and a comma for decimals (<c>€ 1.234,56</c>, <c>04/03/2026</c>, German
/// <c>04.03.2026</c>); English uses <c>€1,234.56</c> and <c>4 March 2026</c>.
/// </summary>
internal sealed class DocumentFormatting
{
    private readonly Language _language;
    private readonly NumberFormatInfo _numbers;

    public DocumentFormatting(Language language)
    {
        _language = language;
        _numbers = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        if (language != Language.English)
        {
            _numbers.NumberGroupSeparator = ".";
            _numbers.NumberDecimalSeparator = ",";
        }
    }

    /// <summary>Formats an amount with 2 decimals and the currency symbol (<c>€</c>) or code.</summary>
    public string Money(decimal amount, string currencyCode = "EUR") => Price(amount, currencyCode, "#,##0.00");

    /// <summary>Formats a unit price with 2 to 4 decimals.</summary>
    public string UnitPrice(decimal amount, string currencyCode = "EUR") => Price(amount, currencyCode, "#,##0.00##");

    /// <summary>Formats a quantity without trailing zeros, up to 4 decimals.</summary>
    public string Quantity(decimal value) => value.ToString("#,##0.####", _numbers);

    /// <summary>Formats a percentage: <c>21 %</c>, or <c>21%</c> in English.</summary>
    public string Percent(decimal value) => value.ToString("0.##", _numbers) + (_language == Language.English ? "%" : " %");

    /// <summary>Formats a date the Belgian way for the language.</summary>
    public string Date(DateOnly date) => _language switch
    {
        Language.German => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        Language.English => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        _ => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>Groups an IBAN in blocks of four characters, as printed on paper.</summary>
    public static string Iban(string electronic) =>
        string.Join(' ', electronic.Chunk(4).Select(block => new string(block)));

    private string Price(decimal amount, string currencyCode, string pattern)
    {
        var symbol = currencyCode == "EUR" ? "€" : currencyCode;
        var digits = Math.Abs(amount).ToString(pattern, _numbers);
        var sign = amount < 0 ? "-" : string.Empty;
        return _language == Language.English && symbol == "€"
            ? $"{sign}{symbol}{digits}"
            : $"{symbol} {sign}{digits}";
    }
}
