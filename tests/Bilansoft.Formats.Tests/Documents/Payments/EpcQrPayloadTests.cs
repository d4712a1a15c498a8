using System.Text;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Formats.Documents.Payments;

namespace Bilansoft.Formats.Tests.Documents.Payments;

public sealed class EpcQrPayloadTests
{
    private static readonly Iban Account = Iban.Parse("BE68 5390 0754 7034");

    private static EpcPaymentRequest ValidRequest() => new("Bilansoft Demo BV", Account)
    {
        Bic = Bic.Parse("GKCCBEBB"),
        Amount = 1234.50m,
        StructuredCommunication = StructuredCommunication.Parse("+++123/4567/89002+++"),
    };

    [Fact]
    public void Build_BelgianTransfer_WritesLinesInEpcOrder()
    {
        var result = EpcQrPayload.Build(ValidRequest());

        var lines = result.Payload!.Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.Equal("BCD", lines[0]);
        Assert.Equal("002", lines[1]);
        Assert.Equal("1", lines[2]);
        Assert.Equal("SCT", lines[3]);
        Assert.Equal("GKCCBEBB", lines[4]);
        Assert.Equal("Bilansoft Demo BV", lines[5]);
        Assert.Equal("BE68539007547034", lines[6]);
        Assert.Equal("EUR1234.50", lines[7]);
        Assert.Equal(string.Empty, lines[8]);
        Assert.Equal("123456789002", lines[9]);
    }

    [Fact]
    public void Build_StructuredCommunication_NeverInFreeTextLine()
    {
        var request = ValidRequest() with { Information = "Factuur 2026/0001" };

        var lines = EpcQrPayload.Build(request).Payload!.Split('\n');

        Assert.Equal(12, lines.Length);
        Assert.Equal("123456789002", lines[9]);
        Assert.Equal(string.Empty, lines[10]);
        Assert.Equal("Factuur 2026/0001", lines[11]);
        Assert.DoesNotContain("+++", string.Join('\n', lines));
    }

    [Fact]
    public void Build_UsesLineFeedOnly()
    {
        var payload = EpcQrPayload.Build(ValidRequest()).Payload!;

        Assert.DoesNotContain('\r', payload);
        Assert.False(payload.EndsWith('\n'));
    }

    [Fact]
    public void Build_NoBicNoAmount_KeepsEmptyLinesBeforeReference()
    {
        var request = ValidRequest() with { Bic = null, Amount = null };

        var lines = EpcQrPayload.Build(request).Payload!.Split('\n');

        Assert.Equal(string.Empty, lines[4]);
        Assert.Equal(string.Empty, lines[7]);
        Assert.Equal("123456789002", lines[9]);
    }

    [Fact]
    public void Build_FreeTextOnly_OmitsTrailingEmptyLines()
    {
        var request = ValidRequest() with { StructuredCommunication = null, RemittanceText = "Invoice 42" };

        var lines = EpcQrPayload.Build(request).Payload!.Split('\n');

        Assert.Equal(11, lines.Length);
        Assert.Equal(string.Empty, lines[9]);
        Assert.Equal("Invoice 42", lines[10]);
    }

    [Theory]
    [InlineData("0.01", "EUR0.01")]
    [InlineData("1", "EUR1.00")]
    [InlineData("999999999.99", "EUR999999999.99")]
    [InlineData("1234.5", "EUR1234.50")]
    public void Build_Amount_HasDotAndTwoDecimals(string amount, string expected)
    {
        var request = ValidRequest() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        var lines = EpcQrPayload.Build(request).Payload!.Split('\n');

        Assert.Equal(expected, lines[7]);
    }

    [Theory]
    [InlineData("0", "epc-qr.amount-out-of-range")]
    [InlineData("-5", "epc-qr.amount-out-of-range")]
    [InlineData("1000000000", "epc-qr.amount-out-of-range")]
    [InlineData("10.005", "epc-qr.amount-too-many-decimals")]
    public void Build_BadAmount_ReportsViolation(string amount, string code)
    {
        var request = ValidRequest() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        var result = EpcQrPayload.Build(request);

        Assert.False(result.IsValid);
        Assert.Contains(result.Violations, violation => violation.Code == code && violation.Path == "amount");
    }

