using System.Text;
using QRCoder;

namespace Bilansoft.Formats.Documents.Payments;

/// <summary>
/// The modules of a QR code symbol without its quiet zone: <c>true</c> is a dark module. Row 0 is
/// the top row and column 0 the left column.
/// </summary>
public sealed class QrModuleMatrix
{
    private readonly bool[,] _modules;

    internal QrModuleMatrix(bool[,] modules) => _modules = modules;

    /// <summary>Number of modules per side (21 for version 1, +4 per version).</summary>
    public int Size => _modules.GetLength(0);

    /// <summary>Width of the light border a reader needs around the symbol, in modules.</summary>
    public static int QuietZone => 4;

    /// <summary>Whether the module at <paramref name="row"/>, <paramref name="column"/> is dark.</summary>
    public bool IsDark(int row, int column) => _modules[row, column];
}

/// <summary>Encodes an EPC payload as a QR code symbol with error correction level M, as EPC069-12 requires.</summary>
public static class EpcQrCode
{
    /// <summary>
    /// Encodes the UTF-8 bytes of <paramref name="payload"/> in byte mode, without an ECI header,
    /// because the payload's third line already declares the character set.
    /// </summary>
    public static QrModuleMatrix CreateMatrix(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Encoding.UTF8.GetBytes(payload), QRCodeGenerator.ECCLevel.M);

        // QRCoder surrounds the symbol with a 4-module quiet zone; keep the symbol only.
        var withQuietZone = data.ModuleMatrix;
        var size = withQuietZone.Count - (2 * QrModuleMatrix.QuietZone);
        var modules = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            var bits = withQuietZone[row + QrModuleMatrix.QuietZone];
            for (var column = 0; column < size; column++)
            {
                modules[row, column] = bits[column + QrModuleMatrix.QuietZone];
            }
        }

        return new QrModuleMatrix(modules);
    }
}
