using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

// Expected values were read from the fixed-width fields independently of the parser, with a short
// Python script over each file (positions from the Febelfin layout, 1-based as in the spec):
//   old balance  = sign line[42], amount line[43:58] / 1000, date line[58:64]   (record 1)
//   movement     = sign line[31], amount line[32:47] / 1000, only when line[6:10] == '0000' (record 2.1)
//   new balance  = sign line[41], amount line[42:57] / 1000, date line[57:63]   (record 8)
//   trailer      = count line[16:22], debit line[22:37] / 1000, credit line[37:52] / 1000 (record 9)
// and the check digits of structured communications and IBANs computed with int(...) % 97.
public class CodaSampleTests
{
    [Fact]
    public async Task Globalisation_ReadsTotalsAndBreakdown()
    {
        var statements = await SampleFiles.ReadAsync("acsone-v2.3-globalisation.coda.txt", StatementValidation.Lenient);

        var statement = Assert.Single(statements);
        Assert.Equal(4, statement.Transactions.Count);
        Assert.Equal(276270.000m, statement.Summary.CreditTotal);
        Assert.Equal(544.300m, statement.Summary.DebitTotal);
        Assert.Equal(-455.170m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(new DateOnly(2014, 12, 9), statement.Header.OpeningBalance.Date);
        Assert.Equal(275270.530m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal(new DateOnly(2014, 12, 10), statement.Summary.ClosingBalance.Date);
        Assert.True(statement.Header.IsDuplicate);
        Assert.Equal("D", statement.Header.DuplicateIndicator);
        Assert.Equal("BE12341676096039", statement.Header.AccountId);
        Assert.Null(statement.Header.AccountIban); // masked number, check digits wrong
        Assert.Equal(159, statement.Header.ElectronicSequenceNumber);
    }

    [Fact]
    public async Task Globalisation_MaskedAccountInRecord8_FailsStrict()
    {
        // The masking changed one digit of the account in record 8 (BE1230... instead of BE1234...).
        var error = await SampleFiles.ReadFailingAsync("acsone-v2.3-globalisation.coda.txt");

        Assert.Equal(StatementErrorCodes.CodaAccountMismatch, error.Code);
        Assert.Equal(24, error.LineNumber);
        Assert.Equal("BE12301676096039                  EUR", error.OffendingValue);
    }

    [Fact]
    public async Task Globalisation_LenientWarnsAboutAccountOnly()
    {
        var statements = await SampleFiles.ReadAsync("acsone-v2.3-globalisation.coda.txt", StatementValidation.Lenient);

        var warning = Assert.Single(statements[0].Summary.Warnings);
        Assert.Equal(StatementErrorCodes.CodaAccountMismatch, warning.Code);
    }

    [Fact]
    public async Task Globalisation_MovementFields()
    {
        var statements = await SampleFiles.ReadAsync("acsone-v2.3-globalisation.coda.txt", StatementValidation.Lenient);
        var transactions = statements[0].Transactions;

        var first = transactions[0];
        Assert.Equal(113135.000m, first.Amount);
        Assert.Equal("REDEVANCE JAN-NOV CONTRAT DE GESTION", first.FreeCommunication);
        Assert.Equal("XXXXX-IN MARKET ZAVENTEM B", first.CounterpartyName); // record 2.3, not the 3.1 type 001 name
        Assert.Equal("BE12201702625236", first.CounterpartyAccount);
        Assert.Equal("XXXXXXXXXXXX597055ISABEL", first.EndToEndId);
        Assert.Equal("GEBABEBB", first.CounterpartyBic?.Value);
        Assert.Equal("00150000", first.TransactionCode?.Coda);
        Assert.Equal(new DateOnly(2014, 12, 10), first.ValueDate);

        var total = transactions[2];
        Assert.Equal(50000.000m, total.Amount);
        Assert.Equal(Globalisation.Breakdown, total.Globalisation);
        Assert.Equal(1, total.GlobalisationCode);
        var detail = Assert.Single(total.Details);
        Assert.Equal(2, detail.DetailNumber);
        Assert.Equal(50000.000m, detail.Amount);
        Assert.Equal("XXXX MARKET SA", total.CounterpartyName);
        Assert.Equal([total], total.MatchingUnits);

        Assert.Equal(-544.300m, transactions[3].Amount);
        Assert.Equal("124", transactions[3].StructuredReferenceType);
    }

    [Fact]
    public async Task EdgeFile_FlagWithoutDetails_TwoMovements()
    {
        var statements = await SampleFiles.ReadAsync("acsone-edge-globalisation-flag-without-details.coda.txt");

        var statement = Assert.Single(statements);
        Assert.Equal(2, statement.Transactions.Count);
        Assert.All(statement.Transactions, transaction => Assert.Empty(transaction.Details));
        Assert.All(statement.Transactions, transaction => Assert.Equal(Globalisation.None, transaction.Globalisation));
        Assert.Equal([-11442.410m, -2492.220m], statement.Transactions.Select(transaction => transaction.Amount));
        Assert.Equal(0m, statement.Summary.CreditTotal);
        Assert.Equal(13934.630m, statement.Summary.DebitTotal);
        Assert.Equal(104014.760m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(90080.130m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal("SALAIRES XXXXXXX 2014/12 55183", statement.Transactions[0].EndToEndId);
    }

    [Fact]
    public async Task EdgeFile_TruncatedTrailer_IsToleratedWithWarning()
    {
        var statements = await SampleFiles.ReadAsync("acsone-edge-globalisation-flag-without-details.coda.txt");

        var warning = Assert.Single(statements[0].Summary.Warnings);
        Assert.Equal(StatementErrorCodes.CodaTruncatedTrailer, warning.Code);
        Assert.Equal(8, warning.LineNumber);
        Assert.Equal("57", warning.Value);
    }

    [Fact]
    public async Task ForeignAccount_ReadsIbanStructureAndFreeMessage()
    {
        var statements = await SampleFiles.ReadAsync("acsone-foreign-account-fr.coda.txt");

        var statement = Assert.Single(statements);
        Assert.Equal("FR1234567890240924002304825", statement.Header.AccountId);
        Assert.Equal("EUR", statement.Header.Currency);
        Assert.Equal("CCFRFRPP", statement.Header.BankBic?.Value);
        Assert.Equal(2, statement.Transactions.Count);
        Assert.Equal(0m, statement.Summary.CreditTotal);
        Assert.Equal(44.400m, statement.Summary.DebitTotal);
        Assert.Equal(443390.700m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(443346.300m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal(["CLOSING AVAILABLE BALANCE C 180202 EUR 443346,3"], statement.Summary.FreeMessages);
        Assert.Equal("TRANS : NMSC / INFO : ELYS PC ABONNEMENT", statement.Transactions[0].FreeCommunication);
        Assert.Equal("CONTRAT NO 123456789379", statement.Transactions[0].AdditionalInformation);
        Assert.Empty(statement.Summary.Warnings);
    }

    [Fact]
    public async Task Version5_IsRejected()
    {
        var error = await SampleFiles.ReadFailingAsync("acsone-NEGATIVE-unsupported-version5.coda.txt");

        Assert.Equal(StatementErrorCodes.CodaUnsupportedVersion, error.Code);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(128, error.LinePosition);
        Assert.Equal("5", error.OffendingValue);
    }

    [Fact]
    public async Task Noviat_ReadsStructuredCommunicationAndCounterparties()
    {
        var statements = await SampleFiles.ReadAsync("noviat-kbc-2012.coda.txt", StatementValidation.Lenient);

        var statement = Assert.Single(statements);
        Assert.Equal(5, statement.Transactions.Count);
        Assert.Equal(3108.190m, statement.Summary.CreditTotal);
        Assert.Equal(1393.080m, statement.Summary.DebitTotal);
        Assert.Equal(11812.700m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(13646.050m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal("BE46737018594236", statement.Header.AccountIban?.Value);
        Assert.Equal("NOVIAT NV", statement.Header.AccountHolderName);
        Assert.Equal("KREDBEBB", statement.Header.BankBic?.Value);
        Assert.Equal("0820512012", statement.Header.HolderEnterpriseNumber);
        Assert.Equal(3, statement.Header.ElectronicSequenceNumber);
        Assert.Equal(135, statement.Header.SequenceNumber);

        var structured = statement.Transactions[1];
        Assert.Equal("+++240/2838/42818+++", structured.StructuredCommunication?.ToPrinted());
        Assert.Equal("PARTNER 2", structured.CounterpartyName);
        Assert.Equal("BE61310126985517", structured.CounterpartyIban?.Value);
        Assert.Equal("BBRUBEBB", structured.CounterpartyBic?.Value);

        Assert.Equal("PARTNER 1", statement.Transactions[0].CounterpartyName);
        Assert.Equal("MEDEDELING", statement.Transactions[0].FreeCommunication);
        Assert.Equal("KBC VERZEKERINGEN NV", statement.Transactions[4].CounterpartyName);
        Assert.Equal("362/363", statement.Transactions[4].EndToEndId);
    }

    [Fact]
    public async Task Noviat_LoanRepaymentIsBreakdownOfOneAmount()
    {
        var statements = await SampleFiles.ReadAsync("noviat-kbc-2012.coda.txt", StatementValidation.Lenient);

        var repayment = statements[0].Transactions[2];
        Assert.Equal(-479.040m, repayment.Amount);
        Assert.Equal(Globalisation.Breakdown, repayment.Globalisation);
        Assert.Equal([-419.920m, -59.120m], repayment.Details.Select(detail => detail.Amount));
        Assert.Equal(repayment.Amount, repayment.Details.Sum(detail => detail.Amount));
    }

    [Fact]
    public async Task Noviat_EditedBalances_FailStrictAndWarnLenient()
    {
        // The published file pairs an old balance of 27-07-2010 with movements of 11-01-2012 and a
        // record 8 of another account: 11812.70 + 3108.19 - 1393.08 = 13527.81, not 13646.05.
        var error = await SampleFiles.ReadFailingAsync("noviat-kbc-2012.coda.txt");
        var statements = await SampleFiles.ReadAsync("noviat-kbc-2012.coda.txt", StatementValidation.Lenient);

        Assert.Equal(StatementErrorCodes.CodaAccountMismatch, error.Code);
        Assert.Equal(23, error.LineNumber);
        Assert.Equal(
            [StatementErrorCodes.CodaAccountMismatch, StatementErrorCodes.CodaBalanceMismatch],
            statements[0].Summary.Warnings.Select(warning => warning.Code));
        Assert.Equal("13646.05", statements[0].Summary.Warnings[1].Value);
    }

    [Fact]
    public async Task Sample1_BelgianBbanAccountAndWrongCheckDigits()
    {
        var statements = await SampleFiles.ReadAsync("wimverstuyf-sample1.cod");

        var statement = Assert.Single(statements);
        Assert.Equal("138536152215", statement.Header.AccountId);
        Assert.Null(statement.Header.AccountIban); // 1385361522 mod 97 = 34, not 15
        Assert.Equal(4, statement.Transactions.Count);
        Assert.Equal(80.000m, statement.Summary.CreditTotal);
        Assert.Equal(0m, statement.Summary.DebitTotal);
        Assert.Equal(17752.120m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(17832.120m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal(138, statement.Header.ElectronicSequenceNumber);

        // 0000035051 mod 97 = 34, so "000003505158" is not a valid structured communication.
        var first = statement.Transactions[0];
        Assert.Null(first.StructuredCommunication);
        Assert.Equal("000003505158", first.StructuredReference);
        Assert.Equal("101", first.StructuredReferenceType);
        Assert.Equal("KLANT1 MET NAAM1", first.CounterpartyName);
        Assert.Equal(["KLANT1 MET NAAM1", "KLANT2 NAAM2", "KLANT3 NAAM3", "KLANT4 - NAAM4 MET"], statement.Transactions.Select(t => t.CounterpartyName));
    }

    [Fact]
    public async Task Sample10_DirectDebitCollectionIsBatch()
    {
        var statements = await SampleFiles.ReadAsync("wimverstuyf-sample10.cod");

        var statement = Assert.Single(statements);
        var collection = Assert.Single(statement.Transactions);
        Assert.Equal(1000.000m, collection.Amount);
        Assert.Equal(Globalisation.Batch, collection.Globalisation);
        Assert.Equal("REF-RECUR-06-05", collection.EndToEndId);
        Assert.Equal([250.000m, 750.000m], collection.Details.Select(detail => detail.Amount));
        Assert.Equal([1, 3], collection.Details.Select(detail => detail.DetailNumber));
        Assert.Equal(["KLANT1 MET NAAM1", "KLANT2 MET NAAM2"], collection.Details.Select(detail => detail.CounterpartyName));
        Assert.Equal("127", collection.Details[0].StructuredReferenceType);
        Assert.Equal("243690000141", collection.Details[0].EndToEndId);
        Assert.Equal(collection.Details, collection.MatchingUnits);
        Assert.Equal(100.000m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(1100.000m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal(1000.000m, statement.Summary.CreditTotal);
    }

    [Fact]
    public async Task Sample2_LongInformationIsJoinedAcrossRecords()
    {
        var statements = await SampleFiles.ReadAsync("wimverstuyf-sample2.cod", StatementValidation.Lenient);

        var statement = Assert.Single(statements);
        var fee = Assert.Single(statement.Transactions);
        Assert.Equal(-9.680m, fee.Amount);
        Assert.Equal(Globalisation.Breakdown, fee.Globalisation);
        Assert.Equal([-8.000m, -1.680m], fee.Details.Select(detail => detail.Amount));
        Assert.Contains("Avenue Marnix 24", fee.Details[1].AdditionalInformation);
        Assert.Contains("INVOICE n 2011/02/000254882", fee.Details[1].AdditionalInformation);
        Assert.Equal(25846.000m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(23154.685m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal(
            [StatementErrorCodes.CodaAccountMismatch, StatementErrorCodes.CodaBalanceMismatch],
            statement.Summary.Warnings.Select(warning => warning.Code));
    }

    [Fact]
    public async Task Sample5_SeparateApplicationWithWrongTrailer()
    {
        var error = await SampleFiles.ReadFailingAsync("wimverstuyf-sample5.cod");
        var statements = await SampleFiles.ReadAsync("wimverstuyf-sample5.cod", StatementValidation.Lenient);

        // Record 3.3 on line 8 follows a 3.2 whose next code is 0.
        Assert.Equal(StatementErrorCodes.CodaContinuationMismatch, error.Code);
        Assert.Equal(8, error.LineNumber);
        var statement = Assert.Single(statements);
        Assert.True(statement.Header.IsSeparateApplication);
        Assert.Equal(3, statement.Transactions.Count);
        Assert.Equal(6303.460m, statement.Summary.CreditTotal);
        Assert.Equal(4004.100m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(-500012.100m, statement.Summary.ClosingBalance!.Amount);
        // Lines 8 (3.3 after a 3.2 with next code 0), 13 (3.1 with next code 1, then 2.1) and
        // 15 (2.2 with next code 1, then record 8).
        Assert.Equal(
            [8, 13, 15],
            statement.Summary.Warnings.Where(warning => warning.Code == StatementErrorCodes.CodaContinuationMismatch).Select(warning => warning.LineNumber));
        Assert.Equal(
            [
                StatementErrorCodes.CodaContinuationMismatch,
                StatementErrorCodes.CodaContinuationMismatch,
                StatementErrorCodes.CodaContinuationMismatch,
                StatementErrorCodes.CodaTrailerCountMismatch,
                StatementErrorCodes.CodaTrailerDebitMismatch,
                StatementErrorCodes.CodaTrailerCreditMismatch,
            ],
            statement.Summary.Warnings.Select(warning => warning.Code));
        Assert.Equal("BVBA.BAKKER PIET", statement.Transactions[0].CounterpartyName);
        Assert.Equal("112/4554/46812 813 ANOTHER MESSAGE MESSAGE", statement.Transactions[0].FreeCommunication);
        Assert.Null(statement.Transactions[1].StructuredCommunication); // 1124554468 mod 97 = 3, not 12
        Assert.Equal("SOME INFORMATION ABOUT THIS TRANSACTION", statement.Transactions[0].AdditionalInformation);
    }
}