    [Fact]
    public void Build_NameOf71Characters_IsRejected()
    {
        var request = ValidRequest() with { BeneficiaryName = new string('A', 71) };

        var result = EpcQrPayload.Build(request);

        Assert.Contains(result.Violations, violation => violation.Code == "epc-qr.beneficiary-name-too-long");
    }

    [Fact]
    public void Build_NameOf70Characters_IsAccepted()
    {
        var request = ValidRequest() with { BeneficiaryName = new string('A', 70) };

        Assert.True(EpcQrPayload.Build(request).IsValid);
    }

    [Fact]
    public void Build_EmptyNameAndMissingIban_ReportsBoth()
    {
        var request = new EpcPaymentRequest(" ", default);

        var codes = EpcQrPayload.Build(request).Violations.Select(violation => violation.Code).ToList();

        Assert.Contains("epc-qr.beneficiary-name-missing", codes);
        Assert.Contains("epc-qr.iban-missing", codes);
    }

    [Fact]
    public void Build_StructuredAndFreeText_IsRejected()
    {
        var request = ValidRequest() with { RemittanceText = "Invoice 42" };

        var result = EpcQrPayload.Build(request);

        Assert.Contains(result.Violations, violation => violation.Code == "epc-qr.remittance-conflict");
    }

    [Fact]
    public void Build_LongTexts_AreRejected()
    {
        var request = ValidRequest() with
        {
            StructuredCommunication = null,
            RemittanceText = new string('x', 141),
            Information = new string('y', 71),
        };

        var codes = EpcQrPayload.Build(request).Violations.Select(violation => violation.Code).ToList();

        Assert.Contains("epc-qr.remittance-text-too-long", codes);
        Assert.Contains("epc-qr.information-too-long", codes);
    }

    [Theory]
    [InlineData("gdds")]
    [InlineData("GDD")]
    [InlineData("GDDS1")]
    public void Build_BadPurpose_IsRejected(string purpose)
    {
        var request = ValidRequest() with { Purpose = purpose };

        Assert.Contains(EpcQrPayload.Build(request).Violations, violation => violation.Code == "epc-qr.purpose-invalid");
    }

    [Fact]
    public void Build_LineBreakInName_IsRejected()
    {
        var request = ValidRequest() with { BeneficiaryName = "Bilansoft\nDemo" };

        Assert.Contains(EpcQrPayload.Build(request).Violations, violation => violation.Code == "epc-qr.line-break-in-field");
    }

    [Fact]
    public void Build_MultiByteTextOver331Bytes_IsRejected()
    {
        // 70 + 140 + 70 characters of two UTF-8 bytes each pass the length rules but not the byte limit.
        var request = ValidRequest() with
        {
            BeneficiaryName = new string('é', 70),
            StructuredCommunication = null,
            RemittanceText = new string('ж', 140),
            Information = new string('ü', 70),
        };

        var result = EpcQrPayload.Build(request);

        Assert.Contains(result.Violations, violation => violation.Code == "epc-qr.payload-too-long");
    }

    [Theory]
    [InlineData(127, true)]
    [InlineData(128, false)]
    public void Build_PayloadAtByteLimit_IsAcceptedOnlyUpTo331(int remittanceLength, bool valid)
    {
        // With every other field at its maximum, 127 remittance characters give exactly 331 bytes.
        var request = ValidRequest() with
        {
            BeneficiaryName = new string('N', 70),
            Amount = 999_999_999.99m,
            StructuredCommunication = null,
            RemittanceText = new string('R', remittanceLength),
            Information = new string('I', 70),
            Purpose = "GDDS",
        };

        var result = EpcQrPayload.Build(request);

        Assert.Equal(valid, result.IsValid);
        if (valid)
        {
            Assert.Equal(EpcQrPayload.MaxPayloadBytes, Encoding.UTF8.GetByteCount(result.Payload!));
        }
        else
        {
            Assert.Contains(result.Violations, violation => violation.Code == "epc-qr.payload-too-long");
        }
    }
}
