namespace Bilansoft.Domain.Sales;

/// <summary>The facts about the seller and the configuration that validation needs besides the document.</summary>
public sealed record SalesValidationOptions
{
    /// <summary>Default of <see cref="MaximumLineCount"/>.</summary>
    public const int DefaultMaximumLineCount = 1_000;

    /// <summary>
    /// Maximum payment term in days for a business customer, because the law of 2 August 2002 on late
    /// payment, as amended by the law of 14 August 2021, voids longer terms.
    /// </summary>
    public const int MaximumBusinessPaymentTermDays = 60;

    private readonly int _maximumLineCount = DefaultMaximumLineCount;

    /// <summary>Options for a seller under the normal VAT regime, with the Belgian rate table.</summary>
    public static SalesValidationOptions Default { get; } = new();

    /// <summary>The VAT rates that exist on each date.</summary>
    public VatRateTable VatRates { get; init; } = VatRateTable.Belgium;

    /// <summary>
    /// Whether the seller uses the special exemption scheme for small enterprises, which requires
    /// <see cref="VatCategory.SmallEnterpriseExemption"/> on every line and forbids it otherwise.
    /// </summary>
    public bool SellerUnderSmallEnterpriseScheme { get; init; }

    /// <summary>Most lines a document may have, at least 1; 1,000 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaximumLineCount
    {
        get => _maximumLineCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maximumLineCount = value;
        }
    }
}
