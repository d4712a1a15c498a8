using System.Xml.Linq;
using Bilansoft.Formats.Documents.Ubl;
using UglyToad.PdfPig;

namespace Bilansoft.Functions.Tests.Documents;

/// <summary>Reads rendered files back the way a reader application or an accounting package does.</summary>
internal static class DocumentFiles
{
    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>The words of every page joined by single spaces, as PdfPig extracts them.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(page => string.Join(' ', page.GetWords().Select(word => word.Text))));
    }

    public static UblCheckResult CheckUbl(byte[] ubl)
    {
        using var stream = new MemoryStream(ubl);
        return UblRuleChecker.Check(stream);
    }

    public static XDocument Xml(byte[] ubl)
    {
        using var stream = new MemoryStream(ubl);
        return XDocument.Load(stream);
    }

    /// <summary>The decimal value of the first element with that local name in the cbc namespace.</summary>
    public static decimal Amount(XDocument ubl, string name) =>
        decimal.Parse(ubl.Descendants(Cbc + name).First().Value, System.Globalization.CultureInfo.InvariantCulture);
}
