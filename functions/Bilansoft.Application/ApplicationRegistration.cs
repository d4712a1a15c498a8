using Bilansoft.Application.Banking;
using Bilansoft.Application.Documents;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilansoft.Application;

/// <summary>Registers the use cases.</summary>
public static class ApplicationRegistration
{
    public static IServiceCollection AddBilansoftApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InvitationOptions>().Configure(options =>
        {
            var section = configuration.GetSection(InvitationOptions.SectionName);
            if (TimeSpan.TryParse(section["Lifetime"], System.Globalization.CultureInfo.InvariantCulture, out var lifetime))
            {
                options.Lifetime = lifetime;
            }

            if (Uri.TryCreate(section["AcceptPageUrl"], UriKind.Absolute, out var url))
            {
                options.AcceptPageUrl = url;
            }
        });
        services.AddSingleton<AccessService>();
        services.AddSingleton<OrganisationService>();
        services.AddSingleton<MembershipService>();
        services.AddSingleton<IInvitationMailer, InvitationMailer>();
        services.AddBilansoftSales(configuration);
        services.AddBilansoftBanking(configuration);
        services.AddBilansoftDocuments(configuration);
        return services;
    }
}
