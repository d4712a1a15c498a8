namespace Bilansoft.Application.Mail;

/// <summary>Checks for texts that end up in mail headers.</summary>
internal static class MailText
{
    /// <summary>
    /// Rejects control characters, because a line break in a header value would let the text start
    /// a header of its own.
    /// </summary>
    public static void EnsureSingleLine(string? value, string parameterName)
    {
        if (value is not null && value.Any(char.IsControl))
        {
            throw new ArgumentException("The value contains a line break or another control character, which mail headers do not allow.", parameterName);
        }
    }
}
