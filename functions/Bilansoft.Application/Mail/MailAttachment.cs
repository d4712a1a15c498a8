namespace Bilansoft.Application.Mail;

/// <summary>A file attached to an e-mail, such as an invoice PDF or its UBL file.</summary>
public sealed record MailAttachment
{
    /// <summary>Creates an attachment after checking its name and media type.</summary>
    /// <param name="fileName">The file name the recipient sees, without folders (<c>invoice-2026-0042.pdf</c>).</param>
    /// <param name="contentType">The media type, such as <c>application/pdf</c>.</param>
    /// <param name="content">The file's bytes.</param>
    /// <exception cref="ArgumentException">The file name is empty or contains a path separator or control character, or the media type is not <c>type/subtype</c>.</exception>
    public MailAttachment(string fileName, string contentType, ReadOnlyMemory<byte> content)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Any(char.IsControl))
        {
            throw new ArgumentException($"The attachment file name '{fileName}' is invalid; use a name without folders or control characters.", nameof(fileName));
        }

        var slash = contentType?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (contentType is null || slash <= 0 || slash == contentType.Length - 1 || contentType.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"The attachment media type '{contentType}' is invalid; use type/subtype such as application/pdf.", nameof(contentType));
        }

        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string FileName { get; }

    public string ContentType { get; }

    public ReadOnlyMemory<byte> Content { get; }
}
