using Bilansoft.Application.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Bilansoft.Infrastructure.Webhooks;

/// <summary>
/// Webhook secrets from app settings, which reference Key Vault in Azure:
/// <c>Webhooks__Sources__{source}__Secret</c> and, while rotating, <c>…__PreviousSecret</c>; per
/// organisation <c>Webhooks__Sources__{source}__Organisations__{organisationId}__Secret</c> and
/// <c>…__PreviousSecret</c>. An organisation's own secrets replace the source's; without them the
/// source's secrets apply.
/// </summary>
/// <remarks>
/// NOTE: One setting per organisation suits a handful of organisations. When many organisations
/// get their own bank webhook secret, an <see cref="IWebhookSecretStore"/> that reads Key Vault
/// secrets by name should replace this one.
/// </remarks>
public sealed class ConfigurationWebhookSecretStore : IWebhookSecretStore
{
    /// <summary>Path of the section that contains one subsection per source.</summary>
    public const string SectionPath = WebhookVerificationOptions.SectionName + ":Sources";

    private readonly IConfiguration _sources;

    public ConfigurationWebhookSecretStore(IConfiguration configuration) => _sources = configuration.GetSection(SectionPath);

    /// <exception cref="InvalidOperationException">A configured secret is shorter than <see cref="WebhookSecret.MinimumLength"/> bytes.</exception>
    public Task<IReadOnlyList<WebhookSecret>> GetSecretsAsync(string source, string? organisationId, CancellationToken cancellationToken)
    {
        var sourceSection = _sources.GetSection(source);
        List<WebhookSecret> secrets = [];
        if (!string.IsNullOrEmpty(organisationId))
        {
            secrets = Read(sourceSection.GetSection("Organisations").GetSection(organisationId));
        }

        if (secrets.Count == 0)
        {
            secrets = Read(sourceSection);
        }

        return Task.FromResult<IReadOnlyList<WebhookSecret>>(secrets);
    }

    private static List<WebhookSecret> Read(IConfigurationSection section)
    {
        var secrets = new List<WebhookSecret>(2);
        foreach (var name in new[] { "Secret", "PreviousSecret" })
        {
            var value = section[name];
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            try
            {
                secrets.Add(new WebhookSecret(value));
            }
            catch (ArgumentException exception)
            {
                // The setting's name is reported, never its value.
                throw new InvalidOperationException($"The webhook secret in setting '{section.Path}:{name}' is too short; it needs at least {WebhookSecret.MinimumLength} bytes.", exception);
            }
        }

        return secrets;
    }
}
