using System.Text;

namespace Bilansoft.Formats.Banking;

/// <summary>Recognises a statement format from the first bytes of a file.</summary>
public static class StatementFormatDetector
{
    /// <summary>Number of bytes <see cref="BankStatementReader"/> reads ahead for detection.</summary>
    public const int HeadLength = 4096;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianByteOrderMark => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianByteOrderMark => [0xFE, 0xFF];

    /// <summary>
    /// Recognises CODA by its header record (<c>0</c>, four zeros, then a DDMMYY creation date) and
    /// camt.053 by an XML start whose first bytes name <c>camt.053</c> or <c>BkToCstmrStmt</c>.
    /// A UTF-8 byte order mark and leading white space are skipped.
    /// </summary>
    /// <param name="head">The first bytes of the file; <see cref="HeadLength"/> bytes are enough.</param>
    public static StatementFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8ByteOrderMark))
        {
            head = head[3..];
        }

        if (head.StartsWith(Utf16LittleEndianByteOrderMark) || head.StartsWith(Utf16BigEndianByteOrderMark))
        {
            var text = (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(head[2..]);
            return DetectXml(Encoding.UTF8.GetBytes(text));
        }

        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        head = head[start..];
        if (IsCodaHeader(head))
        {
            return StatementFormat.Coda;
        }

        return head.StartsWith("<"u8) ? DetectXml(head) : StatementFormat.Unknown;
    }

    private static bool IsCodaHeader(ReadOnlySpan<byte> head)
    {
        if (head.Length < 11 || !head.StartsWith("00000"u8))
        {
            return false;
        }

        foreach (var b in head[5..11])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static StatementFormat DetectXml(ReadOnlySpan<byte> head) =>
        head.IndexOf("camt.053"u8) >= 0 || head.IndexOf("BkToCstmrStmt"u8) >= 0
            ? StatementFormat.Camt053
            : StatementFormat.Unknown;
}
