using System.Globalization;
using System.Text;
using System.Xml;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Benchmarks.Banking;

/// <summary>
/// Writes large, valid CODA and camt.053 statements for benchmarks. Each file has one statement
/// with the requested number of booked transactions, each with a counterparty and an IBAN, and 70 %
/// with a structured communication. In CODA every 50th transaction is a batch of three details.
/// The same seed gives the same bytes.
/// </summary>
internal sealed class StatementFileGenerator(int seed)
{
    private static readonly string[] Names =
    [
        "KLANT NV", "BAKKERIJ PEETERS BV", "GARAGE JANSSENS", "IMMO DE SMET SRL", "CAFE DE HOEK", "DUPONT & FILS SA",
        "STUDIO MAES", "VAN DAMME LOGISTICS NV", "BOUWWERKEN CLAES BV", "PHARMACIE LAMBERT",
    ];

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Writes a CODA 2 file and returns its size in bytes.</summary>
    public long WriteCoda(string path, int transactionCount)
    {
        var random = new Random(seed);
        using var stream = File.Create(path);
        using var writer = new StreamWriter(stream, Windows1252, 1 << 16) { NewLine = "\r\n" };

        const decimal opening = 10_000m;
        writer.WriteLine(Line((1, "0"), (2, "0000"), (6, "050126"), (12, "000"), (15, "05"), (25, "0000000001"), (35, "BILANSOFT DEMO BV"), (61, "GKCCBEBB"), (72, "00123456749"), (84, "00000"), (128, "2")));
        writer.WriteLine(Line((1, "1"), (2, "2"), (3, "001"), (6, "BE68539007547034"), (40, "EUR"), (43, "0"), (44, Amount(opening)), (59, "040126"), (65, "BILANSOFT DEMO BV"), (126, "001")));

        var records = 1;
        decimal credits = 0, debits = 0;
        for (var i = 1; i <= transactionCount; i++)
        {
            var payment = NextPayment(random, i);
            var sequence = (i % 10_000).ToString("D4", CultureInfo.InvariantCulture);
            var isBatch = i % 50 == 0;
            var code = isBatch ? "10150000" : "00150000";
            records += WriteMovement(writer, sequence, "0000", payment, code, isBatch ? "1" : "0");
            if (isBatch)
            {
                // Three details that add up to the total, each with its own communication.
                var parts = Split(payment.Amount);
                for (var detail = 1; detail <= 3; detail++)
                {
                    var detailPayment = payment with { Amount = parts[detail - 1], Communication = StructuredCommunication.FromBase(seed + (i * 10L) + detail) };
                    records += WriteMovement(writer, sequence, detail.ToString("D4", CultureInfo.InvariantCulture), detailPayment, "50150000", "0");
                }
            }

            if (payment.Amount < 0)
            {
                debits -= payment.Amount;
            }
            else
            {
                credits += payment.Amount;
            }
        }

        var closing = opening + credits - debits;
        writer.WriteLine(Line((1, "8"), (2, "001"), (5, "BE68539007547034"), (39, "EUR"), (42, closing < 0 ? "1" : "0"), (43, Amount(closing)), (58, "050126"), (128, "0")));
        records++;
        writer.WriteLine(Line((1, "9"), (17, records.ToString("D6", CultureInfo.InvariantCulture)), (23, Amount(debits)), (38, Amount(credits)), (128, "2")));
        writer.Flush();
        return stream.Length;
    }

