using System.Runtime.CompilerServices;
using System.Text;

namespace Bilansoft.Formats.Banking.Coda;

/// <summary>
/// Reads Febelfin CODA 2.x files line by line. A file contains one or more logical files, each with
/// a header (record 0), one statement (records 1, 2.x, 3.x, 8, 4) and a trailer (record 9).
/// </summary>
internal sealed class CodaStatementReader(StatementReaderOptions options)
{
    /// <summary>
    /// Febelfin does not name an encoding; Belgian banks and the common importers use Windows-1252,
    /// so it is chosen explicitly instead of guessed.
    /// </summary>
    internal static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Code page 1252 is not available.");

    /// <summary>Shortest record 9 accepted at the end of a file: positions 1–52 hold every field that is checked.</summary>
    private const int MinimumTrailerLength = 52;

    public async IAsyncEnumerable<StatementElement> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Windows1252, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        using var parser = new CodaParser(options);

        var lineNumber = 0;
        var (current, currentNumber) = await ReadRecordLineAsync(reader, lineNumber, cancellationToken);
        lineNumber = currentNumber;
        if (current is not null && current.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal))
        {
            // A UTF-8 byte order mark read as Windows-1252.
            current = current[3..];
        }

        while (current is not null)
        {
            var (following, followingNumber) = await ReadRecordLineAsync(reader, lineNumber, cancellationToken);
            lineNumber = followingNumber;

            var record = Normalise(current, currentNumber, isLast: following is null, parser);
            if (parser.Process(record) is { } element)
            {
                yield return element;
            }

            (current, currentNumber) = (following, followingNumber);
        }

        parser.Finish(lineNumber);
    }

    /// <summary>Reads the next line that is not blank, so a trailing empty line or end-of-file mark is ignored.</summary>
    private static async Task<(string? Line, int LineNumber)> ReadRecordLineAsync(StreamReader reader, int lineNumber, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line) && line != "\u001A")
            {
                return (line, lineNumber);
            }
        }

        return (null, lineNumber);
    }

    private static CodaRecord Normalise(string line, int lineNumber, bool isLast, CodaParser parser)
    {
        if (line.Length > CodaRecord.Length && string.IsNullOrWhiteSpace(line.AsSpan(CodaRecord.Length).ToString()))
        {
            line = line[..CodaRecord.Length];
        }

        if (line.Length == CodaRecord.Length)
        {
            return new CodaRecord(line, lineNumber);
        }

        // Some tools cut the blanks off the end of the final trailer. Every field the trailer
        // check needs is in positions 1–52, so such a record is read with the blanks put back.
        // Its multiple-file code (position 128) is then unknown, which is harmless at the end.
        if (isLast && line[0] == '9' && line.Length is >= MinimumTrailerLength and < CodaRecord.Length)
        {
            parser.Warn(new StatementIssue(
                StatementErrorCodes.CodaTruncatedTrailer,
                $"The trailer record 9 is {line.Length} characters long instead of 128; the missing positions are read as blanks.",
                lineNumber,
                line.Length + 1,
                Value: line.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new CodaRecord(line.PadRight(CodaRecord.Length), lineNumber);
        }

        throw new StatementFormatException(new StatementIssue(
            StatementErrorCodes.CodaRecordLength,
            $"A CODA record must be 128 characters long, but this one has {line.Length}.",
            lineNumber,
            Value: line.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
