using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Sales;

/// <summary>Configuration of the sales use cases.</summary>
public sealed class SalesOptions
{
    /// <summary>
    /// Payment term in days of an invoice whose request and customer name none: 30 days, the
    /// default term of the law of 2 August 2002 on late payment.
    /// </summary>
    public int DefaultPaymentTermDays { get; set; } = 30;

    /// <summary>The VAT rates that exist on each date; the Belgian table unless configured otherwise.</summary>
    public VatRateTable VatRates { get; set; } = VatRateTable.Belgium;

    /// <summary>Most lines a document may have.</summary>
    public int MaximumLineCount { get; set; } = SalesValidationOptions.DefaultMaximumLineCount;
}
