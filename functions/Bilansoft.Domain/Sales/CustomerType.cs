namespace Bilansoft.Domain.Sales;

/// <summary>Whether the buyer acts as a business or as a private person.</summary>
public enum CustomerType
{
    /// <summary>
    /// A business or public body: the 60-day cap on payment terms and the reverse-charge
    /// categories apply.
    /// </summary>
    Company = 0,

    /// <summary>A private person buying outside any business activity.</summary>
    Consumer,
}
