using Bilansoft.Application.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Infrastructure.Documents;

/// <summary>Registers the stores of rendered documents, their delivery state and the house style.</summary>
public static class DocumentsStorageRegistration
{
    public static IServiceCollection AddBilansoftDocumentsStorage(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentSettingsStore, TableDocumentSettingsStore>();
        services.AddSingleton<IDocumentFileStore, BlobDocumentFileStore>();
        services.AddSingleton<IDocumentDeliveryStore, TableDocumentDeliveryStore>();
        services.AddSingleton<IPeppolTransmissionIndex, TablePeppolTransmissionIndex>();
        return services;
    }
}
