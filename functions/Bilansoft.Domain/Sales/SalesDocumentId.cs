using System.Diagnostics.CodeAnalysis;

namespace Bilansoft.Domain.Sales;

/// <summary>Identifier of a sales document, unique within Bilansoft.</summary>
/// <param name="Value">The underlying GUID; never <see cref="Guid.Empty"/> for a real document.</param>
public readonly record struct SalesDocumentId(Guid Value)
{
    /// <summary>Creates a new identifier from a version 7 GUID, which sorts by creation time.</summary>
    public static SalesDocumentId New() => new(Guid.CreateVersion7());

    /// <summary>
    /// Parses the identifier of a sales document from a GUID in any of its standard forms. Returns false
    /// for other text and for the empty GUID.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SalesDocumentId id)
    {
        var parsed = Guid.TryParse(text, out var value) && value != Guid.Empty;
        id = parsed ? new SalesDocumentId(value) : default;
        return parsed;
    }

    /// <summary>Returns the GUID in its 36-character form.</summary>
    public override string ToString() => Value.ToString("D");
}
