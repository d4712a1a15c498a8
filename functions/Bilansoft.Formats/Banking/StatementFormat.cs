namespace Bilansoft.Formats.Banking;

/// <summary>Bank statement file format, as recognised from the first bytes of a file.</summary>
public enum StatementFormat
{
    /// <summary>Neither CODA nor camt.053.</summary>
    Unknown = 0,

    /// <summary>Febelfin CODA 2.x: fixed-width records of 128 characters.</summary>
    Coda,

    /// <summary>ISO 20022 BankToCustomerStatement (camt.053), message versions 001.02 to 001.08.</summary>
    Camt053,
}
