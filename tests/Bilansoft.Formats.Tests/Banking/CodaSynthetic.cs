namespace Bilansoft.Formats.Tests.Banking;

/// <summary>
/// Builds a synthetic CODA statement of one incoming SEPA transfer, field by field at the positions
/// of the Febelfin layout. Account BE68 5390 0754 7034 goes from 10 000.000 to 11 234.500 by a
/// credit of 1 234.500 from KLANT NV (BE94 7350 0123 4514) on 05-01-2026 with
/// +++123/4567/89002+++.
/// </summary>
internal static class CodaSynthetic
{
    public static string Header => Line(
        (1, "0"), (2, "0000"), (6, "050126"), (12, "000"), (15, "05"), (25, "0000000001"),
        (35, "BILANSOFT DEMO BV"), (61, "GKCCBEBB"), (72, "00123456749"), (84, "00000"), (128, "2"));

    public static string OldBalance => Line(
        (1, "1"), (2, "2"), (3, "001"), (6, "BE68539007547034"), (40, "EUR"), (43, "0"), (44, "000000010000000"),
        (59, "020126"), (65, "BILANSOFT DEMO BV"), (91, "ZICHTREKENING"), (126, "001"));

    public static string Movement => Line(
        (1, "21"), (3, "0001"), (7, "0000"), (11, "EBANKREF0000000000001"), (32, "0"), (33, "000000001234500"),
        (48, "050126"), (54, "00150000"), (62, "1"), (63, "101"), (66, "123456789002"), (116, "050126"),
        (122, "001"), (125, "0"), (126, "1"), (128, "0"));

    public static string MovementPart2 => Line(
        (1, "22"), (3, "0001"), (7, "0000"), (64, "E2E-INV-2026-0007"), (99, "GEBABEBB"), (126, "1"), (128, "0"));

    public static string MovementPart3 => Line(
        (1, "23"), (3, "0001"), (7, "0000"), (11, "BE94735001234514"), (45, "EUR"), (48, "KLANT NV"), (126, "0"), (128, "0"));

    public static string NewBalance => Line(
        (1, "8"), (2, "001"), (5, "BE68539007547034"), (39, "EUR"), (42, "0"), (43, "000000011234500"), (58, "050126"), (128, "0"));

    public static string Trailer => Line(
        (1, "9"), (17, "000005"), (23, "000000000000000"), (38, "000000001234500"), (128, "2"));

    public static string[] Lines => [Header, OldBalance, Movement, MovementPart2, MovementPart3, NewBalance, Trailer];

    /// <summary>The whole file with the given line end, and a final line end unless <paramref name="finalNewline"/> is false.</summary>
    public static string File(string lineEnd = "\n", bool finalNewline = true, string[]? lines = null) =>
        string.Join(lineEnd, lines ?? Lines) + (finalNewline ? lineEnd : string.Empty);

    /// <summary>Returns the lines with one of them replaced.</summary>
    public static string[] With(int index, string line)
    {
        var lines = Lines;
        lines[index] = line;
        return lines;
    }

    /// <summary>Builds a 128-character record from 1-based positions and texts, blanks elsewhere.</summary>
    public static string Line(params (int Position, string Text)[] fields)
    {
        var line = new string(' ', 128);
        foreach (var (position, text) in fields)
        {
            line = CodaText.Put(line, position, text);
        }

        return line;
    }
}
