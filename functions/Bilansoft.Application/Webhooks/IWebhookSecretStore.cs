namespace Bilansoft.Application.Webhooks;

/// <summary>The shared secrets of webhook senders, kept outside the code (app settings backed by Key Vault).</summary>
public interface IWebhookSecretStore
{
    /// <summary>
    /// Returns the secrets that <paramref name="source"/> may sign with for
    /// <paramref name="organisationId"/>: the current one and, while a secret is rotated, the previous
    /// one. Returns an empty list when no secret is configured, so the delivery is rejected.
    /// </summary>
    Task<IReadOnlyList<WebhookSecret>> GetSecretsAsync(string source, string? organisationId, CancellationToken cancellationToken);
}
