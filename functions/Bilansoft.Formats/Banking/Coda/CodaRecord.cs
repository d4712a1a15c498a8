using System.Globalization;

namespace Bilansoft.Formats.Banking.Coda;

/// <summary>
/// One 128-character CODA record with field readers that take 1-based, inclusive positions as
/// the Febelfin record layouts give them, and report bad values with their line and position.
/// </summary>
internal readonly struct CodaRecord(string text, int lineNumber)
{
    public const int Length = 128;

    public string Text { get; } = text;

    public int LineNumber { get; } = lineNumber;

    /// <summary>Record type: <c>0</c>, <c>1</c>, <c>4</c>, <c>8</c>, <c>9</c>, or two digits such as <c>21</c> or <c>32</c>.</summary>
    public string Type => Text[0] is '2' or '3' ? Text[..2] : Text[..1];

    public char Char(int position) => Text[position - 1];

    public ReadOnlySpan<char> Span(int from, int to) => Text.AsSpan(from - 1, to - from + 1);

    public string Raw(int from, int to) => Text.Substring(from - 1, to - from + 1);

    /// <summary>Returns the field without surrounding blanks, or null when it is blank.</summary>
    public string? Trimmed(int from, int to)
    {
        var value = Span(from, to).Trim();
        return value.IsEmpty ? null : value.ToString();
    }

    public long Number(int from, int to, string field)
    {
        var digits = Span(from, to);
        long value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                throw Error(StatementErrorCodes.CodaInvalidNumber, $"The {field} (positions {from}-{to}) must contain only digits.", from, digits.ToString());
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Reads an amount of 12 integer and 3 decimal digits with the sign digit before it (0 credit, 1 debit).</summary>
    public decimal SignedAmount(int signPosition, string field)
    {
        var sign = Char(signPosition);
        if (sign is not ('0' or '1'))
        {
            throw Error(StatementErrorCodes.CodaInvalidField, $"The sign of the {field} (position {signPosition}) must be 0 (credit) or 1 (debit).", signPosition, sign.ToString());
        }

        var amount = Number(signPosition + 1, signPosition + 15, field) / 1000m;
        return sign == '1' ? -amount : amount;
    }

    /// <summary>Reads a DDMMYY date; <c>000000</c> means unknown and gives null.</summary>
    public DateOnly? Date(int from, string field)
    {
        var text = Span(from, from + 5);
        if (text.SequenceEqual("000000"))
        {
            return null;
        }

        // NOTE: two-digit years are read as 20YY; CODA 2 files exist only from the 2000s on.
        if (!DateOnly.TryParseExact(text, "ddMMyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            !int.TryParse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw Error(StatementErrorCodes.CodaInvalidDate, $"The {field} (positions {from}-{from + 5}) is not a valid DDMMYY date.", from, text.ToString());
        }

        return new DateOnly(2000 + year, date.Month, date.Day);
    }

    /// <summary>Reads a code of one character that must be 0 or 1 (next code, link code).</summary>
    public bool Flag(int position, string field)
    {
        var value = Char(position);
        return value switch
        {
            '1' => true,
            '0' or ' ' => false,
            _ => throw Error(StatementErrorCodes.CodaInvalidField, $"The {field} (position {position}) must be 0 or 1.", position, value.ToString()),
        };
    }

    public StatementFormatException Error(string code, string message, int? position = null, string? value = null) =>
        new(new StatementIssue(code, message, LineNumber, position, Value: value));
}
