using System.Text;

namespace Bilansoft.Formats.Banking.Coda;

/// <summary>
/// A movement (record 2.1 with its 2.2, 2.3 and 3.x records) while it is being read. Details of a
/// globalised movement are movements of their own, kept in <see cref="Details"/>.
/// </summary>
internal sealed class CodaMovement
{
    private const int CounterpartyDataLength = 70 + 35 + 35 + 35;

    public required int LineNumber { get; init; }

    public required int Sequence { get; init; }

    public required int Detail { get; init; }

    public string? BankReference { get; init; }

    public required decimal Amount { get; init; }

    public DateOnly? ValueDate { get; init; }

    public DateOnly? BookingDate { get; init; }

    public required string TransactionCode { get; init; }

    public required bool IsStructured { get; init; }

    public required int GlobalisationCode { get; init; }

    /// <summary>Communication fields of 2.1 (53), 2.2 (53) and 2.3 (43) as written, padding included.</summary>
    public StringBuilder Communication { get; } = new(149);

    public string? EndToEndId { get; set; }

    public string? CounterpartyBic { get; set; }

    public string? ReturnReason { get; set; }

    /// <summary>Record 2.3 positions 11–47: account and currency of the counterparty.</summary>
    public string? CounterpartyAccountZone { get; set; }

    public string? CounterpartyName { get; set; }

    /// <summary>Counterparty name from an information record of type 001, used when 2.3 has none.</summary>
    public string? InformationCounterpartyName { get; set; }

    /// <summary>Free text of the information records, fixed-width fields joined as written.</summary>
    public StringBuilder Information { get; } = new();

    /// <summary>Information record group (3.1 with its 3.2 and 3.3) being read.</summary>
    public InformationGroup? OpenInformation { get; set; }

    public List<CodaMovement> Details { get; } = [];

    /// <summary>Closes the open information group, moving its content to the movement.</summary>
    public void CloseInformation()
    {
        if (OpenInformation is not { } group)
        {
            return;
        }

        OpenInformation = null;
        if (!group.IsStructured)
        {
            Information.Append(group.Content);
            return;
        }

        var content = group.Content.ToString();
        if (group.Type == "001")
        {
            // Type 001 carries counterparty data: name (70), street (35), locality (35), id (35),
            // which fill 3.1 and 3.2. Text in a following 3.3 is ordinary information.
            InformationCounterpartyName ??= StatementText.Normalise(content.AsSpan(0, Math.Min(70, content.Length)));
            if (content.Length > CounterpartyDataLength)
            {
                Information.Append(' ').Append(content.AsSpan(CounterpartyDataLength)).Append(' ');
            }

            return;
        }

        Information.Append(' ').Append(content).Append(' ');
    }
}

/// <summary>One information record 3.1 and the 3.2 and 3.3 records that continue it.</summary>
internal sealed class InformationGroup
{
    public required bool IsStructured { get; init; }

    /// <summary>Structured communication type (positions 41–43 of 3.1), or null for free text.</summary>
    public string? Type { get; init; }

    public StringBuilder Content { get; } = new(268);
}
