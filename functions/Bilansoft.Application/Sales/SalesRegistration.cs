using Bilansoft.Application.Banking;
using Bilansoft.Application.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Application.Sales;

/// <summary>Registers the use cases of customers, products, text snippets and sales documents.</summary>
public static class SalesRegistration
{
    /// <summary>Setting section of <see cref="SalesOptions"/>, such as <c>Sales:DefaultPaymentTermDays</c>.</summary>
    public const string SectionName = "Sales";

    public static IServiceCollection AddBilansoftSales(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesOptions>().Configure(options =>
        {
            var section = configuration.GetSection(SectionName);
            if (int.TryParse(section["DefaultPaymentTermDays"], System.Globalization.CultureInfo.InvariantCulture, out var days) && days >= 0)
            {
                options.DefaultPaymentTermDays = days;
            }
        });
        services.AddSingleton<CustomerService>();
        services.AddSingleton<ProductService>();
        services.AddSingleton<TextSnippetService>();
        services.AddSingleton<NumberingService>();
        services.AddSingleton<SalesTransactions>();
        services.AddSingleton<SalesDocuments>();
        services.AddSingleton<SalesContentBuilder>();
        services.AddSingleton<SalesDocumentService>();
        services.AddSingleton<SalesIssueService>();
        services.AddSingleton<SalesConversionService>();
        services.AddSingleton<InvoicePaymentService>();
        services.AddSingleton<ImportedInvoiceService>();
        services.AddSingleton<OpenInvoiceImportService>();

        // The invoice side of bank matching. The banking registration adds its stand-ins only when
        // these are missing, and a later registration wins anyway, so the order does not matter.
        services.AddSingleton<IOpenItemSource, OpenInvoiceSource>();
        services.AddSingleton<IPaymentRegistrar, BankPaymentRegistrar>();
        return services;
    }
}
