namespace Bilansoft.Domain.Sales;

/// <summary>Identifier of a sales document, unique within Bilansoft.</summary>
/// <param name="Value">The underlying GUID; never <see cref="Guid.Empty"/> for a real document.</param>
public readonly record struct SalesDocumentId(Guid Value)
{
    /// <summary>Creates a new identifier from a version 7 GUID, which sorts by creation time.</summary>
    public static SalesDocumentId New() => new(Guid.CreateVersion7());

    /// <summary>Returns the GUID in its 36-character form.</summary>
    public override string ToString() => Value.ToString("D");
}
