using System.Globalization;
using System.Xml.Linq;

namespace Bilansoft.Formats.Banking.Camt;

/// <summary>Readers for camt.053 amounts, indicators and dates that report bad values with their place.</summary>
internal static class CamtValues
{
    /// <summary>Reads an unsigned amount with its <c>Ccy</c> attribute.</summary>
    public static (decimal Amount, string? Currency) ReadAmount(XElement amount, XElement root, string rootPath)
    {
        var text = amount.Value.Trim();
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(StatementErrorCodes.CamtInvalidAmount, $"The amount '{text}' is not a non-negative decimal number.", amount, root, rootPath, text);
        }

        return (value, amount.Attribute("Ccy")?.Value.Trim());
    }

    /// <summary>Reads <c>CdtDbtInd</c>: true for a credit (<c>CRDT</c>), false for a debit (<c>DBIT</c>).</summary>
    public static bool ReadIsCredit(XElement indicator, XElement root, string rootPath)
    {
        var text = indicator.Value.Trim();
        return text switch
        {
            "CRDT" => true,
            "DBIT" => false,
            _ => throw Error(StatementErrorCodes.CamtInvalidCode, $"CdtDbtInd must be CRDT or DBIT, not '{text}'.", indicator, root, rootPath, text),
        };
    }

    /// <summary>
    /// Reads a <c>DateAndDateTimeChoice</c> (<c>Dt</c> or <c>DtTm</c>) as the calendar date the
    /// bank wrote, ignoring any time zone offset.
    /// </summary>
    public static DateOnly? ReadDateChoice(XElement? choice, XElement root, string rootPath)
    {
        if (choice is null)
        {
            return null;
        }

        if (choice.Child("Dt") is { } date)
        {
            return ReadDate(date, root, rootPath);
        }

        return ReadDateTime(choice.Child("DtTm"), root, rootPath);
    }

    public static DateOnly? ReadDate(XElement date, XElement root, string rootPath)
    {
        var text = date.Value.Trim();
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw Error(StatementErrorCodes.CamtInvalidDate, $"The date '{text}' is not an ISO 8601 date (yyyy-MM-dd).", date, root, rootPath, text);
        }

        return value;
    }

    public static DateOnly? ReadDateTime(XElement? dateTime, XElement root, string rootPath)
    {
        if (dateTime is null)
        {
            return null;
        }

        var text = dateTime.Value.Trim();
        if (text.Length < 10 || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            throw Error(StatementErrorCodes.CamtInvalidDate, $"The date-time '{text}' is not an ISO 8601 date-time.", dateTime, root, rootPath, text);
        }

        return value;
    }

    public static StatementFormatException Error(string code, string message, XElement at, XElement root, string rootPath, string? value = null) =>
        new(new StatementIssue(code, message, at.Line(), at.Column(), at.PathFrom(root, rootPath), value));

    public static StatementFormatException Missing(string name, XElement parent, XElement root, string rootPath) =>
        new(new StatementIssue(
            StatementErrorCodes.CamtMissingElement,
            $"The required element '{name}' is missing.",
            parent.Line(),
            parent.Column(),
            parent.PathFrom(root, rootPath) + "/" + name));
}
