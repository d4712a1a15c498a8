using Bilansoft.Application.Mail;
using Bilansoft.Application.Peppol;
using Bilansoft.Application.Webhooks;
using Bilansoft.Infrastructure.Mail;
using Bilansoft.Infrastructure.Peppol;
using Bilansoft.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure;

/// <summary>Registers the outbound adapters (mail, Peppol access point) and webhook verification.</summary>
public static class OutboundRegistration
{
    /// <summary>
    /// Registers <see cref="IMailSender"/> (SendGrid when <c>SendGrid__ApiKey</c> is set, otherwise
    /// the .eml pickup container), <see cref="IPeppolAccessPoint"/> and <see cref="WebhookVerifier"/>
    /// with its secret and receipt stores. The pickup and the receipts need the
    /// <see cref="Storage.StorageClients"/> that <c>AddBilansoftInfrastructure</c> registers.
    /// </summary>
    public static IServiceCollection AddBilansoftOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        AddMail(services, configuration);
        AddPeppol(services, configuration);
        AddWebhooks(services, configuration);
        return services;
    }

    private static void AddMail(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SendGridOptions.SectionName);
        services.AddOptions<SendGridOptions>()
            .Bind(section)
            .Validate(options => options.MaxAttempts is >= 2 and <= 10, "SendGrid__MaxAttempts must be 2 to 10.");

        if (string.IsNullOrWhiteSpace(section[nameof(SendGridOptions.ApiKey)]))
        {
            services.AddSingleton<IMailSender, PickupMailSender>();
            return;
        }

        services.AddHttpClient(SendGridMailSender.HttpClientName)
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;
                ConfigureResilience(resilience, options.MaxAttempts, options.RetryDelay, options.AttemptTimeout, options.TotalTimeout);
            });
        services.AddSingleton<IMailSender, SendGridMailSender>();
    }

    private static void AddPeppol(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PeppolAccessPointOptions>()
            .Bind(configuration.GetSection(PeppolAccessPointOptions.SectionName))
            .Validate(options => options.MaxAttempts is >= 2 and <= 10, "PeppolAccessPoint__MaxAttempts must be 2 to 10.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.ApiKeyHeader), "PeppolAccessPoint__ApiKeyHeader must not be empty.");

        services.AddHttpClient(PeppolAccessPointClient.HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<PeppolAccessPointOptions>>().Value;
                if (options.BaseUrl is { } baseUrl)
                {
                    // Without a trailing slash, relative paths would replace the base address's last segment.
                    client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                }
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<PeppolAccessPointOptions>>().Value;
                ConfigureResilience(resilience, options.MaxAttempts, options.RetryDelay, options.AttemptTimeout, options.TotalTimeout);
            });
        services.AddSingleton<IPeppolAccessPoint, PeppolAccessPointClient>();
    }

    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookVerificationOptions>()
            .Bind(configuration.GetSection(WebhookVerificationOptions.SectionName))
            .Validate(options => options.TimestampTolerance > TimeSpan.Zero, "Webhooks__TimestampTolerance must be positive.");
        services.AddSingleton<IWebhookSecretStore>(new ConfigurationWebhookSecretStore(configuration));
        services.AddSingleton<IWebhookReceiptStore, TableWebhookReceiptStore>();
        services.AddSingleton<WebhookVerifier>();
    }

    /// <summary>
    /// Sets the standard pipeline's retry and time-outs. Its rate limiter and circuit breaker keep
    /// their defaults, except that the breaker's sampling window grows with a long attempt time-out.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, int maxAttempts, TimeSpan retryDelay, TimeSpan attemptTimeout, TimeSpan totalTimeout)
    {
        resilience.Retry.MaxRetryAttempts = maxAttempts - 1;
        resilience.Retry.Delay = retryDelay;
        resilience.AttemptTimeout.Timeout = attemptTimeout;
        resilience.TotalRequestTimeout.Timeout = totalTimeout;

        // The standard options are validated to have a sampling window of at least twice the attempt time-out.
        if (resilience.CircuitBreaker.SamplingDuration < 2 * attemptTimeout)
        {
            resilience.CircuitBreaker.SamplingDuration = 2 * attemptTimeout;
        }
    }
}
