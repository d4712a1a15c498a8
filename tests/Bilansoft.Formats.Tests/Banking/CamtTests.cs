using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

public class CamtTests
{
    private static async Task<IReadOnlyList<BankStatement>> ReadAsync(string xml, StatementValidation validation = StatementValidation.Strict)
    {
        using var stream = new MemoryStream(CamtSynthetic.Bytes(xml));
        return await BankStatementReader.ReadAllAsync(stream, new StatementReaderOptions { Validation = validation });
    }

    private static async Task<StatementFormatException> ReadFailingAsync(string xml)
    {
        using var stream = new MemoryStream(CamtSynthetic.Bytes(xml));
        return await Assert.ThrowsAsync<StatementFormatException>(() => BankStatementReader.ReadAllAsync(stream));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task EveryVersion_ReadsStructuredCreditAndBatch(int version)
    {
        var xml = CamtSynthetic.Document(version, CamtSynthetic.CreditEntry(version) + CamtSynthetic.DebitBatch(version), closing: "10934.50");

        var statement = Assert.Single(await ReadAsync(xml));

        Assert.Equal($"camt.053.001.{version:D2}", statement.Header.FormatVersion);
        Assert.Equal("BE68539007547034", statement.Header.AccountIban?.Value);
        Assert.Equal("BILANSOFT DEMO BV", statement.Header.AccountHolderName);
        Assert.Equal(new DateOnly(2026, 1, 5), statement.Header.CreationDate);
        Assert.Equal("MSG-1", statement.Header.MessageId);
        var credit = statement.Transactions[0];
        Assert.Equal(1234.50m, credit.Amount);
        Assert.Equal("+++123/4567/89002+++", credit.StructuredCommunication?.ToPrinted());
        Assert.Equal("SCOR/BBA", credit.StructuredReferenceType);
        Assert.Equal("KLANT NV", credit.CounterpartyName);
        Assert.Equal("BE94735001234514", credit.CounterpartyIban?.Value);
        Assert.Equal("GEBABEBB", credit.CounterpartyBic?.Value);
        Assert.Equal("E2E-INV-2026-0007", credit.EndToEndId);
        Assert.Equal("BANKREF-1", credit.BankReference);
        Assert.Equal("PMNT/RCDT/ESCT", credit.TransactionCode?.ToString());

        var batch = statement.Transactions[1];
        Assert.Equal(-300.00m, batch.Amount);
        Assert.Equal(new DateOnly(2026, 1, 5), batch.BookingDate);
        Assert.Equal(Globalisation.Batch, batch.Globalisation);
        Assert.Equal([-100.00m, -200.00m], batch.Details.Select(detail => detail.Amount));
        Assert.Equal(["SUPPLIER ONE", "SUPPLIER TWO"], batch.Details.Select(detail => detail.CounterpartyName));
        Assert.Equal("RF18539007547034", batch.Details[0].StructuredReference);
        Assert.Equal("SCOR/ISO", batch.Details[0].StructuredReferenceType);
        Assert.Null(batch.Details[0].StructuredCommunication);
        Assert.Equal("Invoice 2026/17", batch.Details[1].FreeCommunication);
        Assert.Equal(1234.50m, statement.Summary.CreditTotal);
        Assert.Equal(300.00m, statement.Summary.DebitTotal);
        Assert.Equal("camt053|BE68539007547034|EUR|2026|1", statement.Summary.Key.Value);
    }

    [Fact]
    public async Task PendingEntry_IsSkippedAndNotInBalance()
    {
        var xml = CamtSynthetic.Document(8, CamtSynthetic.CreditEntry(8) + CamtSynthetic.CreditEntry(8, "50.00", "PDNG"));

        var statement = Assert.Single(await ReadAsync(xml));

        Assert.Single(statement.Transactions);
        Assert.Equal(1, statement.Summary.SkippedEntryCount);
        Assert.Empty(statement.Summary.Warnings);
    }

    [Fact]
    public async Task SamePaymentInCodaAndCamt_SharesKey()
    {
        var camt = (await ReadAsync(CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2))))[0];
        var coda = (await SampleFiles.ReadTextAsync(CodaSynthetic.File()))[0];

