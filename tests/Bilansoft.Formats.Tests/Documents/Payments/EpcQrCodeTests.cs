using Bilansoft.Domain.Identifiers;
using Bilansoft.Formats.Documents.Payments;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Bilansoft.Formats.Tests.Documents.Payments;

public sealed class EpcQrCodeTests
{
    [Fact]
    public void CreateMatrix_BelgianPayment_DecodesToSamePayload()
    {
        var payload = EpcQrPayload.Build(new EpcPaymentRequest("Bilansoft Demo BV", Iban.Parse("BE68539007547034"))
        {
            Bic = Bic.Parse("GKCCBEBB"),
            Amount = 1234.50m,
            StructuredCommunication = StructuredCommunication.Parse("123456789002"),
        }).Payload!;

        var matrix = EpcQrCode.CreateMatrix(payload);

        Assert.Equal(payload, QrDecoder.Decode(matrix));
    }

    [Fact]
    public void CreateMatrix_AccentsAndCyrillic_DecodeAsUtf8()
    {
        var payload = EpcQrPayload.Build(new EpcPaymentRequest("Ēllen Ðupont — Иванов & Cie", Iban.Parse("BE68539007547034"))
        {
            Amount = 10m,
            Information = "Merci, façade été",
        }).Payload!;

        var matrix = EpcQrCode.CreateMatrix(payload);

        Assert.Equal(payload, QrDecoder.Decode(matrix));
    }

    [Fact]
    public void CreateMatrix_LongestPayload_StaysWithinVersion13()
    {
        var payload = EpcQrPayload.Build(new EpcPaymentRequest(new string('N', 70), Iban.Parse("BE68539007547034"))
        {
            Bic = Bic.Parse("GKCCBEBB"),
            Amount = 999_999_999.99m,
            Purpose = "GDDS",
            RemittanceText = new string('R', 127),
            Information = new string('I', 70),
        }).Payload!;

        var matrix = EpcQrCode.CreateMatrix(payload);

        // Version v has 17 + 4v modules per side; EPC069-12 allows version 13 at most.
        Assert.True(matrix.Size <= 17 + (4 * 13), $"Symbol has {matrix.Size} modules per side.");
        Assert.Equal(payload, QrDecoder.Decode(matrix));
    }
}

/// <summary>Reads a module matrix the way a phone scanner reads a printed code.</summary>
internal static class QrDecoder
{
    private const int PixelsPerModule = 4;

    public static string Decode(QrModuleMatrix matrix)
    {
        var side = (matrix.Size + (2 * QrModuleMatrix.QuietZone)) * PixelsPerModule;
        var luminance = new byte[side * side];
        Array.Fill(luminance, (byte)255);
        for (var row = 0; row < matrix.Size; row++)
        {
            for (var column = 0; column < matrix.Size; column++)
            {
                if (!matrix.IsDark(row, column))
                {
                    continue;
                }

                var top = (row + QrModuleMatrix.QuietZone) * PixelsPerModule;
                var left = (column + QrModuleMatrix.QuietZone) * PixelsPerModule;
                for (var y = top; y < top + PixelsPerModule; y++)
                {
                    Array.Fill(luminance, (byte)0, (y * side) + left, PixelsPerModule);
                }
            }
        }

        var source = new RGBLuminanceSource(luminance, side, side, RGBLuminanceSource.BitmapFormat.Gray8);
        var bitmap = new BinaryBitmap(new HybridBinarizer(source));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.CHARACTER_SET] = "UTF-8" };
        var result = new QRCodeReader().decode(bitmap, hints);
        return result?.Text ?? throw new InvalidOperationException("The QR code could not be decoded.");
    }
}
