namespace Bilansoft.Domain.Sales;

/// <summary>Identifier of a payment recorded on an invoice.</summary>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct PaymentId(Guid Value)
{
    /// <summary>Creates a new identifier from a version 7 GUID, which sorts by creation time.</summary>
    public static PaymentId New() => new(Guid.CreateVersion7());

    /// <summary>Returns the GUID in its 36-character form.</summary>
    public override string ToString() => Value.ToString("D");
}
