using System.Xml.Linq;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Banking.Camt;

/// <summary>
/// The payment data of one <c>TxDtls</c>: references, counterparty and remittance information.
/// </summary>
internal sealed record CamtTransactionParts
{
    public static CamtTransactionParts Empty { get; } = new();

    public string? EndToEndId { get; init; }

    public string? BankReference { get; init; }

    public StructuredCommunication? Structured { get; init; }

    public string? Reference { get; init; }

    public string? ReferenceType { get; init; }

    public string? Unstructured { get; init; }

    public string? AdditionalInformation { get; init; }

    public string? CounterpartyName { get; init; }

    public string? CounterpartyAccount { get; init; }

    public Iban? CounterpartyIban { get; init; }

    public Bic? CounterpartyBic { get; init; }

    public string? ReturnReason { get; init; }

    /// <summary>
    /// Reads a <c>TxDtls</c>. The counterparty of a credit is the debtor, of a debit the creditor.
    /// </summary>
    public static CamtTransactionParts Read(XElement details, bool isCredit, int version)
    {
        var partyName = isCredit ? "Dbtr" : "Cdtr";
        var parties = details.Child("RltdPties");
        var account = parties.Find(partyName + "Acct", "Id");
        var accountId = account.Text("IBAN") ?? account.Text("Othr", "Id");
        var agent = details.Find("RltdAgts", partyName + "Agt", "FinInstnId");

        // camt.053.001.08 wraps the party in Pty (Party40Choice); earlier versions put Nm directly
        // under Dbtr or Cdtr. A file labelled with the wrong version is still read.
        var party = parties?.Child(partyName);
        var name = version >= 8
            ? party.Text("Pty", "Nm") ?? party.Text("Nm")
            : party.Text("Nm") ?? party.Text("Pty", "Nm");

        // BIC was renamed BICFI in camt.053.001.04.
        var bic = version >= 4 ? agent.Text("BICFI") ?? agent.Text("BIC") : agent.Text("BIC") ?? agent.Text("BICFI");

        var (structured, reference, referenceType) = ReadCreditorReference(details.Child("RmtInf"));
        var endToEndId = details.Text("Refs", "EndToEndId");
        return new CamtTransactionParts
        {
            EndToEndId = endToEndId == "NOTPROVIDED" ? null : endToEndId,
            BankReference = details.Text("Refs", "AcctSvcrRef"),
            Structured = structured,
            Reference = reference,
            ReferenceType = referenceType,
            Unstructured = StatementText.Normalise(string.Join(' ', details.Child("RmtInf")?.Children("Ustrd").Select(line => line.Value) ?? [])),
            AdditionalInformation = StatementText.Join(
                StatementText.Normalise(string.Join(' ', details.Child("RmtInf")?.Children("Strd").SelectMany(strd => strd.Children("AddtlRmtInf")).Select(line => line.Value) ?? [])),
                StatementText.Normalise(details.Text("AddtlTxInf"))),
            CounterpartyName = StatementText.Normalise(name),
            CounterpartyAccount = accountId,
            CounterpartyIban = Iban.TryParse(accountId, out var iban) ? iban : null,
            CounterpartyBic = Bic.TryParse(bic, out var parsedBic) ? parsedBic : null,
            ReturnReason = details.Text("RtrInf", "Rsn", "Cd"),
        };
    }

    /// <summary>
    /// Reads the first <c>RmtInf/Strd/CdtrRefInf</c>. A Belgian structured communication comes
    /// as code <c>SCOR</c> with issuer <c>BBA</c>; an ISO 11649 RF reference as <c>SCOR</c> with
    /// issuer <c>ISO</c>. A <c>SCOR</c> reference without issuer that has the 12 digits and check
    /// digits of a Belgian structured communication is read as one too.
    /// </summary>
    private static (StructuredCommunication? Structured, string? Reference, string? Type) ReadCreditorReference(XElement? remittance)
    {
        var creditorReference = remittance?.Children("Strd").Select(strd => strd.Child("CdtrRefInf")).FirstOrDefault(info => info is not null);
        var reference = creditorReference.Text("Ref");
        if (creditorReference is null || reference is null)
        {
            return (null, null, null);
        }

        var code = creditorReference.Text("Tp", "CdOrPrtry", "Cd") ?? creditorReference.Text("Tp", "CdOrPrtry", "Prtry");
        var issuer = creditorReference.Text("Tp", "Issr");
        var type = issuer is null ? code : $"{code}/{issuer}";
        var isBelgian = code == "SCOR" && (issuer is null || issuer.Equals("BBA", StringComparison.OrdinalIgnoreCase));
        var structured = isBelgian && StructuredCommunication.TryParse(reference, out var parsed) ? parsed : (StructuredCommunication?)null;
        return (structured, reference, type);
    }
}
