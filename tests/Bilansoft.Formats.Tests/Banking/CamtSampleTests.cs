using Bilansoft.Formats.Banking;

namespace Bilansoft.Formats.Tests.Banking;

// Expected values were read independently of the parser with Python's ElementTree. Balances come
// from Stmt/Bal (Tp/CdOrPrtry/Cd, Amt, CdtDbtInd, Dt/Dt). Sums are over the Ntry elements whose Sts
// (or Sts/Cd) is BOOK, signed by CdtDbtInd. Transaction details come from NtryDtls/TxDtls.
public class CamtSampleTests
{
    [Fact]
    public async Task V02MultiStatement_ReadsTwoBalancedStatements()
    {
        var statements = await SampleFiles.ReadAsync("genkgo-camt053v02-multi-statement.xml");

        Assert.Equal(2, statements.Count);
        var first = statements[0];
        Assert.Equal("camt.053.001.02", first.Header.FormatVersion);
        Assert.Equal("253EURNL26VAYB8060476890", first.Header.StatementId);
        Assert.Equal(12312, first.Header.ElectronicSequenceNumber);
        Assert.Equal(12312, first.Header.SequenceNumber);
        Assert.True(first.Header.IsDuplicate);
        Assert.Equal("CODU", first.Header.DuplicateIndicator);
        Assert.Equal("NL26VAYB8060476890", first.Header.AccountIban?.Value);
        Assert.Equal("EUR", first.Header.Currency);
        Assert.Equal(18.15m, first.Header.OpeningBalance!.Amount);
        Assert.Equal(27.00m, first.Summary.ClosingBalance!.Amount);
        Assert.Equal(1, first.Summary.TransactionCount);
        Assert.Equal(8.85m, first.Summary.CreditTotal);
        Assert.Equal(0m, first.Summary.DebitTotal);

        var second = statements[1];
        Assert.Equal(1, second.Header.StatementIndex);
        Assert.False(second.Header.IsDuplicate);
        Assert.Equal(27.00m, second.Header.OpeningBalance!.Amount);
        Assert.Equal(20.00m, second.Summary.ClosingBalance!.Amount);
        Assert.Equal(7.00m, second.Summary.DebitTotal);
        Assert.Equal("camt053|NL26VAYB8060476890|EUR|id:254EURNL26VAYB8060476890", second.Summary.Key.Value);
        Assert.Equal("camt053|NL26VAYB8060476890|EUR|2014|12312", first.Summary.Key.Value);
    }

    [Fact]
    public async Task V02MultiStatement_TransactionFields()
    {
        var statements = await SampleFiles.ReadAsync("genkgo-camt053v02-multi-statement.xml");

        var credit = Assert.Single(statements[0].Transactions);
        Assert.Equal(8.85m, credit.Amount);
        Assert.Equal(new DateOnly(2014, 12, 31), credit.BookingDate);
        Assert.Equal(new DateOnly(2015, 1, 2), credit.ValueDate);
        Assert.Equal("000000001", credit.EndToEndId);
        Assert.Equal("Transaction Description 1", credit.FreeCommunication);
        Assert.Equal("544", credit.TransactionCode?.Proprietary);
        Assert.Null(credit.CounterpartyName); // a credit's counterparty is the debtor, which is absent here

        var debit = Assert.Single(statements[1].Transactions);
        Assert.Equal(-7.00m, debit.Amount);
        Assert.Equal("Company Name 2", debit.CounterpartyName);
        Assert.Equal("NL56AGDH9619008421", debit.CounterpartyIban?.Value);
    }

