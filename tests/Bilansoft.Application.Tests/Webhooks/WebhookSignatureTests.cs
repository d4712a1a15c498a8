using System.Text;
using Bilansoft.Application.Webhooks;

namespace Bilansoft.Application.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "bank-secret-0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset SignedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = """{"id":"evt_1","type":"payment.received"}"""u8.ToArray();

    [Fact]
    public void CreateHeader_MatchesKnownVector()
    {
        var header = WebhookSignature.CreateHeader(new WebhookSecret(Secret), SignedAt, Body);

        // Computed independently with Python: hmac.new(secret, b"1796119200." + body, hashlib.sha256).hexdigest()
        Assert.Equal("t=1796119200,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", header);
    }

    [Fact]
    public void CreateHeader_ParsesBackAndMatches()
    {
        var secret = new WebhookSecret(Secret);
        var header = WebhookSignature.CreateHeader(secret, SignedAt, Body);

        var parsed = WebhookSignature.TryParseHeader(header, out var signature);

        Assert.True(parsed);
        Assert.Equal(SignedAt.ToUnixTimeSeconds(), signature!.Timestamp);
        Assert.NotNull(WebhookSignature.FindMatch(signature, [secret], Body));
    }

    [Fact]
    public void FindMatch_OneByteChanged_ReturnsNull()
    {
        var secret = new WebhookSecret(Secret);
        var signature = Sign(secret);
        var changed = Body.ToArray();
        changed[^2] ^= 0x01;

        var match = WebhookSignature.FindMatch(signature, [secret], changed);

        Assert.Null(match);
    }

    [Fact]
    public void FindMatch_WrongSecret_ReturnsNull()
    {
        var signature = Sign(new WebhookSecret(Secret));

        var match = WebhookSignature.FindMatch(signature, [new WebhookSecret(Secret.ToUpperInvariant())], Body);

        Assert.Null(match);
    }

    [Fact]
    public void FindMatch_ChangedTimestamp_ReturnsNull()
    {
        var secret = new WebhookSecret(Secret);
        var signature = Sign(secret);

        var match = WebhookSignature.FindMatch(signature with { Timestamp = signature.Timestamp + 1 }, [secret], Body);

        Assert.Null(match);
    }

    [Fact]
    public void FindMatch_PreviousSecretDuringRotation_Matches()
    {
        var previous = new WebhookSecret(Secret);
        var current = new WebhookSecret("bank-secret-fedcba9876543210fedcba9876543210");
        var signature = Sign(previous);

        var match = WebhookSignature.FindMatch(signature, [current, previous], Body);

        Assert.NotNull(match);
    }

    [Fact]
    public void TryParseHeader_MixedVersions_ReadsEveryV1()
    {
        var first = new string('a', 64);
        var second = new string('B', 64);

        var parsed = WebhookSignature.TryParseHeader($"t=1796119200, v0=legacy, v1={first}, v1={second}, v2=future", out var signature);

        Assert.True(parsed);
        Assert.Equal(1796119200, signature!.Timestamp);
        Assert.Equal(2, signature.Signatures.Count);
        Assert.Equal(Convert.FromHexString(first), signature.Signatures[0]);
        Assert.Equal(Convert.FromHexString(second), signature.Signatures[1]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("garbage", "no key=value pairs")]
    [InlineData("v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "no timestamp")]
    [InlineData("t=1796119200", "no signature")]
    [InlineData("t=1796119200,v0=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "only an unknown version")]
    [InlineData("t=abc,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "timestamp not a number")]
    [InlineData("t=-1796119200,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "signed timestamp")]
    [InlineData("t=1796119200.5,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "fractional timestamp")]
    [InlineData("t=99999999999999999999,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "timestamp beyond 64 bits")]
    [InlineData("t=1,t=1796119200,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "timestamp twice")]
    [InlineData("t=1796119200,v1=8708369511bffa0a", "signature too short")]
    [InlineData("t=1796119200,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf00", "signature too long")]
    [InlineData("t=1796119200,v1=zz08369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "signature not hex")]
    [InlineData("t=1796119200,,v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "empty part")]
    [InlineData("t=1796119200;v1=8708369511bffa0ac7955d0663f6221cf153277a135492365ffdc8469039cbcf", "semicolon separator")]
    public void TryParseHeader_Malformed_ReturnsFalse(string header, string reason)
    {
        var parsed = WebhookSignature.TryParseHeader(header, out var signature);

        Assert.False(parsed, reason);
        Assert.Null(signature);
    }

    [Fact]
    public void TryParseHeader_TooManySignatures_ReturnsFalse()
    {
        var header = "t=1796119200" + string.Concat(Enumerable.Repeat(",v1=" + new string('a', 64), 9));

        var parsed = WebhookSignature.TryParseHeader(header, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void TryParseHeader_LongerThan1024Characters_ReturnsFalse()
    {
        var header = "t=1796119200,v1=" + new string('a', 64) + ",x=" + new string('x', 1024);

        var parsed = WebhookSignature.TryParseHeader(header, out _);

        Assert.False(parsed);
    }

    [Fact]
    public void Secret_ShorterThan32Bytes_IsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new WebhookSecret(new string('s', 31)));

        Assert.Contains("32 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_CountsUtf8Bytes()
    {
        var secret = new WebhookSecret(new string('é', 16));

        Assert.Equal(Encoding.UTF8.GetBytes(new string('é', 16)), secret.Key.ToArray());
    }

    [Fact]
    public void Secret_ToString_HidesSecret()
    {
        var secret = new WebhookSecret(Secret);

        Assert.DoesNotContain("bank-secret", secret.ToString(), StringComparison.Ordinal);
    }

    private static WebhookSignatureHeader Sign(WebhookSecret secret)
    {
        Assert.True(WebhookSignature.TryParseHeader(WebhookSignature.CreateHeader(secret, SignedAt, Body), out var signature));
        return signature;
    }
}