    /// <summary>Writes a camt.053.001.08 file and returns its size in bytes.</summary>
    public long WriteCamt(string path, int transactionCount)
    {
        var random = new Random(seed);
        var payments = Enumerable.Range(1, transactionCount).Select(i => NextPayment(random, i)).ToList();
        const decimal opening = 10_000m;
        var closing = opening + payments.Sum(payment => payment.Amount);

        using var stream = File.Create(path);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            const string ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", ns);
            xml.WriteStartElement("BkToCstmrStmt", ns);
            xml.WriteStartElement("GrpHdr", ns);
            xml.WriteElementString("MsgId", ns, "BENCH-1");
            xml.WriteElementString("CreDtTm", ns, "2026-01-05T18:00:00");
            xml.WriteEndElement();
            xml.WriteStartElement("Stmt", ns);
            xml.WriteElementString("Id", ns, "BENCH-STMT-1");
            xml.WriteElementString("ElctrncSeqNb", ns, "1");
            xml.WriteStartElement("Acct", ns);
            xml.WriteStartElement("Id", ns);
            xml.WriteElementString("IBAN", ns, "BE68539007547034");
            xml.WriteEndElement();
            xml.WriteElementString("Ccy", ns, "EUR");
            xml.WriteEndElement();
            WriteBalance(xml, ns, "OPBD", opening, "2026-01-04");
            WriteBalance(xml, ns, "CLBD", closing, "2026-01-05");
            for (var i = 0; i < payments.Count; i++)
            {
                WriteEntry(xml, ns, payments[i], i + 1);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.Length;
    }

    private static void WriteBalance(XmlWriter xml, string ns, string type, decimal amount, string date)
    {
        xml.WriteStartElement("Bal", ns);
        xml.WriteStartElement("Tp", ns);
        xml.WriteStartElement("CdOrPrtry", ns);
        xml.WriteElementString("Cd", ns, type);
        xml.WriteEndElement();
        xml.WriteEndElement();
        WriteAmount(xml, ns, "Amt", Math.Abs(amount));
        xml.WriteElementString("CdtDbtInd", ns, amount < 0 ? "DBIT" : "CRDT");
        xml.WriteStartElement("Dt", ns);
        xml.WriteElementString("Dt", ns, date);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteEntry(XmlWriter xml, string ns, GeneratedPayment payment, int index)
    {
        var isCredit = payment.Amount > 0;
        xml.WriteStartElement("Ntry", ns);
        WriteAmount(xml, ns, "Amt", Math.Abs(payment.Amount));
        xml.WriteElementString("CdtDbtInd", ns, isCredit ? "CRDT" : "DBIT");
        xml.WriteStartElement("Sts", ns);
        xml.WriteElementString("Cd", ns, "BOOK");
        xml.WriteEndElement();
        xml.WriteStartElement("BookgDt", ns);
        xml.WriteElementString("Dt", ns, "2026-01-05");
        xml.WriteEndElement();
        xml.WriteStartElement("ValDt", ns);
        xml.WriteElementString("Dt", ns, "2026-01-05");
        xml.WriteEndElement();
        xml.WriteElementString("AcctSvcrRef", ns, "REF" + index.ToString("D10", CultureInfo.InvariantCulture));
        xml.WriteStartElement("NtryDtls", ns);
        xml.WriteStartElement("TxDtls", ns);
        xml.WriteStartElement("Refs", ns);
        xml.WriteElementString("EndToEndId", ns, "E2E-" + index.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteStartElement("RltdPties", ns);
        var role = isCredit ? "Dbtr" : "Cdtr";
        xml.WriteStartElement(role, ns);
        xml.WriteStartElement("Pty", ns);
        xml.WriteElementString("Nm", ns, payment.Name);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement(role + "Acct", ns);
        xml.WriteStartElement("Id", ns);
        xml.WriteElementString("IBAN", ns, payment.Iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("RmtInf", ns);
        if (payment.Communication is { } communication)
        {
            xml.WriteStartElement("Strd", ns);
            xml.WriteStartElement("CdtrRefInf", ns);
            xml.WriteStartElement("Tp", ns);
            xml.WriteStartElement("CdOrPrtry", ns);
            xml.WriteElementString("Cd", ns, "SCOR");
            xml.WriteEndElement();
            xml.WriteElementString("Issr", ns, "BBA");
            xml.WriteEndElement();
            xml.WriteElementString("Ref", ns, communication.Digits);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("Ustrd", ns, payment.Text);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteAmount(XmlWriter xml, string ns, string name, decimal amount)
    {
        xml.WriteStartElement(name, ns);
        xml.WriteAttributeString("Ccy", "EUR");
        xml.WriteString(amount.ToString("0.00", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static int WriteMovement(StreamWriter writer, string sequence, string detail, GeneratedPayment payment, string code, string globalisation)
    {
        var communication = payment.Communication is { } structured
            ? (Type: "1", Text: "101" + structured.Digits)
            : (Type: "0", Text: payment.Text);
        writer.WriteLine(Line(
            (1, "21"), (3, sequence), (7, detail), (11, "BENCH" + sequence + detail), (32, payment.Amount < 0 ? "1" : "0"), (33, Amount(payment.Amount)),
            (48, "050126"), (54, code), (62, communication.Type), (63, Fit(communication.Text, 53)), (116, "050126"), (122, "001"), (125, globalisation), (126, "1"), (128, "0")));
        writer.WriteLine(Line((1, "22"), (3, sequence), (7, detail), (64, "E2E-" + sequence + detail), (99, "GEBABEBB"), (126, "1"), (128, "0")));
        writer.WriteLine(Line((1, "23"), (3, sequence), (7, detail), (11, payment.Iban), (45, "EUR"), (48, Fit(payment.Name, 35)), (126, "0"), (128, "0")));
        return 3;
    }

    private GeneratedPayment NextPayment(Random random, int index)
    {
        var amount = random.Next(100, 500_000) / 100m;
        if (random.Next(4) == 0)
        {
            amount = -amount;
        }

        var communication = random.Next(10) < 7 ? StructuredCommunication.FromBase(seed + (index * 10L)) : (StructuredCommunication?)null;
        var name = Names[random.Next(Names.Length)];
        var text = string.Create(CultureInfo.InvariantCulture, $"FACTUUR 2026-{index:D6} {name}");
        return new GeneratedPayment(amount, communication, text, name, BelgianIban(random));
    }

    private static decimal[] Split(decimal total)
    {
        var first = decimal.Round(total / 3m, 2);
        return [first, first, total - (2 * first)];
    }

    /// <summary>Returns a valid Belgian IBAN with a random BBAN.</summary>
    internal static string BelgianIban(Random random)
    {
        var body = random.NextInt64(1_000_000_000L, 9_999_999_999L);
        var national = body % 97 == 0 ? 97 : body % 97;
        var bban = string.Create(CultureInfo.InvariantCulture, $"{body:D10}{national:D2}");
        var check = 98 - (int)(ulong.Parse(bban + "111400", CultureInfo.InvariantCulture) % 97);
        return string.Create(CultureInfo.InvariantCulture, $"BE{check:D2}{bban}");
    }

    private static string Amount(decimal amount) =>
        ((long)(Math.Abs(amount) * 1000m)).ToString("D15", CultureInfo.InvariantCulture);

    private static string Fit(string text, int length) => text.Length > length ? text[..length] : text;

    private static string Line(params (int Position, string Text)[] fields)
    {
        var line = new char[128];
        Array.Fill(line, ' ');
        foreach (var (position, text) in fields)
        {
            text.CopyTo(0, line, position - 1, text.Length);
        }

        return new string(line);
    }
}

/// <summary>One generated payment.</summary>
internal sealed record GeneratedPayment(decimal Amount, StructuredCommunication? Communication, string Text, string Name, string Iban);
