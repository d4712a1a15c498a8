namespace Bilansoft.Application.Organisations;

/// <summary>
/// Recognises PNG and JPEG images by their signature bytes, so the stored content type follows the
/// file itself and not what the client claims.
/// </summary>
public static class ImageSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary><c>image/png</c>, <c>image/jpeg</c>, or null for anything else.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngSignature) && content.Length > 32)
        {
            return "image/png";
        }

        if (content.StartsWith(JpegSignature) && content.Length > 16 && content[^2] == 0xFF && content[^1] == 0xD9)
        {
            return "image/jpeg";
        }

        return null;
    }
}
