using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilansoft.Application.Banking;

/// <summary>Registers the bank account, statement import and matching use cases.</summary>
public static class BankingRegistration
{
    public static IServiceCollection AddBilansoftBanking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BankingOptions>().Configure(options =>
        {
            if (TimeSpan.TryParse(configuration.GetSection(BankingOptions.SectionName)["ProcessingLease"], System.Globalization.CultureInfo.InvariantCulture, out var lease))
            {
                options.ProcessingLease = lease;
            }
        });
        services.AddSingleton<BankAccountService>();
        services.AddSingleton<BankStatementUploadService>();
        services.AddSingleton<BankStatementImportStep>();
        services.AddSingleton<BankStatementQueryService>();
        services.AddSingleton<BankMatchingService>();

        // The invoice side replaces these by registering its own implementations.
        services.TryAddSingleton<IOpenItemSource, NoOpenItemSource>();
        services.TryAddSingleton<IPaymentRegistrar, NoPaymentRegistrar>();
        return services;
    }
}
