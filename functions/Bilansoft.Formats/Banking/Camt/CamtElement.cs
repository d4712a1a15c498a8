using System.Xml;
using System.Xml.Linq;

namespace Bilansoft.Formats.Banking.Camt;

/// <summary>
/// Navigation of camt.053 elements by local name, so one code path serves every message version
/// whatever namespace prefix the bank used.
/// </summary>
internal static class CamtElement
{
    public static XElement? Child(this XElement element, string localName)
    {
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(child => child.Name.LocalName == localName);

    /// <summary>Follows a path of local names; returns null when a step is missing.</summary>
    public static XElement? Find(this XElement? element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element?.Child(name);
        }

        return element;
    }

    /// <summary>Returns the trimmed text at the path, or null when it is missing or blank.</summary>
    public static string? Text(this XElement? element, params string[] path)
    {
        var value = element.Find(path)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static int Line(this XElement element) => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : 0;

    public static int Column(this XElement element) => ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LinePosition : 0;

    /// <summary>Path of <paramref name="element"/> below <paramref name="root"/>, prefixed with the path of the root.</summary>
    public static string PathFrom(this XElement element, XElement root, string rootPath)
    {
        var names = new Stack<string>();
        for (var current = element; current is not null && current != root; current = current.Parent)
        {
            names.Push(current.Name.LocalName);
        }

        return names.Count == 0 ? rootPath : rootPath + "/" + string.Join('/', names);
    }
}
