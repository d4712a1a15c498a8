using System.Text;

namespace Bilansoft.Formats.Tests.Banking;

/// <summary>Builds small camt.053 documents in the shape of a given message version.</summary>
internal static class CamtSynthetic
{
    /// <summary>A credit of 1 234.50 from KLANT NV with +++123/4567/89002+++.</summary>
    public static string CreditEntry(int version, string amount = "1234.50", string status = "BOOK", string indicator = "CRDT") =>
        $"""
        <Ntry>
          <Amt Ccy="EUR">{amount}</Amt>
          <CdtDbtInd>{indicator}</CdtDbtInd>
          {Status(version, status)}
          <BookgDt><Dt>2026-01-05</Dt></BookgDt>
          <ValDt><Dt>2026-01-05</Dt></ValDt>
          <AcctSvcrRef>BANKREF-1</AcctSvcrRef>
          <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
          <NtryDtls>
            <TxDtls>
              <Refs><EndToEndId>E2E-INV-2026-0007</EndToEndId></Refs>
              <RltdPties>
                {Party(version, "Dbtr", "KLANT NV")}
                <DbtrAcct><Id><IBAN>BE94735001234514</IBAN></Id></DbtrAcct>
              </RltdPties>
              <RltdAgts><DbtrAgt><FinInstnId>{Bic(version, "GEBABEBB")}</FinInstnId></DbtrAgt></RltdAgts>
              <RmtInf>
                <Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>123456789002</Ref></CdtrRefInf></Strd>
              </RmtInf>
            </TxDtls>
          </NtryDtls>
        </Ntry>
        """;

    /// <summary>A debit batch of 300.00 paid to two suppliers, 100.00 and 200.00.</summary>
    public static string DebitBatch(int version) =>
        $"""
        <Ntry>
          <Amt Ccy="EUR">300.00</Amt>
          <CdtDbtInd>DBIT</CdtDbtInd>
          {Status(version, "BOOK")}
          <BookgDt><DtTm>2026-01-05T10:00:00+01:00</DtTm></BookgDt>
          <ValDt><Dt>2026-01-05</Dt></ValDt>
          <NtryDtls>
            <Btch><NbOfTxs>2</NbOfTxs></Btch>
            {BatchDetail(version, "100.00", "SUPPLIER ONE", "BE11000123456748", "RF18539007547034")}
            {BatchDetail(version, "200.00", "SUPPLIER TWO", "BE68539007547034", null)}
          </NtryDtls>
        </Ntry>
        """;

    public static string Document(int version, string entries, string opening = "10000.00", string closing = "11234.50", string prolog = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        {prolog}
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version:D2}">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-01-05T18:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-2026-001</Id>
              <ElctrncSeqNb>1</ElctrncSeqNb>
              <CreDtTm>2026-01-05T18:00:00</CreDtTm>
              <Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>BILANSOFT DEMO BV</Nm></Ownr></Acct>
              <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-02</Dt></Dt></Bal>
              <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-05</Dt></Dt></Bal>
              {entries}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Status(int version, string status) =>
        version >= 8 ? $"<Sts><Cd>{status}</Cd></Sts>" : $"<Sts>{status}</Sts>";

    private static string Party(int version, string role, string name) =>
        version >= 8 ? $"<{role}><Pty><Nm>{name}</Nm></Pty></{role}>" : $"<{role}><Nm>{name}</Nm></{role}>";

    private static string Bic(int version, string bic) => version >= 4 ? $"<BICFI>{bic}</BICFI>" : $"<BIC>{bic}</BIC>";

    private static string BatchDetail(int version, string amount, string name, string iban, string? rf)
    {
        var amountXml = version >= 3
            ? $"""<Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd>"""
            : $"""<AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>""";
        var remittance = rf is null
            ? "<RmtInf><Ustrd>Invoice 2026/17</Ustrd></RmtInf>"
            : $"<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{rf}</Ref></CdtrRefInf></Strd></RmtInf>";
        return $"""
            <TxDtls>
              {amountXml}
              <RltdPties>{Party(version, "Cdtr", name)}<CdtrAcct><Id><IBAN>{iban}</IBAN></Id></CdtrAcct></RltdPties>
              {remittance}
            </TxDtls>
            """;
    }
}
