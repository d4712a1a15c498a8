using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Bilansoft.Domain;

namespace Bilansoft.Formats.Documents.Ubl;

/// <summary>The outcome of checking one UBL document.</summary>
/// <param name="DocumentType">Local name of the root element: <c>Invoice</c> or <c>CreditNote</c>.</param>
/// <param name="Violations">
/// Broken rules: the code is the official rule id, the path locates the element and the argument
/// <c>message</c> describes the rule.
/// </param>
public sealed record UblCheckResult(string DocumentType, IReadOnlyList<RuleViolation> Violations)
{
    /// <summary>Whether no implemented rule is broken.</summary>
    public bool IsValid => Violations.Count == 0;

    /// <summary>The distinct ids of the broken rules.</summary>
    public IReadOnlySet<string> RuleIds => Violations.Select(violation => violation.Code).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// Checks a UBL 2.1 Invoice or CreditNote against the subset of the EN 16931 and Peppol BIS Billing
/// 3.0 validation rules listed in <see cref="UblRules"/>, and reports every violation with its
/// official rule id. Arithmetic follows the official rules, including their tolerances.
/// </summary>
/// <remarks>NOTE: this is not the official Schematron; rules outside <see cref="UblRules"/> are not checked.</remarks>
public static partial class UblRuleChecker
{
    private static readonly XNamespace Cac = UblNamespaces.Aggregate;
    private static readonly XNamespace Cbc = UblNamespaces.Basic;

    /// <summary>Reads a UBL document from <paramref name="xml"/> (DTDs prohibited) and checks it.</summary>
    /// <exception cref="XmlException">The input is not well-formed XML or contains a DTD.</exception>
    /// <exception cref="ArgumentException">The root element is not a UBL Invoice or CreditNote.</exception>
    public static UblCheckResult Check(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(xml, settings);
        return Check(XDocument.Load(reader, LoadOptions.None));
    }

    /// <summary>Checks a UBL document already loaded.</summary>
    /// <exception cref="ArgumentException">The root element is not a UBL Invoice or CreditNote.</exception>
    public static UblCheckResult Check(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        var root = document.Root;
        var isInvoice = root?.Name == XName.Get("Invoice", UblNamespaces.Invoice);
        var isCreditNote = root?.Name == XName.Get("CreditNote", UblNamespaces.CreditNote);
        if (root is null || !(isInvoice || isCreditNote))
        {
            throw new ArgumentException($"The root element {root?.Name} is not a UBL 2.1 Invoice or CreditNote.", nameof(document));
        }

        var context = new CheckContext(root, isCreditNote);
        CheckMandatoryElements(context);
        CheckLines(context);
        CheckTotals(context);
        CheckDecimals(context);
        CheckVatCategories(context);
        CheckPeppolRules(context);
        CheckCodeLists(context);
        return new UblCheckResult(root.Name.LocalName, context.Violations);
    }

    /// <summary>The document under check, with the element sets most rules need.</summary>
    private sealed class CheckContext
    {
        public CheckContext(XElement root, bool isCreditNote)
        {
            Root = root;
            IsCreditNote = isCreditNote;
            Lines = root.Elements(Cac + (isCreditNote ? "CreditNoteLine" : "InvoiceLine")).ToList();
            DocumentAllowances = root.Elements(Cac + "AllowanceCharge").Where(element => !IsCharge(element)).ToList();
            DocumentCharges = root.Elements(Cac + "AllowanceCharge").Where(IsCharge).ToList();
            Subtotals = root.Elements(Cac + "TaxTotal").Elements(Cac + "TaxSubtotal").ToList();
            Seller = Find(root, "cac:AccountingSupplierParty/cac:Party");
            Buyer = Find(root, "cac:AccountingCustomerParty/cac:Party");
            CurrencyCode = Text(Find(root, "cbc:DocumentCurrencyCode"));
        }

        public XElement Root { get; }

        public bool IsCreditNote { get; }

        public List<XElement> Lines { get; }

        public List<XElement> DocumentAllowances { get; }

        public List<XElement> DocumentCharges { get; }

        public List<XElement> Subtotals { get; }

        public XElement? Seller { get; }

        public XElement? Buyer { get; }

        public string CurrencyCode { get; }

        public List<RuleViolation> Violations { get; } = [];

        public void Report(string ruleId, XElement? at)
        {
            var message = UblRules.Descriptions.TryGetValue(ruleId, out var description) ? description : ruleId;
            Violations.Add(new RuleViolation(ruleId, PathOf(at ?? Root), new Dictionary<string, object?> { ["message"] = message }));
        }

        public void ReportUnless(bool condition, string ruleId, XElement? at)
        {
            if (!condition)
            {
                Report(ruleId, at);
            }
        }
    }

    /// <summary>
    /// Returns the first element at a relative path of prefixed names, such as
    /// <c>cac:Party/cbc:EndpointID</c>; prefixes are <c>cac</c> and <c>cbc</c>.
    /// </summary>
    private static XElement? Find(XElement? start, string path) => FindAll(start, path).FirstOrDefault();

    private static IEnumerable<XElement> FindAll(XElement? start, string path)
    {
        if (start is null)
        {
            return [];
        }

        IEnumerable<XElement> current = [start];
        foreach (var step in path.Split('/'))
        {
            var name = step.StartsWith("cac:", StringComparison.Ordinal) ? Cac + step[4..] : Cbc + step[4..];
            current = current.Elements(name);
        }

        return current;
    }

    /// <summary>Returns the element's text with white space normalised, or an empty string.</summary>
    private static string Text(XElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool HasText(XElement? element) => Text(element).Length > 0;

    /// <summary>Reads an xs:decimal; null when the element is missing or not a decimal.</summary>
    private static decimal? Number(XElement? element)
    {
        var text = Text(element);
        const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return text.Length > 0 && decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static decimal Sum(IEnumerable<XElement?> elements) => elements.Sum(element => Number(element) ?? 0m);

    /// <summary>Rounds to cents the way XPath's round() does: halves go up.</summary>
    private static decimal RoundCents(decimal value) => decimal.Floor((value * 100m) + 0.5m) / 100m;

    private static bool IsCharge(XElement allowanceCharge) =>
        Text(allowanceCharge.Element(Cbc + "ChargeIndicator")).Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a TaxCategory or ClassifiedTaxCategory belongs to the VAT scheme.</summary>
    private static bool IsVat(XElement category) =>
        Text(Find(category, "cac:TaxScheme/cbc:ID")).Equals("VAT", StringComparison.OrdinalIgnoreCase);

    private static string PathOf(XElement element)
    {
        var steps = new Stack<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            var step = current.Name.LocalName;
            if (current.Name.Namespace == Cac)
            {
                step = "cac:" + step;
            }
            else if (current.Name.Namespace == Cbc)
            {
                step = "cbc:" + step;
            }

            if (current.Parent is { } parent)
            {
                var siblings = parent.Elements(current.Name).ToList();
                if (siblings.Count > 1)
                {
                    step += $"[{siblings.IndexOf(current) + 1}]";
                }
            }

            steps.Push(step);
        }

        return "/" + string.Join('/', steps);
    }
}
