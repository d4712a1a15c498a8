using System.IO.Compression;
using System.Text;
using PdfSharp.Drawing;

namespace Bilansoft.Formats.Tests.Documents.Pdf;

/// <summary>Small images and PDFs made in code, so tests need no binary fixtures.</summary>
internal static class TestImages
{
    /// <summary>Builds an RGB PNG of the given size with a diagonal two-colour pattern.</summary>
    public static byte[] Png(int width, int height)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            raw[row] = 0;
            for (var x = 0; x < width; x++)
            {
                var dark = (x + y) % 16 < 8;
                raw[row + 1 + (x * 3)] = dark ? (byte)0x1F : (byte)0xD9;
                raw[row + 2 + (x * 3)] = dark ? (byte)0x3A : (byte)0x6C;
                raw[row + 3 + (x * 3)] = dark ? (byte)0x5F : (byte)0x1E;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, (uint)width);
        WriteBigEndian(header, 4, (uint)height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Builds a one-page A4 letterhead PDF with a coloured bar and the given text.</summary>
    public static byte[] Letterhead(string text)
    {
        Bilansoft.Formats.Documents.Pdf.EmbeddedFontResolver.EnsureRegistered();
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xE8, 0xF0, 0xE0)), 0, page.Height.Point - 30, page.Width.Point, 30);
            graphics.DrawString(text, new XFont("DejaVu Sans", 8), XBrushes.DarkGreen, 60, page.Height.Point - 18, XStringFormats.TopLeft);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        return buffer.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, (uint)data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32([.. typeBytes, .. data]));
        output.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
