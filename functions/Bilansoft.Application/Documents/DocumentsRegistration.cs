using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Application.Documents;

/// <summary>Registers the use cases of rendered documents, their delivery and the house style.</summary>
public static class DocumentsRegistration
{
    /// <summary>Setting of <see cref="DocumentDeliveryOptions.MaxDeliveryCount"/>.</summary>
    public const string MaxDeliveryCountSetting = "Messaging:MaxDeliveryCount";

    public static IServiceCollection AddBilansoftDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentDeliveryOptions>().Configure(options =>
        {
            if (int.TryParse(configuration[MaxDeliveryCountSetting], System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                options.MaxDeliveryCount = count;
            }
        });
        services.AddSingleton<DocumentRenderer>();
        services.AddSingleton<DocumentDeliveries>();
        services.AddSingleton<DocumentRenderStep>();
        services.AddSingleton<DocumentDeliveryStep>();
        services.AddSingleton<DocumentSendService>();
        services.AddSingleton<DocumentSettingsService>();
        services.AddSingleton<PeppolStatusService>();
        return services;
    }
}
