namespace Bilansoft.Formats.Documents.Ubl;

/// <summary>
/// A file embedded in the UBL document as an additional supporting document (BG-24), typically the
/// PDF rendering of the invoice.
/// </summary>
/// <param name="FileName">File name (BT-125 attribute <c>filename</c>), for example <c>2026-0001.pdf</c>.</param>
/// <param name="Content">File bytes, written base64-encoded (BT-125).</param>
/// <param name="MimeCode">MIME type (BT-125 attribute <c>mimeCode</c>); Peppol allows PDF, PNG, JPEG, CSV, XLSX and ODS.</param>
public sealed record UblAttachment(string FileName, ReadOnlyMemory<byte> Content, string MimeCode = "application/pdf")
{
    /// <summary>Supporting document description (BT-123).</summary>
    public string? Description { get; init; }
}
