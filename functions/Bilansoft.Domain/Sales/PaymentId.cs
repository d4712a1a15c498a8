using System.Diagnostics.CodeAnalysis;

namespace Bilansoft.Domain.Sales;

/// <summary>Identifier of a payment recorded on an invoice.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct PaymentId(Guid Value)
{
    /// <summary>Creates a new identifier from a version 7 GUID, which sorts by creation time.</summary>
    public static PaymentId New() => new(Guid.CreateVersion7());

    /// <summary>
    /// Parses the identifier of a payment from a GUID in any of its standard forms. Returns false
    /// for other text and for the empty GUID.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PaymentId id)
    {
        var parsed = Guid.TryParse(text, out var value) && value != Guid.Empty;
        id = parsed ? new PaymentId(value) : default;
        return parsed;
    }

    /// <summary>Returns the GUID in its 36-character form.</summary>
    public override string ToString() => Value.ToString("D");
}
