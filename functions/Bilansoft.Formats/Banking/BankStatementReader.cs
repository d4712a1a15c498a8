using System.Runtime.CompilerServices;
using System.Text;
using Bilansoft.Formats.Banking.Camt;
using Bilansoft.Formats.Banking.Coda;

namespace Bilansoft.Formats.Banking;

/// <summary>
/// Reads CODA and camt.053 bank statements from a stream, one element at a time, so memory stays
/// flat whatever the file size.
/// </summary>
public static class BankStatementReader
{
    /// <summary>
    /// Recognises the format from the first bytes and yields, per statement, a
    /// <see cref="StatementHeader"/>, its booked <see cref="BankTransaction"/>s and a
    /// <see cref="StatementSummary"/>. The stream is read forward only and left open.
    /// </summary>
    /// <remarks>
    /// Elements come before the whole file has been checked: a statement's integrity is known only
    /// at its summary, and a later statement may still fail. Store elements provisionally and
    /// commit only when enumeration ends without an exception.
    /// </remarks>
    /// <exception cref="StatementFormatException">
    /// The file is empty, of an unknown format, broken, or fails an integrity check in strict mode.
    /// </exception>
    public static async IAsyncEnumerable<StatementElement> ReadAsync(
        Stream stream,
        StatementReaderOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= StatementReaderOptions.Default;

        var head = new byte[StatementFormatDetector.HeadLength];
        var headLength = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (headLength == 0)
        {
            throw new StatementFormatException(new StatementIssue(StatementErrorCodes.EmptyFile, "The file is empty."));
        }

        var format = StatementFormatDetector.Detect(head.AsSpan(0, headLength));
        var content = new HeadBufferedStream(head, headLength, stream);
        var elements = format switch
        {
            StatementFormat.Coda => new CodaStatementReader(options).ReadAsync(content, cancellationToken),
            StatementFormat.Camt053 => new Camt053StatementReader(options, head.AsMemory(0, headLength)).ReadAsync(content, cancellationToken),
            _ => throw new StatementFormatException(new StatementIssue(
                StatementErrorCodes.UnknownFormat,
                "The file is neither a CODA file (first record '00000' followed by a DDMMYY date) nor a camt.053 XML statement.",
                LineNumber: 1,
                Value: DescribeStart(head.AsSpan(0, headLength)))),
        };

        await foreach (var element in elements.WithCancellation(cancellationToken))
        {
            yield return element;
        }
    }

    /// <summary>
    /// Reads every statement of a file into memory. Meant for small files and tests; use
    /// <see cref="ReadAsync"/> for uploads of unknown size.
    /// </summary>
    /// <exception cref="StatementFormatException">As for <see cref="ReadAsync"/>.</exception>
    public static async Task<IReadOnlyList<BankStatement>> ReadAllAsync(
        Stream stream,
        StatementReaderOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var statements = new List<BankStatement>();
        StatementHeader? header = null;
        var transactions = new List<BankTransaction>();
        await foreach (var element in ReadAsync(stream, options, cancellationToken))
        {
            switch (element)
            {
                case StatementHeader started:
                    header = started;
                    transactions = [];
                    break;
                case BankTransaction transaction:
                    transactions.Add(transaction);
                    break;
                case StatementSummary summary when header is not null:
                    statements.Add(new BankStatement(header, transactions, summary));
                    header = null;
                    break;
            }
        }

        return statements;
    }

    private static string DescribeStart(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 16)]);
        return string.Concat(text.Select(c => char.IsControl(c) ? '.' : c));
    }
}
