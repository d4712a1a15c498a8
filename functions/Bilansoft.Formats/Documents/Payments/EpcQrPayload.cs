using System.Globalization;
using System.Text;
using Bilansoft.Domain;

namespace Bilansoft.Formats.Documents.Payments;

/// <summary>The result of building an EPC QR payload: the payload, or every rule it breaks.</summary>
/// <param name="Payload">The payload text; null when <paramref name="Violations"/> is not empty.</param>
/// <param name="Violations">Broken rules, with codes starting with <c>epc-qr.</c>.</param>
public sealed record EpcQrPayloadResult(string? Payload, IReadOnlyList<RuleViolation> Violations)
{
    /// <summary>Whether a payload was built.</summary>
    public bool IsValid => Payload is not null;
}

/// <summary>
/// Builds the text payload of an EPC QR code (EPC069-12), version 002, character set 1 (UTF-8),
/// identification <c>SCT</c>. Lines are separated by a line feed and empty optional lines at the end
/// are left out.
/// </summary>
public static class EpcQrPayload
{
    /// <summary>Maximum payload size in bytes that EPC069-12 allows (it fits QR version 13 at level M).</summary>
    public const int MaxPayloadBytes = 331;

    /// <summary>Maximum length of the beneficiary name.</summary>
    public const int MaxBeneficiaryNameLength = 70;

    /// <summary>Maximum length of the unstructured remittance text.</summary>
    public const int MaxRemittanceTextLength = 140;

    /// <summary>Maximum length of the beneficiary-to-originator information.</summary>
    public const int MaxInformationLength = 70;

    /// <summary>Smallest amount the format allows.</summary>
    public const decimal MinAmount = 0.01m;

    /// <summary>Largest amount the format allows.</summary>
    public const decimal MaxAmount = 999_999_999.99m;

    /// <summary>
    /// Builds the payload, or returns every violation: missing or over-long name, missing IBAN,
    /// amount out of range or with more than 2 decimals, invalid purpose, both a structured
    /// communication and remittance text, over-long texts, line breaks inside a field, and a payload
    /// over <see cref="MaxPayloadBytes"/> bytes.
    /// </summary>
    public static EpcQrPayloadResult Build(EpcPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var violations = Validate(request);
        if (violations.Count > 0)
        {
            return new EpcQrPayloadResult(null, violations);
        }

        // Lines 1-12 in the order of EPC069-12; index 9 is the structured remittance (line 10).
        var lines = new List<string>
        {
            "BCD",
            "002",
            "1",
            "SCT",
            request.Bic?.Value ?? string.Empty,
            request.BeneficiaryName.Trim(),
            request.Iban.Value,
            request.Amount is { } amount ? "EUR" + amount.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty,
            request.Purpose?.Trim() ?? string.Empty,
            request.StructuredCommunication?.Digits ?? string.Empty,
            request.RemittanceText?.Trim() ?? string.Empty,
            request.Information?.Trim() ?? string.Empty,
        };
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var payload = string.Join('\n', lines);
        var size = Encoding.UTF8.GetByteCount(payload);
        if (size > MaxPayloadBytes)
        {
            return new EpcQrPayloadResult(null, [Violation("epc-qr.payload-too-long", string.Empty, ("bytes", size), ("maximum", MaxPayloadBytes))]);
        }

        return new EpcQrPayloadResult(payload, []);
    }

    private static List<RuleViolation> Validate(EpcPaymentRequest request)
    {
        var violations = new List<RuleViolation>();

        var name = request.BeneficiaryName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            violations.Add(Violation("epc-qr.beneficiary-name-missing", "beneficiaryName"));
        }
        else if (name.Length > MaxBeneficiaryNameLength)
        {
            violations.Add(Violation("epc-qr.beneficiary-name-too-long", "beneficiaryName", ("length", name.Length), ("maximum", MaxBeneficiaryNameLength)));
        }

        if (request.Iban.Value.Length == 0)
        {
            violations.Add(Violation("epc-qr.iban-missing", "iban"));
        }

        if (request.Amount is { } amount)
        {
            if (amount < MinAmount || amount > MaxAmount)
            {
                violations.Add(Violation("epc-qr.amount-out-of-range", "amount", ("amount", amount), ("minimum", MinAmount), ("maximum", MaxAmount)));
            }
            else if (decimal.Round(amount, 2) != amount)
            {
                violations.Add(Violation("epc-qr.amount-too-many-decimals", "amount", ("amount", amount)));
            }
        }

        if (request.Purpose is { } purpose && (purpose.Length != 4 || !purpose.All(char.IsAsciiLetterUpper)))
        {
            violations.Add(Violation("epc-qr.purpose-invalid", "purpose", ("purpose", purpose)));
        }

        var text = request.RemittanceText?.Trim();
        if (request.StructuredCommunication is not null && !string.IsNullOrEmpty(text))
        {
            violations.Add(Violation("epc-qr.remittance-conflict", "remittanceText"));
        }
        else if (text is { Length: > MaxRemittanceTextLength })
        {
            violations.Add(Violation("epc-qr.remittance-text-too-long", "remittanceText", ("length", text.Length), ("maximum", MaxRemittanceTextLength)));
        }

        var information = request.Information?.Trim();
        if (information is { Length: > MaxInformationLength })
        {
            violations.Add(Violation("epc-qr.information-too-long", "information", ("length", information.Length), ("maximum", MaxInformationLength)));
        }

        // A line break inside a field would shift every following line of the payload.
        foreach (var (path, value) in new[] { ("beneficiaryName", name), ("remittanceText", text), ("information", information), ("purpose", request.Purpose) })
        {
            if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                violations.Add(Violation("epc-qr.line-break-in-field", path));
            }
        }

        return violations;
    }

    private static RuleViolation Violation(string code, string path, params (string Name, object? Value)[] arguments) =>
        new(code, path, arguments.ToDictionary(argument => argument.Name, argument => argument.Value));
}
