using Bilansoft.Application.Banking;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Infrastructure.Banking;

/// <summary>Registers the banking stores.</summary>
public static class BankingStorageRegistration
{
    public static IServiceCollection AddBilansoftBankingStorage(this IServiceCollection services)
    {
        services.AddSingleton<IBankAccountStore, TableBankAccountStore>();
        services.AddSingleton<IBankImportStore, TableBankImportStore>();
        services.AddSingleton<IStatementFileStore, BlobStatementFileStore>();
        return services;
    }
}
