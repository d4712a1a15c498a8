using Bilansoft.Application.Catalog;
using Bilansoft.Application.Sales;
using Bilansoft.Infrastructure.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>Registers the table stores of customers, products, text snippets, numbering and sales documents.</summary>
public static class SalesRegistration
{
    public static IServiceCollection AddBilansoftSalesStorage(this IServiceCollection services)
    {
        services.AddSingleton<ICustomerStore, TableCustomerStore>();
        services.AddSingleton<IProductStore, TableProductStore>();
        services.AddSingleton<ITextSnippetStore, TableTextSnippetStore>();
        services.AddSingleton<INumberingStore, TableNumberingStore>();
        services.AddSingleton<TableSalesDocumentStore>();
        services.AddSingleton<ISalesDocumentStore>(provider => provider.GetRequiredService<TableSalesDocumentStore>());
        services.AddSingleton<ISalesDocumentReader>(provider => provider.GetRequiredService<TableSalesDocumentStore>());
        services.AddSingleton<IBankPaymentLinkStore, TableBankPaymentLinkStore>();
        return services;
    }
}
