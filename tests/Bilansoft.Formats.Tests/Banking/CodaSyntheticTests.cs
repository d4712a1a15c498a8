using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

public class CodaSyntheticTests
{
    [Fact]
    public void Lines_AreTheDocumentedRecords()
    {
        // The same statement as printed in the CODA notes, so the builder positions are checked.
        Assert.Equal(
            "2100010000EBANKREF00000000000010000000001234500050126001500001101123456789002                                      05012600101 0",
            CodaSynthetic.Movement);
        Assert.All(CodaSynthetic.Lines, line => Assert.Equal(128, line.Length));
    }

    [Fact]
    public async Task Read_ParsesEveryField()
    {
        var statements = await SampleFiles.ReadTextAsync(CodaSynthetic.File());

        var statement = Assert.Single(statements);
        var header = statement.Header;
        Assert.Equal(StatementFormat.Coda, header.Format);
        Assert.Equal("2", header.FormatVersion);
        Assert.Equal("BE68539007547034", header.AccountIban?.Value);
        Assert.Equal("EUR", header.Currency);
        Assert.Equal("BILANSOFT DEMO BV", header.AccountHolderName);
        Assert.Equal("GKCCBEBB", header.BankBic?.Value);
        Assert.Equal("0123456749", header.HolderEnterpriseNumber);
        Assert.Equal(new DateOnly(2026, 1, 5), header.CreationDate);
        Assert.Equal("0000000001", header.MessageId);
        Assert.Equal(1, header.ElectronicSequenceNumber);
        Assert.False(header.IsDuplicate);
        Assert.False(header.IsSeparateApplication);
        Assert.Equal(new StatementBalance(10000.000m, "EUR", new DateOnly(2026, 1, 2), "OPBD"), header.OpeningBalance);

        var transaction = Assert.Single(statement.Transactions);
        Assert.Equal(1234.500m, transaction.Amount);
        Assert.Equal("EUR", transaction.Currency);
        Assert.Equal(new DateOnly(2026, 1, 5), transaction.ValueDate);
        Assert.Equal(new DateOnly(2026, 1, 5), transaction.BookingDate);
        Assert.Equal("00150000", transaction.TransactionCode?.Coda);
        Assert.Equal("+++123/4567/89002+++", transaction.StructuredCommunication?.ToPrinted());
        Assert.Equal("101", transaction.StructuredReferenceType);
        Assert.Null(transaction.FreeCommunication);
        Assert.Equal("E2E-INV-2026-0007", transaction.EndToEndId);
        Assert.Equal("GEBABEBB", transaction.CounterpartyBic?.Value);
        Assert.Equal("KLANT NV", transaction.CounterpartyName);
        Assert.Equal("BE94735001234514", transaction.CounterpartyIban?.Value);
        Assert.Equal("EBANKREF0000000000001", transaction.BankReference);
        Assert.Equal(1, transaction.SequenceNumber);
        Assert.Equal(0, transaction.DetailNumber);
        Assert.Equal(3, transaction.LineNumber);

        var summary = statement.Summary;
        Assert.Equal(new StatementBalance(11234.500m, "EUR", new DateOnly(2026, 1, 5), "CLBD"), summary.ClosingBalance);
        Assert.Equal(1234.500m, summary.CreditTotal);
        Assert.Equal(0m, summary.DebitTotal);
        Assert.Equal(1, summary.TransactionCount);
        Assert.Equal(2026, summary.SequenceYear);
        Assert.Equal("coda|BE68539007547034|EUR|2026|001", summary.Key.Value);
        Assert.Equal(64, summary.ContentFingerprint.Length);
        Assert.Empty(summary.Warnings);
    }

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    public async Task Read_LineEndsDoNotChangeTheResult(string lineEnd, bool finalNewline)
    {
        var reference = (await SampleFiles.ReadTextAsync(CodaSynthetic.File()))[0];

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lineEnd, finalNewline)))[0];

        Assert.Equal(reference.Summary.ContentFingerprint, statement.Summary.ContentFingerprint);
        Assert.Equal(reference.Transactions[0].Key, statement.Transactions[0].Key);
    }

    [Fact]
    public async Task Read_DuplicateMark_KeepsKeysAndFingerprint()
    {
        var original = (await SampleFiles.ReadTextAsync(CodaSynthetic.File()))[0];
        var duplicateHeader = CodaText.Put(CodaText.Put(CodaSynthetic.Header, 17, "D"), 25, "0000000002");

        var duplicate = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: CodaSynthetic.With(0, duplicateHeader))))[0];

        Assert.True(duplicate.Header.IsDuplicate);
        Assert.Equal("D", duplicate.Header.DuplicateIndicator);
        Assert.Equal(original.Summary.Key, duplicate.Summary.Key);
        Assert.Equal(original.Summary.ContentFingerprint, duplicate.Summary.ContentFingerprint);
    }

    [Fact]
    public async Task Read_ChangedAmount_ChangesFingerprintAndKey()
    {
        var original = (await SampleFiles.ReadTextAsync(CodaSynthetic.File()))[0];
        var lines = CodaSynthetic.Lines;
        lines[2] = CodaText.Put(lines[2], 33, "000000001234400");
        lines[5] = CodaText.Put(lines[5], 43, "000000011234400");
        lines[6] = CodaText.Put(lines[6], 38, "000000001234400");

        var changed = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.Equal(original.Summary.Key, changed.Summary.Key);
        Assert.NotEqual(original.Summary.ContentFingerprint, changed.Summary.ContentFingerprint);
        Assert.NotEqual(original.Transactions[0].Key, changed.Transactions[0].Key);
    }

    [Fact]
    public async Task Read_TwoLogicalFilesForTwoAccounts()
    {
        var second = CodaSynthetic.Lines;
        second[1] = CodaText.Put(CodaText.Put(second[1], 6, "BE11000123456748"), 126, "002");
        second[5] = CodaText.Put(second[5], 5, "BE11000123456748");
        var text = CodaSynthetic.File(lines: [.. CodaSynthetic.Lines.Take(6), CodaText.Put(CodaSynthetic.Trailer, 128, "1"), .. second]);

        var statements = await SampleFiles.ReadTextAsync(text);

        Assert.Equal(2, statements.Count);
        Assert.Equal("BE68539007547034", statements[0].Header.AccountIban?.Value);
        Assert.Equal("BE11000123456748", statements[1].Header.AccountIban?.Value);
        Assert.Equal(1, statements[1].Header.StatementIndex);
        Assert.Equal(1, statements[1].Transactions[0].StatementIndex);
        Assert.Equal(10, statements[1].Transactions[0].LineNumber);
        Assert.Equal("coda|BE11000123456748|EUR|2026|002", statements[1].Summary.Key.Value);
    }

    [Fact]
    public async Task Read_StatementWithoutMovements()
    {
        var empty = CodaSynthetic.Line((1, "9"), (17, "000001"), (23, "000000000000000"), (38, "000000000000000"), (128, "2"));

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: [CodaSynthetic.Header, CodaSynthetic.OldBalance, empty])))[0];

        Assert.Empty(statement.Transactions);
        Assert.Null(statement.Summary.ClosingBalance);
        Assert.Equal(2026, statement.Summary.SequenceYear); // from the creation date
    }

    [Fact]
    public async Task Read_BelgianBbanAccount_GetsIban()
    {
        var lines = CodaSynthetic.Lines;
        var zone = CodaSynthetic.Line((1, "539007547034"), (14, "EUR"), (17, "0"), (18, "BE"))[..37];
        lines[1] = CodaText.Put(CodaText.Put(lines[1], 2, "0"), 6, zone);
        lines[5] = CodaText.Put(lines[5], 5, zone);

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.Equal("539007547034", statement.Header.AccountId);
        Assert.Equal("BE68539007547034", statement.Header.AccountIban?.Value);
        Assert.Equal("EUR", statement.Header.Currency);
    }

    [Fact]
    public async Task Read_Windows1252Text()
    {
        var lines = CodaSynthetic.With(4, CodaText.Put(CodaSynthetic.MovementPart3, 48, "CAFÉ DÉLICE SPRL"));

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.Equal("CAFÉ DÉLICE SPRL", statement.Transactions[0].CounterpartyName);
    }

    [Fact]
    public async Task Read_FreeCommunicationAndRfReference()
    {
        var free = CodaText.Put(CodaText.Put(CodaSynthetic.Movement, 62, "0"), 63, "FACTUUR 2026-0007 BEDANKT".PadRight(53));
        var rf = CodaText.Put(CodaSynthetic.Movement, 63, "100RF18539007547034".PadRight(53));

        var freeStatement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: CodaSynthetic.With(2, free))))[0];
        var rfStatement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: CodaSynthetic.With(2, rf))))[0];

        Assert.Equal("FACTUUR 2026-0007 BEDANKT", freeStatement.Transactions[0].FreeCommunication);
        Assert.Null(freeStatement.Transactions[0].StructuredCommunication);
        Assert.Null(rfStatement.Transactions[0].StructuredCommunication);
        Assert.Equal("RF18539007547034", rfStatement.Transactions[0].StructuredReference);
        Assert.Equal("100", rfStatement.Transactions[0].StructuredReferenceType);
    }

    [Fact]
    public async Task Read_CounterpartyFromInformationRecordWhen23IsBlank()
    {
        var movement = CodaText.Put(CodaSynthetic.Movement, 128, "1");
        var part3 = CodaText.Put(CodaText.Put(CodaSynthetic.MovementPart3, 48, new string(' ', 35)), 128, "1");
        var information = CodaSynthetic.Line((1, "31"), (3, "0001"), (7, "0001"), (11, "EBANKREF0000000000001"), (32, "00150000"), (40, "1"), (41, "001"), (44, "KLANT NV VIA INFO"), (126, "0"), (128, "0"));
        var trailer = CodaText.Put(CodaSynthetic.Trailer, 17, "000006");
        var lines = new[] { CodaSynthetic.Header, CodaSynthetic.OldBalance, movement, CodaSynthetic.MovementPart2, part3, information, CodaSynthetic.NewBalance, trailer };

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.Equal("KLANT NV VIA INFO", statement.Transactions[0].CounterpartyName);
    }

    [Fact]
    public async Task Read_ForeignAccountNumber()
    {
        // Account structure 1: a foreign account number of up to 34 characters, then the currency.
        var lines = CodaSynthetic.Lines;
        var zone = CodaSynthetic.Line((1, "123-4567890-12"), (35, "USD"))[..37];
        lines[1] = CodaText.Put(CodaText.Put(lines[1], 2, "1"), 6, zone);
        lines[5] = CodaText.Put(lines[5], 5, zone);

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.Equal("123-4567890-12", statement.Header.AccountId);
        Assert.Null(statement.Header.AccountIban);
        Assert.Equal("USD", statement.Header.Currency);
        Assert.Equal("USD", statement.Transactions[0].Currency);
        Assert.Equal("coda|123-4567890-12|USD|2026|001", statement.Summary.Key.Value);
    }

    [Fact]
    public async Task Read_FreeMessageOverTwoRecords()
    {
        var newBalance = CodaText.Put(CodaSynthetic.NewBalance, 128, "1");
        var first = CodaSynthetic.Line((1, "4"), (3, "0001"), (7, "0000"), (33, "YOUR NEW CARD IS READY AT THE".PadRight(80)), (128, "1"));
        var second = CodaSynthetic.Line((1, "4"), (3, "0001"), (7, "0000"), (33, "BRANCH"), (128, "0"));
        string[] lines = [.. CodaSynthetic.Lines[..5], newBalance, first, second, CodaSynthetic.Trailer];

        var statement = (await SampleFiles.ReadTextAsync(CodaSynthetic.File(lines: lines)))[0];

        Assert.Equal(["YOUR NEW CARD IS READY AT THE BRANCH"], statement.Summary.FreeMessages);
        Assert.Empty(statement.Summary.Warnings); // records 4 are not counted in the trailer
    }
}
