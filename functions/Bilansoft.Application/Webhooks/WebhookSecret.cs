using System.Text;

namespace Bilansoft.Application.Webhooks;

/// <summary>
/// A shared secret that a webhook sender and Bilansoft use as the HMAC-SHA256 key. The key is the
/// UTF-8 bytes of the secret text.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the secret.</remarks>
public sealed class WebhookSecret
{
    /// <summary>
    /// Minimum key length in bytes: as long as the SHA-256 output, so the key is not the weak part
    /// of the HMAC.
    /// </summary>
    public const int MinimumLength = 32;

    private readonly byte[] _key;

    /// <summary>Creates a secret from its text, for example 64 hex characters from <c>openssl rand -hex 32</c>.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumLength"/> bytes in UTF-8.</exception>
    public WebhookSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _key = Encoding.UTF8.GetBytes(secret);
        if (_key.Length < MinimumLength)
        {
            throw new ArgumentException($"A webhook secret must be at least {MinimumLength} bytes long; generate one with 'openssl rand -hex 32'.", nameof(secret));
        }
    }

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Returns a placeholder, never the secret.</summary>
    public override string ToString() => "WebhookSecret(…)";
}
