using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Sales;

/// <summary>Registers what the sales function classes share.</summary>
public static class SalesRegistration
{
    public static IServiceCollection AddBilansoftSalesHttp(this IServiceCollection services) =>
        services.AddSingleton<SalesEndpoints>();
}
