using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Bilansoft.Formats.Documents.Pdf;

/// <summary>
/// Serves DejaVu Sans and DejaVu Sans Bold from this assembly's resources to PDFsharp, for every
/// family name asked, so rendering never reads the host's font folders. Italic is simulated.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>Family name the renderer requests.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string ResourcePrefix = "Bilansoft.Formats.Documents.Pdf.Fonts.";

    private static readonly Lock RegistrationLock = new();
    private static readonly EmbeddedFontResolver Instance = new();

    private readonly ConcurrentDictionary<string, byte[]> _fonts = new(StringComparer.Ordinal);

    private EmbeddedFontResolver()
    {
    }

    /// <summary>
    /// Installs the resolver as PDFsharp's process-wide font resolver, once. PDFsharp allows one
    /// resolver per process and no change after the first font is used.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another font resolver is already installed.</exception>
    public static void EnsureRegistered()
    {
        lock (RegistrationLock)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance))
            {
                return;
            }

            if (current is not null)
            {
                throw new InvalidOperationException($"PDFsharp already uses the font resolver {current.GetType().FullName}; the document renderer needs its embedded DejaVu fonts.");
            }

            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _fonts.GetOrAdd(faceName, Load);

    /// <summary>Reads a font file from the assembly's resources.</summary>
    internal static byte[] Load(string faceName)
    {
        var resource = ResourcePrefix + faceName + ".ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource '{resource}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