    [Theory]
    [InlineData("genkgo-camt053v04.xml", "camt.053.001.04")]
    [InlineData("genkgo-camt053v08.xml", "camt.053.001.08")]
    public async Task V04AndV08_ReadTheSameContent(string name, string version)
    {
        var statements = await SampleFiles.ReadAsync(name, StatementValidation.Lenient);

        var statement = Assert.Single(statements);
        Assert.Equal(version, statement.Header.FormatVersion);
        Assert.Equal("NL26VAYB8060476890", statement.Header.AccountId); // Acct/Id/Othr/Id
        Assert.Equal("EUR", statement.Header.Currency); // no Acct/Ccy: taken from the opening balance
        Assert.Equal("FINPETROL", statement.Header.AccountHolderName);
        var entry = Assert.Single(statement.Transactions);
        Assert.Equal(8.85m, entry.Amount); // the single TxDtls/Amt of 0 SEK is not the booked amount
        Assert.Equal("EUR", entry.Currency);
        Assert.Equal(new DateOnly(2014, 12, 31), entry.BookingDate);
        Assert.Equal("NAME NAME", entry.CounterpartyName); // v04 Dbtr/Nm, v08 Dbtr/Pty/Nm
        Assert.Equal("NL56AGDH9619008421", entry.CounterpartyIban?.Value);
        Assert.Equal("AAAASESS-FP-CN_98765/01", entry.BankReference);
        Assert.Equal("4654654654654654", entry.StructuredReference);
        Assert.Equal("SCOR/BBA", entry.StructuredReferenceType);
        Assert.Null(entry.StructuredCommunication); // 16 digits: not a Belgian structured communication
        Assert.Equal(18.15m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(-27.00m, statement.Summary.ClosingBalance!.Amount);
    }

    [Theory]
    [InlineData("genkgo-camt053v04.xml")]
    [InlineData("genkgo-camt053v08.xml")]
    public async Task V04AndV08_ClosingBalanceInSek_FailsStrict(string name)
    {
        // CLBD is 27.00 DBIT in SEK on an EUR account; 18.15 + 8.85 would give 27.00 CRDT.
        var error = await SampleFiles.ReadFailingAsync(name);
        var statements = await SampleFiles.ReadAsync(name, StatementValidation.Lenient);

        Assert.Equal(StatementErrorCodes.CamtCurrencyMismatch, error.Code);
        Assert.Equal("SEK", error.OffendingValue);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Bal/Amt", error.ElementPath);
        Assert.Equal(
            [StatementErrorCodes.CamtCurrencyMismatch, StatementErrorCodes.CamtBalanceMismatch],
            statements[0].Summary.Warnings.Select(warning => warning.Code));
    }

    [Fact]
    public async Task V08_EntryDateTimeAndIsoCode()
    {
        var statements = await SampleFiles.ReadAsync("genkgo-camt053v08.xml", StatementValidation.Lenient);

        var entry = statements[0].Transactions[0];
        Assert.Equal(new DateOnly(2014, 12, 31), entry.BookingDate); // BookgDt/DtTm 2014-12-31T13:15:00+01:00
        Assert.Equal("PMNT", entry.TransactionCode?.Domain);
        Assert.Equal("RCDT", entry.TransactionCode?.Family);
        Assert.Equal("BOOK", entry.TransactionCode?.SubFamily);
        Assert.Equal("MUELL/FINP/RA12345", entry.EndToEndId);
    }

    [Fact]
    public async Task AbnAmroStyle_BatchOfReturnedDirectDebits()
    {
        var statements = await SampleFiles.ReadAsync("oca-camt053v02-nl-abnamro-style.xml", StatementValidation.Lenient);

        var statement = Assert.Single(statements);
        Assert.Equal(3, statement.Transactions.Count);
        Assert.Equal(1405.31m, statement.Summary.CreditTotal);
        Assert.Equal(1418.30m, statement.Summary.DebitTotal);
        Assert.Equal(15568.27m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(15121.12m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal("ABNANL2A", statement.Header.BankBic?.Value);
        Assert.Equal(2, statement.Header.SequenceNumber);
        Assert.Null(statement.Header.ElectronicSequenceNumber);

        var insurance = statement.Transactions[0];
        Assert.Equal(-754.25m, insurance.Amount);
        Assert.Equal("INSURANCE COMPANY TESTX", insurance.CounterpartyName);
        Assert.Equal("Insurance policy 857239PERIOD 01.01.2014 - 31.12.2014", insurance.FreeCommunication);
        Assert.Equal("435005714488-ABNO33052620", insurance.EndToEndId);

        var batch = statement.Transactions[1];
        Assert.Equal(-664.05m, batch.Amount);
        Assert.True(batch.IsReversal);
        Assert.Equal(Globalisation.Batch, batch.Globalisation);
        Assert.Equal([-564.05m, -100.00m], batch.Details.Select(detail => detail.Amount)); // v02 AmtDtls/TxAmt/Amt
        Assert.All(batch.Details, detail => Assert.Equal("AC06", detail.ReturnReason));
        Assert.All(batch.Details, detail => Assert.Equal("Test Customer", detail.CounterpartyName));
        Assert.Equal(batch.Details, batch.MatchingUnits);

        Assert.Equal("3rd party Media", statement.Transactions[2].CounterpartyName);
        Assert.Equal("NL69ABNA0522123643", statement.Transactions[2].CounterpartyIban?.Value);
    }

    [Fact]
    public async Task AbnAmroStyle_UnbalancedStatement_FailsStrict()
    {
        // 15568.27 - 754.25 - 664.05 + 1405.31 = 15555.28, but CLBD is 15121.12.
        var error = await SampleFiles.ReadFailingAsync("oca-camt053v02-nl-abnamro-style.xml");

        Assert.Equal(StatementErrorCodes.CamtBalanceMismatch, error.Code);
        Assert.Equal("15121.12", error.OffendingValue);
        Assert.Equal("Document/BkToCstmrStmt/Stmt[1]/Bal", error.ElementPath);
        Assert.NotNull(error.LineNumber);
    }

    [Fact]
    public async Task SwissBatch_TwoTransactionDetails()
    {
        var statements = await SampleFiles.ReadAsync("oca-camt053v04-ch-batch-txdtls.xml");

        var statement = Assert.Single(statements);
        Assert.Equal("CHF", statement.Header.Currency);
        Assert.Equal("Open Net S. à r.l. Prilly", statement.Header.AccountHolderName);
        Assert.Equal(75960.15m, statement.Header.OpeningBalance!.Amount);
        Assert.Equal(79443.15m, statement.Summary.ClosingBalance!.Amount);
        Assert.Equal(3483.00m, statement.Summary.CreditTotal);
        Assert.Equal("camt053|CH1111000000123456789|CHF|2017|58", statement.Summary.Key.Value);
        Assert.Empty(statement.Summary.Warnings);

        var batch = Assert.Single(statement.Transactions);
        Assert.Equal(Globalisation.Batch, batch.Globalisation);
        Assert.Equal([2187.00m, 1296.00m], batch.Details.Select(detail => detail.Amount));
        Assert.Equal(["302388292000011111111111111", "302388292000022222222222222"], batch.Details.Select(detail => detail.StructuredReference));
        Assert.Equal("ISR Reference", batch.Details[0].StructuredReferenceType);
        Assert.Equal("Banque Cantonale Vaudoise", batch.Details[0].CounterpartyName);
        Assert.Equal("POFICHBEXXX", batch.Details[0].CounterpartyBic?.Value);
        Assert.StartsWith("CRÉDIT GROUPÉ BVR", batch.AdditionalInformation);
    }
}
