using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bilansoft.Application.Webhooks;

/// <summary>
/// The webhook signature scheme. The sender computes HMAC-SHA256 over the ASCII timestamp, a dot
/// and the raw body bytes (<c>"{t}.{body}"</c>) with the shared secret, and sends
/// <c>Bilansoft-Signature: t={t},v1={lowercase hex}</c>. Several <c>v1</c> entries are allowed, so a
/// sender can sign with the old and the new secret while a secret is rotated. Entries of other
/// versions are ignored, so a later version can be added beside <c>v1</c>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>Name of the HTTP header that carries the signature.</summary>
    public const string HeaderName = "Bilansoft-Signature";

    /// <summary>Version tag of HMAC-SHA256 signatures in the header.</summary>
    public const string Version1 = "v1";

    // Headers above this length are rejected before parsing. A valid header with a few signatures is far shorter.
    private const int MaxHeaderLength = 1024;

    private const int MaxSignatures = 8;
    private const int SignatureLength = 32;

    /// <summary>Creates the header value for <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    public static string CreateHeader(WebhookSecret secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        var signature = Compute(secret, seconds, body);
        return string.Create(CultureInfo.InvariantCulture, $"t={seconds},{Version1}={Convert.ToHexStringLower(signature)}");
    }

    /// <summary>Computes the <c>v1</c> HMAC-SHA256 of <c>"{timestamp}.{body}"</c>.</summary>
    public static byte[] Compute(WebhookSecret secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key);
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture)));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// Parses a header value. It fails when the timestamp is missing, repeated or not a plain
    /// number, when there is no <c>v1</c> entry or more than 8, when a <c>v1</c> entry is not 64 hex
    /// characters, or when the header is longer than 1,024 characters.
    /// </summary>
    public static bool TryParseHeader(string? header, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WebhookSignatureHeader? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            var key = part[..separator].Trim();
            var value = part[(separator + 1)..].Trim();
            if (key == "t")
            {
                if (timestamp is not null || !IsPlainNumber(value) || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return false;
                }

                timestamp = seconds;
            }
            else if (key == Version1)
            {
                if (value.Length != 2 * SignatureLength || !value.All(char.IsAsciiHexDigit) || signatures.Count == MaxSignatures)
                {
                    return false;
                }

                signatures.Add(Convert.FromHexString(value));
            }
        }

        if (timestamp is null || signatures.Count == 0)
        {
            return false;
        }

        parsed = new WebhookSignatureHeader(timestamp.Value, signatures);
        return true;
    }

    /// <summary>
    /// Returns the first <c>v1</c> signature of <paramref name="header"/> that matches
    /// <paramref name="body"/> under one of <paramref name="secrets"/>, or null when none does.
    /// Signatures are compared in constant time, so the response time does not reveal how many
    /// bytes of a forged signature are right.
    /// </summary>
    public static byte[]? FindMatch(WebhookSignatureHeader header, IReadOnlyList<WebhookSecret> secrets, ReadOnlySpan<byte> body)
    {
        foreach (var secret in secrets)
        {
            var expected = Compute(secret, header.Timestamp, body);
            foreach (var signature in header.Signatures)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signature))
                {
                    return signature;
                }
            }
        }

        return null;
    }

    private static bool IsPlainNumber(string value) => value.Length is > 0 and <= 19 && value.All(char.IsAsciiDigit);
}
