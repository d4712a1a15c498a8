using Bilansoft.Functions.Platform;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
BilansoftWorker.Configure(builder, builder.Configuration, builder.Environment);
builder.Build().Run();
