using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Bilansoft.Application.Messaging;
using Bilansoft.Infrastructure.Banking;
using Bilansoft.Application.Organisations;
using Bilansoft.Infrastructure.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Documents;
using Bilansoft.Infrastructure.Messaging;
using Bilansoft.Infrastructure.Platform;
using Bilansoft.Infrastructure.Sales;
using Bilansoft.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilansoft.Infrastructure;

/// <summary>Registers the storage, messaging and outbound adapters.</summary>
public static class InfrastructureRegistration
{
    /// <summary>Setting that chooses the message transport: <c>ServiceBus</c> (default) or <c>StorageQueues</c>.</summary>
    public const string TransportSetting = "Messaging:Transport";

    /// <summary>Name of the Service Bus connection setting, shared with the triggers' <c>Connection</c>.</summary>
    public const string ServiceBusSetting = "ServiceBus";

    public static IServiceCollection AddBilansoftInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().Configure(options => ReadStorageOptions(configuration, options));
        services.AddSingleton<StorageClients>();
        services.AddSingleton<IHealthProbe, StorageHealthProbe>();
        services.AddSingleton<IMessageInbox, TableMessageInbox>();
        services.AddSingleton<TableOutbox>();
        services.AddSingleton<IOutbox>(provider => provider.GetRequiredService<TableOutbox>());
        services.AddSingleton<IOrganisationStore, TableOrganisationStore>();
        services.AddSingleton<IUserDirectory, TableUserDirectory>();
        services.AddSingleton<ILogoStore, BlobLogoStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddBilansoftSalesStorage();
        services.AddBilansoftDocumentsStorage();
        services.AddBilansoftOutbound(configuration);
        services.AddBilansoftBankingStorage();

        if (string.Equals(configuration[TransportSetting], "StorageQueues", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IMessagePublisher, StorageQueueMessagePublisher>();
        }
        else
        {
            services.AddSingleton(_ => CreateServiceBusClient(configuration));
            services.AddSingleton<IMessagePublisher, ServiceBusMessagePublisher>();
        }

        return services;
    }

    /// <summary>
    /// Reads the <c>Storage</c> setting the way the Functions host does: a plain value is a
    /// connection string; a section holds service URIs for a managed identity.
    /// </summary>
    public static void ReadStorageOptions(IConfiguration configuration, StorageOptions options)
    {
        var section = configuration.GetSection(StorageOptions.SettingName);
        options.ConnectionString = section.Value;
        options.TableServiceUri = ReadUri(section["tableServiceUri"]);
        options.BlobServiceUri = ReadUri(section["blobServiceUri"]);
        options.QueueServiceUri = ReadUri(section["queueServiceUri"]);
        options.ClientId = section["clientId"];
        options.TablePrefix = section["tablePrefix"] ?? string.Empty;
    }

    private static ServiceBusClient CreateServiceBusClient(IConfiguration configuration)
    {
        var section = configuration.GetSection(ServiceBusSetting);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new ServiceBusClient(section.Value);
        }

        var fullyQualifiedNamespace = section["fullyQualifiedNamespace"];
        if (string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            throw new InvalidOperationException(
                "Service Bus is not configured. Set 'ServiceBus' to a connection string or ServiceBus__fullyQualifiedNamespace for a managed identity, or set Messaging__Transport to StorageQueues.");
        }

        var clientId = section["clientId"];
        var credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        return new ServiceBusClient(fullyQualifiedNamespace, credential);
    }

    private static Uri? ReadUri(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value);
}