        Assert.Equal(coda.Transactions[0].Key, camt.Transactions[0].Key);
        Assert.NotEqual(coda.Summary.Key, camt.Summary.Key);
    }

    [Fact]
    public async Task Dtd_IsRejected()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2), prolog: "<!DOCTYPE Document [<!ELEMENT Document ANY>]>");

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtDtdProhibited, error.Code);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public async Task ExternalEntity_IsRejected()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2), prolog: """<!DOCTYPE Document [<!ENTITY name SYSTEM "file:///etc/hostname">]>""")
            .Replace("BILANSOFT DEMO BV", "&name;", StringComparison.Ordinal);

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtDtdProhibited, error.Code);
        Assert.Equal(2, error.LineNumber);
        Assert.DoesNotContain("hostname", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntityExpansion_IsRejected()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2), prolog: """<!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""");

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtDtdProhibited, error.Code);
    }

    [Fact]
    public async Task TruncatedXml_IsInvalidXml()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2));

        var error = await ReadFailingAsync(xml[..(xml.Length / 2)]);

        Assert.Equal(StatementErrorCodes.CamtInvalidXml, error.Code);
        Assert.NotNull(error.LineNumber);
        Assert.StartsWith("Document/BkToCstmrStmt/Stmt[1]", error.ElementPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileCutAfterTheStatement_IsInvalidXml()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2));

        var error = await ReadFailingAsync(xml[..xml.LastIndexOf("</Document>", StringComparison.Ordinal)]);

        Assert.Equal(StatementErrorCodes.CamtInvalidXml, error.Code);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("09")]
    [InlineData("13")]
    public async Task VersionOutsideRange_IsUnsupported(string suffix)
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2)).Replace("camt.053.001.02", "camt.053.001." + suffix, StringComparison.Ordinal);

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtUnsupportedVersion, error.Code);
        Assert.Equal("urn:iso:std:iso:20022:tech:xsd:camt.053.001." + suffix, error.OffendingValue);
        Assert.Equal(3, error.LineNumber);
    }

    [Theory]
    [InlineData("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><Report/></Document>""")]
    [InlineData("""<BkToCstmrStmt xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>""")]
    [InlineData("""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>""")]
    public async Task OtherXml_IsNotAStatement(string xml)
    {
        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtNotAStatement, error.Code);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public async Task MissingAmount_IsMissingElement()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2).Replace("""<Amt Ccy="EUR">1234.50</Amt>""", string.Empty, StringComparison.Ordinal));

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtMissingElement, error.Code);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt", error.ElementPath);
    }

    [Fact]
    public async Task MissingAccount_IsMissingElement()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2));
        xml = xml.Remove(xml.IndexOf("<Acct>", StringComparison.Ordinal), xml.IndexOf("</Acct>", StringComparison.Ordinal) + 7 - xml.IndexOf("<Acct>", StringComparison.Ordinal));

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtMissingElement, error.Code);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Acct", error.ElementPath);
    }

    [Theory]
    [InlineData("1.234,50")]
    [InlineData("-1234.50")]
    [InlineData("EUR")]
    public async Task BadAmount_IsInvalidAmount(string amount)
    {
        var error = await ReadFailingAsync(CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2, amount)));

        Assert.Equal(StatementErrorCodes.CamtInvalidAmount, error.Code);
        Assert.Equal(amount, error.OffendingValue);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt", error.ElementPath);
        Assert.NotNull(error.LineNumber);
    }

    [Fact]
    public async Task BadIndicator_IsInvalidCode()
    {
        var error = await ReadFailingAsync(CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2, indicator: "CREDIT")));

        Assert.Equal(StatementErrorCodes.CamtInvalidCode, error.Code);
        Assert.Equal("CREDIT", error.OffendingValue);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/CdtDbtInd", error.ElementPath);
    }

    [Fact]
    public async Task BadDate_IsInvalidDate()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2).Replace("<ValDt><Dt>2026-01-05</Dt>", "<ValDt><Dt>05/01/2026</Dt>", StringComparison.Ordinal));

        var error = await ReadFailingAsync(xml);

        Assert.Equal(StatementErrorCodes.CamtInvalidDate, error.Code);
        Assert.Equal("05/01/2026", error.OffendingValue);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/ValDt/Dt", error.ElementPath);
    }

    [Fact]
    public async Task UnbalancedStatement_IsBalanceMismatch()
    {
        var xml = CamtSynthetic.Document(8, CamtSynthetic.CreditEntry(8), closing: "11234.49");

        var error = await ReadFailingAsync(xml);
        var lenient = await ReadAsync(xml, StatementValidation.Lenient);

        Assert.Equal(StatementErrorCodes.CamtBalanceMismatch, error.Code);
        Assert.Equal("11234.49", error.OffendingValue);
        Assert.Equal(12, error.LineNumber); // the CLBD balance
        Assert.Equal(StatementErrorCodes.CamtBalanceMismatch, Assert.Single(lenient[0].Summary.Warnings).Code);
        Assert.Single(lenient[0].Transactions);
    }

    [Fact]
    public async Task FallbackBalances_AreUsedButNotChecked()
    {
        var xml = CamtSynthetic.Document(2, CamtSynthetic.CreditEntry(2), closing: "99.99")
            .Replace("<Cd>OPBD</Cd>", "<Cd>PRCD</Cd>", StringComparison.Ordinal)
            .Replace("<Cd>CLBD</Cd>", "<Cd>CLAV</Cd>", StringComparison.Ordinal);

        var statement = Assert.Single(await ReadAsync(xml));

        Assert.Equal("PRCD", statement.Header.OpeningBalance?.Type);
        Assert.Equal(10000.00m, statement.Header.OpeningBalance?.Amount);
        Assert.Equal("CLAV", statement.Summary.ClosingBalance?.Type);
        Assert.False(statement.Summary.ClosingBalance!.IsBooked);
        Assert.Empty(statement.Summary.Warnings); // an available balance is not expected to add up
    }

    [Fact]
    public async Task NamespacePrefix_IsAccepted()
    {
        var xml = CamtSynthetic.Document(8, CamtSynthetic.CreditEntry(8))
            .Replace("<Document xmlns=", "<c:Document xmlns:c=", StringComparison.Ordinal)
            .Replace("</Document>", "</c:Document>", StringComparison.Ordinal)
            .Replace("<BkToCstmrStmt>", "<c:BkToCstmrStmt>", StringComparison.Ordinal)
            .Replace("</BkToCstmrStmt>", "</c:BkToCstmrStmt>", StringComparison.Ordinal);
        xml = System.Text.RegularExpressions.Regex.Replace(xml, "<(/?)(?!c:|\\?xml)([A-Za-z])", "<$1c:$2");

        var statement = Assert.Single(await ReadAsync(xml));

        Assert.Equal(1234.50m, statement.Transactions[0].Amount);
        Assert.Equal("KLANT NV", statement.Transactions[0].CounterpartyName);
    }
}
