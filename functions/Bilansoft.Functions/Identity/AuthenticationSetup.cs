using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace Bilansoft.Functions.Identity;

/// <summary>
/// Registers token validation: Microsoft.Identity.Web for the Entra ID tenant
/// (<c>Authentication:Entra</c>) and the Entra External ID tenant (<c>Authentication:ExternalId</c>),
/// each when configured, and the development issuer when the environment is Development.
/// </summary>
public static class AuthenticationSetup
{
    public const string EntraScheme = "Entra";
    public const string ExternalIdScheme = "ExternalId";
    public const string DevelopmentScheme = "Development";

    public static void AddBilansoftAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var schemes = new List<string>();
        var authentication = services.AddAuthentication();

        foreach (var (scheme, section) in new[] { (EntraScheme, "Authentication:Entra"), (ExternalIdScheme, "Authentication:ExternalId") })
        {
            var settings = configuration.GetSection(section);
            if (!string.IsNullOrWhiteSpace(settings["ClientId"]))
            {
                authentication.AddMicrosoftIdentityWebApi(settings, scheme);
                schemes.Add(scheme);
            }
        }

        if (environment.IsDevelopment())
        {
            services.AddSingleton<DevelopmentTokenIssuer>();
            authentication.AddJwtBearer(DevelopmentScheme, _ => { });
            services.AddOptions<JwtBearerOptions>(DevelopmentScheme).Configure<DevelopmentTokenIssuer>((options, issuer) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = DevelopmentTokenIssuer.Issuer,
                    ValidAudience = DevelopmentTokenIssuer.Audience,
                    IssuerSigningKey = issuer.SigningKey,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
            schemes.Add(DevelopmentScheme);
        }

        services.AddSingleton(new AuthenticationSchemeList(schemes));
        services.AddSingleton<TokenAuthenticator>();
    }
}
