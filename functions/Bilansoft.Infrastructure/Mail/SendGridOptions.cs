namespace Bilansoft.Infrastructure.Mail;

/// <summary>
/// Settings of the <c>SendGrid</c> section. With <see cref="ApiKey"/> set, mail goes through
/// SendGrid; without it, to the .eml pickup container. The sender settings apply to both.
/// </summary>
public sealed class SendGridOptions
{
    /// <summary>Name of the configuration section.</summary>
    public const string SectionName = "SendGrid";

    /// <summary>The SendGrid API key with the Mail Send permission (<c>SendGrid__ApiKey</c>), from Key Vault in Azure.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The sender address of messages without their own sender (<c>SendGrid__FromAddress</c>); its domain must be verified in SendGrid.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender's display name (<c>SendGrid__FromName</c>).</summary>
    public string? FromName { get; set; }

    /// <summary>
    /// Base address of the SendGrid API (<c>SendGrid__Host</c>); null for the client's default,
    /// <c>https://api.sendgrid.com</c>. Tests point it at a local stand-in.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>Attempts per message, the first one included (<c>SendGrid__MaxAttempts</c>, 2 to 10).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Base delay before the first retry; later retries wait exponentially longer, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time-out of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time-out of all attempts together, delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
