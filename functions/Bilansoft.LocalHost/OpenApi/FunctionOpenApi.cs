using System.Reflection;
using System.Xml.Linq;
using Bilansoft.Functions.Platform;
using Bilansoft.LocalHost.Catalog;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Bilansoft.LocalHost.OpenApi;

/// <summary>
/// Describes the HTTP functions for ASP.NET Core's OpenAPI generator: each function's endpoint gets
/// its name, tag, summary (from the XML docs), declared request and response types, and whether it
/// needs a bearer token and which permission. The local host serves the document at
/// <c>/openapi/v1.json</c>; <c>docs/openapi.json</c> is a copy a test keeps current.
/// </summary>
internal static class FunctionOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    public static void AddServices(IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Bilansoft API",
                    Version = "v1",
                    Description = "Invoicing and administration for Belgian freelancers and small companies. Errors are RFC 9457 problem documents with a stable code; titles and details follow Accept-Language (nl, fr, en, de).",
                };
                document.Servers = [new OpenApiServer { Url = "/" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "Access token from Microsoft Entra ID or Entra External ID; locally from POST /api/dev/token.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var function = context.Description.ActionDescriptor.EndpointMetadata.OfType<FunctionDescriptor>().FirstOrDefault();
                if (function is null)
                {
                    return;
                }

                await DescribeBodyAsync(operation, context, function.Method, cancellationToken);

                var info = FunctionMethodInfo.Read(function.EntryPoint);
                if (!info.AllowsAnonymous)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }];
                }

                if (info.Permission is { } permission)
                {
                    operation.Description = $"Requires the {permission.Permission} permission in the organisation (docs/permissions.md).";
                }
            });
        });

    /// <summary>Adds the OpenAPI facts of <paramref name="function"/> to its endpoint.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, FunctionDescriptor function)
    {
        if (function.Route!.Contains("{*", StringComparison.Ordinal))
        {
            // The catch-all that answers unknown routes is not part of the API.
            endpoint.ExcludeFromDescription();
            return endpoint;
        }

        var method = function.Method;
        var metadata = method.GetCustomAttributes()
            .Where(attribute => attribute is IProducesResponseTypeMetadata or ProducesResponseTypeAttribute)
            .Cast<object>()
            .ToArray();
        endpoint.WithMetadata(metadata)
            .WithTags(Tag(method.DeclaringType!))
            .WithSummary(Summary(method) ?? function.Name);
        return endpoint;
    }

    // Request bodies are described here, not as endpoint metadata, because routing would treat
    // accepts-metadata as a content-type constraint.
    private static async Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, MethodInfo method, CancellationToken cancellationToken)
    {
        if (method.GetCustomAttribute<Functions.Platform.Http.AcceptsJsonAttribute>() is { } json)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(json.RequestType, null, cancellationToken) },
                },
            };
        }
        else if (method.GetCustomAttribute<Functions.Platform.Http.AcceptsFileAttribute>() is { } file)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = file.ContentTypes.ToDictionary(
                    contentType => contentType,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
        }
    }

    private static string Tag(Type functionClass) =>
        functionClass.Name.EndsWith("Functions", StringComparison.Ordinal) ? functionClass.Name[..^"Functions".Length] : functionClass.Name;

    private static string? Summary(MethodInfo method)
    {
        var documentation = Documentation.Value;
        var key = $"M:{method.DeclaringType!.FullName}.{method.Name}(";
        var member = documentation?.Descendants("member").FirstOrDefault(m => m.Attribute("name")?.Value.StartsWith(key, StringComparison.Ordinal) == true);
        var text = member?.Element("summary")?.Value;
        return text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly Lazy<XDocument?> Documentation = new(() =>
    {
        var path = Path.ChangeExtension(typeof(BilansoftWorker).Assembly.Location, ".xml");
        return File.Exists(path) ? XDocument.Load(path) : null;
    });
}
