using Bilansoft.Functions.Platform.Http;
using Bilansoft.Functions.Platform.Middleware;
using Bilansoft.Application;
using Bilansoft.Functions.Identity;
using Bilansoft.Functions.Sales;
using Bilansoft.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bilansoft.Functions.Platform;

/// <summary>
/// The one place where the app's services and worker middleware are registered. The Functions
/// worker (<c>Program.cs</c>) and the local host both call <see cref="Configure"/>, so they cannot
/// drift apart in configuration.
/// </summary>
public static class BilansoftWorker
{
    /// <summary>
    /// Registers services and the middleware pipeline. Middleware runs in registration order, the
    /// first one outermost.
    /// </summary>
    public static void Configure(IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var services = builder.Services;
        services.AddBilansoftInfrastructure(configuration);
        services.AddBilansoftApplication(configuration);
        services.AddBilansoftAuthentication(configuration, environment);
        services.AddSingleton<IdempotentRequests>();
        services.AddBilansoftSalesHttp();
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ApiJson.Apply(options.JsonSerializerOptions));
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => ApiJson.Apply(options.SerializerOptions));
        services.Configure<WorkerOptions>(options => options.Serializer = new Azure.Core.Serialization.JsonObjectSerializer(ApiJson.Options));

        builder.UseMiddleware<CorrelationMiddleware>();
        builder.UseMiddleware<ExceptionMiddleware>();
        builder.UseMiddleware<AuthenticationMiddleware>();
        builder.UseMiddleware<AuthorizationMiddleware>();
        builder.UseMiddleware<MessageInboxMiddleware>();
    }
}
