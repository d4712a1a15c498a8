using System.Text;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("wimverstuyf-sample1.cod", StatementFormat.Coda)]
    [InlineData("acsone-foreign-account-fr.coda.txt", StatementFormat.Coda)]
    [InlineData("genkgo-camt053v08.xml", StatementFormat.Camt053)]
    [InlineData("oca-camt053v02-nl-abnamro-style.xml", StatementFormat.Camt053)]
    public void Detect_Samples(string name, StatementFormat expected)
    {
        var head = File.ReadAllBytes(SampleFiles.PathOf(name)).AsSpan(0, 512);

        Assert.Equal(expected, StatementFormatDetector.Detect(head));
    }

    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ")]
    [InlineData("Datum;Bedrag;Mededeling\n05/01/2026;1234,50;+++123/4567/89002+++")]
    [InlineData("<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\"/>")]
    [InlineData("0000X")]
    public void Detect_OtherFiles_AreUnknown(string text)
    {
        Assert.Equal(StatementFormat.Unknown, StatementFormatDetector.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Detect_SkipsByteOrderMark()
    {
        var coda = Encoding.UTF8.GetPreamble().Concat(Encoding.ASCII.GetBytes("\r\n" + CodaSynthetic.Header)).ToArray();
        var camt = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>")).ToArray();

        Assert.Equal(StatementFormat.Coda, StatementFormatDetector.Detect(coda));
        Assert.Equal(StatementFormat.Camt053, StatementFormatDetector.Detect(camt));
    }

    [Fact]
    public async Task Read_CodaWithByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(CodaText.Encoding.GetBytes(CodaSynthetic.File())).ToArray();
        using var stream = new MemoryStream(bytes);

        var statements = await BankStatementReader.ReadAllAsync(stream);

        Assert.Single(statements);
    }

    [Fact]
    public async Task Read_EmptyFile_IsRejected()
    {
        using var stream = new MemoryStream();

        var error = await Assert.ThrowsAsync<StatementFormatException>(() => BankStatementReader.ReadAllAsync(stream));

        Assert.Equal(StatementErrorCodes.EmptyFile, error.Code);
    }

    [Fact]
    public async Task Read_NotAStatement_IsUnknownFormat()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\nnot a bank statement"));

        var error = await Assert.ThrowsAsync<StatementFormatException>(() => BankStatementReader.ReadAllAsync(stream));

        Assert.Equal(StatementErrorCodes.UnknownFormat, error.Code);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal("%PDF-1.7.not a b", error.OffendingValue);
    }
}
