using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

public class CodaBadInputTests
{
    private static string Replace(int index, int position, string text) =>
        CodaSynthetic.File(lines: CodaSynthetic.With(index, CodaText.Put(CodaSynthetic.Lines[index], position, text)));

    [Fact]
    public async Task MissingTrailer_IsTruncatedFile()
    {
        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: CodaSynthetic.Lines[..6]));

        Assert.Equal(StatementErrorCodes.CodaTruncatedFile, error.Code);
        Assert.Equal(6, error.LineNumber);
    }

    [Fact]
    public async Task FileCutInsideARecord_IsRecordLength()
    {
        var text = CodaSynthetic.File(finalNewline: false, lines: [.. CodaSynthetic.Lines[..2], CodaSynthetic.Movement[..90]]);

        var error = await SampleFiles.ReadTextFailingAsync(text);

        Assert.Equal(StatementErrorCodes.CodaRecordLength, error.Code);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal("90", error.OffendingValue);
    }

    [Fact]
    public async Task ShortRecord_IsRecordLength()
    {
        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: CodaSynthetic.With(3, CodaSynthetic.MovementPart2[..127])));

        Assert.Equal(StatementErrorCodes.CodaRecordLength, error.Code);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal("127", error.OffendingValue);
    }

    [Fact]
    public async Task TrailerCutBeforeItsTotals_IsRecordLength()
    {
        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: CodaSynthetic.With(6, CodaSynthetic.Trailer[..40])));

        Assert.Equal(StatementErrorCodes.CodaRecordLength, error.Code);
        Assert.Equal(7, error.LineNumber);
    }

    [Fact]
    public async Task ShortTrailerBeforeLastLine_IsRecordLength()
    {
        string[] lines = [.. CodaSynthetic.Lines[..6], CodaSynthetic.Trailer[..60], .. CodaSynthetic.Lines];

        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: lines));

        Assert.Equal(StatementErrorCodes.CodaRecordLength, error.Code);
        Assert.Equal(7, error.LineNumber);
    }

    [Theory]
    [InlineData(2, 33, "00000000123450X", 33, "00000000123450X")] // amount
    [InlineData(6, 17, "00000A", 17, "00000A")] // trailer record count
    [InlineData(1, 44, "0000000100000.0", 44, "0000000100000.0")] // old balance
    public async Task NonNumericField_IsInvalidNumber(int index, int position, string text, int expectedPosition, string expectedValue)
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(index, position, text));

        Assert.Equal(StatementErrorCodes.CodaInvalidNumber, error.Code);
        Assert.Equal(index + 1, error.LineNumber);
        Assert.Equal(expectedPosition, error.LinePosition);
        Assert.Equal(expectedValue, error.OffendingValue);
    }

    [Theory]
    [InlineData(2, 48, "320126")] // value date, day 32
    [InlineData(2, 116, "051326")] // entry date, month 13
    [InlineData(5, 58, "05012A")] // new balance date
    public async Task BadDate_IsInvalidDate(int index, int position, string text)
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(index, position, text));

        Assert.Equal(StatementErrorCodes.CodaInvalidDate, error.Code);
        Assert.Equal(index + 1, error.LineNumber);
        Assert.Equal(position, error.LinePosition);
        Assert.Equal(text, error.OffendingValue);
    }

    [Theory]
    [InlineData(2, 32, "2")] // movement sign
    [InlineData(1, 2, "4")] // account structure
    [InlineData(2, 126, "X")] // next code
    public async Task UndefinedCode_IsInvalidField(int index, int position, string text)
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(index, position, text));

        Assert.Equal(StatementErrorCodes.CodaInvalidField, error.Code);
        Assert.Equal(index + 1, error.LineNumber);
        Assert.Equal(position, error.LinePosition);
        Assert.Equal(text, error.OffendingValue);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("24")]
    [InlineData("X")]
    public async Task UnknownRecordType_IsRejected(string type)
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(3, 1, type.PadRight(2, '0')));

        Assert.Equal(StatementErrorCodes.CodaUnknownRecordType, error.Code);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(1, error.LinePosition);
    }

    [Fact]
    public async Task MovementBeforeOldBalance_IsUnexpectedRecord()
    {
        var lines = CodaSynthetic.Lines;
        (lines[1], lines[2]) = (lines[2], lines[1]);

        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: lines));

        Assert.Equal(StatementErrorCodes.CodaUnexpectedRecord, error.Code);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("21", error.OffendingValue);
    }

    [Fact]
    public async Task DataAfterTrailer_IsUnexpectedRecord()
    {
        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: [.. CodaSynthetic.Lines, CodaSynthetic.OldBalance]));

        Assert.Equal(StatementErrorCodes.CodaUnexpectedRecord, error.Code);
        Assert.Equal(8, error.LineNumber);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3")]
    [InlineData(" ")]
    public async Task VersionOtherThan2_IsUnsupported(string version)
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(0, 128, version));

        Assert.Equal(StatementErrorCodes.CodaUnsupportedVersion, error.Code);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(128, error.LinePosition);
        Assert.Equal(version, error.OffendingValue);
    }

    [Fact]
    public async Task WrongNewBalance_IsBalanceMismatch()
    {
        var text = Replace(5, 43, "000000011234400");

        var error = await SampleFiles.ReadTextFailingAsync(text);
        var lenient = await SampleFiles.ReadTextAsync(text, StatementValidation.Lenient);

        Assert.Equal(StatementErrorCodes.CodaBalanceMismatch, error.Code);
        Assert.Equal(6, error.LineNumber);
        Assert.Equal(42, error.LinePosition);
        Assert.Equal("11234.40", error.OffendingValue);
        Assert.Equal(StatementErrorCodes.CodaBalanceMismatch, Assert.Single(lenient[0].Summary.Warnings).Code);
    }

    [Fact]
    public async Task SeparateApplication_SkipsBalanceCheck()
    {
        var lines = CodaSynthetic.With(0, CodaText.Put(CodaSynthetic.Header, 84, "00001"));
        lines[5] = CodaText.Put(lines[5], 43, "000000000000000");

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.True(statement.Header.IsSeparateApplication);
        Assert.Empty(statement.Summary.Warnings);
        Assert.StartsWith("coda|BE68539007547034|EUR|app:00001|20260105|", statement.Summary.Key.Value);
    }

    [Theory]
    [InlineData(17, "000006", StatementErrorCodes.CodaTrailerCountMismatch, "6")]
    [InlineData(23, "000000000000100", StatementErrorCodes.CodaTrailerDebitMismatch, "0.10")]
    [InlineData(38, "000000001234000", StatementErrorCodes.CodaTrailerCreditMismatch, "1234.00")]
    public async Task TrailerThatDoesNotMatch_IsRejected(int position, string text, string code, string value)
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(6, position, text));

        Assert.Equal(code, error.Code);
        Assert.Equal(7, error.LineNumber);
        Assert.Equal(position, error.LinePosition);
        Assert.Equal(value, error.OffendingValue);
    }

    [Fact]
    public async Task OtherAccountInNewBalance_IsAccountMismatch()
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(5, 5, "BE11000123456748"));

        Assert.Equal(StatementErrorCodes.CodaAccountMismatch, error.Code);
        Assert.Equal(6, error.LineNumber);
        Assert.Equal(5, error.LinePosition);
    }

    [Fact]
    public async Task ContinuationWithOtherSequence_IsOrphanRecord()
    {
        var error = await SampleFiles.ReadTextFailingAsync(Replace(3, 3, "0002"));

        Assert.Equal(StatementErrorCodes.CodaOrphanRecord, error.Code);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(3, error.LinePosition);
        Assert.Equal("00020000", error.OffendingValue);
    }

    [Fact]
    public async Task DetailWithoutMovement_IsOrphanRecord()
    {
        var detail = CodaText.Put(CodaText.Put(CodaSynthetic.Movement, 7, "0001"), 126, "0");

        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: [.. CodaSynthetic.Lines[..2], detail, .. CodaSynthetic.Lines[5..]]));

        Assert.Equal(StatementErrorCodes.CodaOrphanRecord, error.Code);
        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public async Task InformationForAnotherMovement_IsOrphanRecord()
    {
        var information = CodaSynthetic.Line((1, "31"), (3, "0009"), (7, "0001"), (40, "0"), (41, "TEXT"), (126, "0"), (128, "0"));
        var part3 = CodaText.Put(CodaSynthetic.MovementPart3, 128, "1");

        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: [.. CodaSynthetic.Lines[..4], part3, information, .. CodaSynthetic.Lines[5..]]));

        Assert.Equal(StatementErrorCodes.CodaOrphanRecord, error.Code);
        Assert.Equal(6, error.LineNumber);
    }

    [Fact]
    public async Task NextCodeZeroBeforeContinuation_IsContinuationMismatch()
    {
        var text = Replace(2, 126, "0");

        var error = await SampleFiles.ReadTextFailingAsync(text);
        var lenient = await SampleFiles.ReadTextAsync(text, StatementValidation.Lenient);

        Assert.Equal(StatementErrorCodes.CodaContinuationMismatch, error.Code);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(126, error.LinePosition);
        Assert.Equal("KLANT NV", lenient[0].Transactions[0].CounterpartyName);
    }

    [Fact]
    public async Task NextCodeOneWithoutContinuation_IsContinuationMismatch()
    {
        // Record 2.2 announces a 2.3 (next code 1), but record 8 follows.
        var error = await SampleFiles.ReadTextFailingAsync(CodaSynthetic.File(lines: [.. CodaSynthetic.Lines[..4], .. CodaSynthetic.Lines[5..]]));

        Assert.Equal(StatementErrorCodes.CodaContinuationMismatch, error.Code);
        Assert.Equal(5, error.LineNumber);
        Assert.Equal("8", error.OffendingValue);
    }
}
