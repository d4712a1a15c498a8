namespace Bilansoft.Formats.Banking;

/// <summary>
/// Bank transaction code of a movement: the 8-digit CODA code, the ISO 20022 domain, family and
/// sub-family codes, a proprietary code, or several of them.
/// </summary>
public sealed record BankTransactionCode
{
    /// <summary>
    /// CODA code of 8 digits: type (1), family (2), transaction (2) and category (3); for example
    /// <c>00150000</c> for a SEPA credit transfer in the customer's favour.
    /// </summary>
    public string? Coda { get; init; }

    /// <summary>ISO 20022 domain code, such as <c>PMNT</c>.</summary>
    public string? Domain { get; init; }

    /// <summary>ISO 20022 family code, such as <c>RCDT</c>.</summary>
    public string? Family { get; init; }

    /// <summary>ISO 20022 sub-family code, such as <c>ESCT</c>.</summary>
    public string? SubFamily { get; init; }

    /// <summary>Proprietary code of the bank.</summary>
    public string? Proprietary { get; init; }

    /// <summary>Issuer of the proprietary code.</summary>
    public string? ProprietaryIssuer { get; init; }

    /// <summary>CODA type digit (first digit of <see cref="Coda"/>), or null.</summary>
    public int? CodaType => Coda is { Length: 8 } code && char.IsAsciiDigit(code[0]) ? code[0] - '0' : null;

    /// <summary>CODA family (digits 2–3 of <see cref="Coda"/>), or null.</summary>
    public string? CodaFamily => Coda is { Length: 8 } code ? code[1..3] : null;

    /// <summary>Returns the codes that are present, separated by spaces.</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Coda is not null)
        {
            parts.Add(Coda);
        }

        if (Domain is not null)
        {
            parts.Add(string.Join('/', new[] { Domain, Family, SubFamily }.Where(part => part is not null)));
        }

        if (Proprietary is not null)
        {
            parts.Add(ProprietaryIssuer is null ? Proprietary : $"{ProprietaryIssuer}:{Proprietary}");
        }

        return string.Join(' ', parts);
    }
}
