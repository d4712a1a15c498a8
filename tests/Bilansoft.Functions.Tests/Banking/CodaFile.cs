using System.Globalization;
using System.Text;

namespace Bilansoft.Functions.Tests.Banking;

/// <summary>One movement of a synthetic CODA statement.</summary>
/// <param name="Amount">Signed amount: positive credit, negative debit.</param>
/// <param name="StructuredCommunication">12 digits sent as structured communication (type 101), or null.</param>
/// <param name="FreeText">Free communication of at most 53 characters, used when there is no structured one.</param>
/// <param name="CounterpartyName">Name in record 2.3.</param>
/// <param name="CounterpartyIban">IBAN in record 2.3.</param>
/// <param name="EndToEndId">SEPA end-to-end id in record 2.2, or null for none.</param>
public sealed record CodaMovement(
    decimal Amount,
    string? StructuredCommunication = null,
    string? FreeText = null,
    string CounterpartyName = "KLANT NV",
    string CounterpartyIban = "BE94735001234514",
    string? EndToEndId = null);

/// <summary>
/// Builds CODA 2 statements field by field at the positions of the Febelfin record layout, with
/// balances and trailer totals that add up, so tests control every value the parse and match
/// steps read.
/// </summary>
public static class CodaFile
{
    /// <summary>The account of the organisations that <c>ApiSession.CreateOrganisationAsync</c> creates.</summary>
    public const string OrganisationIban = "BE68539007547034";

    /// <summary>Returns the lines of one statement, from header to trailer.</summary>
    public static List<string> Lines(
        int sequence,
        DateOnly date,
        decimal openingBalance,
        IReadOnlyList<CodaMovement> movements,
        string iban = OrganisationIban)
    {
        var lines = new List<string>
        {
            Record((1, "0"), (2, "0000"), (6, Date(date)), (12, "000"), (15, "05"), (25, "0000000001"), (35, "BILANSOFT TEST BV"), (61, "GKCCBEBB"), (72, "00123456749"), (84, "00000"), (128, "2")),
            Record((1, "1"), (2, "2"), (3, Digits(sequence, 3)), (6, iban), (40, "EUR"), (43, Sign(openingBalance)), (44, Amount(openingBalance)),
                (59, Date(date.AddDays(-1))), (65, "BILANSOFT TEST BV"), (91, "ZICHTREKENING"), (126, Digits(sequence, 3))),
        };

        var number = 0;
        foreach (var movement in movements)
        {
            number++;
            var seq = Digits(number, 4);
            var communication = movement.StructuredCommunication is { } digits
                ? new[] { (62, "1"), (63, "101"), (66, digits) }
                : new[] { (62, "0"), (63, movement.FreeText ?? string.Empty) };
            lines.Add(Record(
                [(1, "21"), (3, seq), (7, "0000"), (11, "REF" + Digits(number, 18)), (32, Sign(movement.Amount)), (33, Amount(movement.Amount)),
                (48, Date(date)), (54, "00150000"), .. communication, (116, Date(date)), (122, Digits(sequence, 3)), (125, "0"), (126, "1"), (128, "0")]));
            lines.Add(Record((1, "22"), (3, seq), (7, "0000"), (64, movement.EndToEndId ?? string.Empty), (99, "GEBABEBB"), (126, "1"), (128, "0")));
            lines.Add(Record((1, "23"), (3, seq), (7, "0000"), (11, movement.CounterpartyIban), (45, "EUR"), (48, movement.CounterpartyName), (126, "0"), (128, "0")));
        }

        var closing = openingBalance + movements.Sum(movement => movement.Amount);
        var debits = -movements.Where(movement => movement.Amount < 0).Sum(movement => movement.Amount);
        var credits = movements.Where(movement => movement.Amount > 0).Sum(movement => movement.Amount);
        lines.Add(Record((1, "8"), (2, Digits(sequence, 3)), (5, iban), (39, "EUR"), (42, Sign(closing)), (43, Amount(closing)), (58, Date(date)), (128, "0")));
        lines.Add(Record((1, "9"), (17, Digits(2 + (3 * movements.Count), 6)), (23, Amount(debits)), (38, Amount(credits)), (128, "2")));
        return lines;
    }

    /// <summary>Returns one statement as file bytes with CRLF line ends.</summary>
    public static byte[] Build(int sequence, DateOnly date, decimal openingBalance, IReadOnlyList<CodaMovement> movements, string iban = OrganisationIban) =>
        Bytes(Lines(sequence, date, openingBalance, movements, iban));

    /// <summary>Joins lines into file bytes (Windows-1252 is ASCII for these lines) with CRLF line ends.</summary>
    public static byte[] Bytes(IEnumerable<string> lines) => Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static string Record(params (int Position, string Text)[] fields)
    {
        var line = new StringBuilder(new string(' ', 128));
        foreach (var (position, text) in fields)
        {
            for (var i = 0; i < text.Length && position - 1 + i < 128; i++)
            {
                line[position - 1 + i] = text[i];
            }
        }

        return line.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("ddMMyy", CultureInfo.InvariantCulture);

    private static string Digits(long value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static string Sign(decimal amount) => amount < 0 ? "1" : "0";

    private static string Amount(decimal amount) => Digits((long)decimal.Round(Math.Abs(amount) * 1000m), 15);
}
