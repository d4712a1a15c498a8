using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Documents.Payments;

/// <summary>
/// The data of a SEPA credit transfer to encode in an EPC QR code (EPC069-12, "Quick Response Code:
/// guidelines to enable data capture for the initiation of a SEPA credit transfer").
/// </summary>
/// <param name="BeneficiaryName">Name of the beneficiary, 1 to 70 characters.</param>
/// <param name="Iban">Account of the beneficiary.</param>
public sealed record EpcPaymentRequest(string BeneficiaryName, Iban Iban)
{
    /// <summary>BIC of the beneficiary's bank; optional in version 002 of the format.</summary>
    public Bic? Bic { get; init; }

    /// <summary>Amount in euro, from 0.01 to 999,999,999.99 with at most 2 decimals; null leaves it to the payer.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Four-letter ISO 20022 purpose code, for example <c>GDDS</c>.</summary>
    public string? Purpose { get; init; }

    /// <summary>
    /// Belgian structured communication, written as its 12 digits in the structured remittance
    /// line so banking apps fill their structured-communication field.
    /// </summary>
    public StructuredCommunication? StructuredCommunication { get; init; }

    /// <summary>Unstructured remittance text, at most 140 characters; not allowed together with a structured communication.</summary>
    public string? RemittanceText { get; init; }

    /// <summary>Beneficiary-to-originator information shown to the payer, at most 70 characters.</summary>
    public string? Information { get; init; }
}
