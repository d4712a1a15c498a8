using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Platform;

/// <summary>
/// What the middleware needs to know about a function method: whether it allows anonymous calls,
/// the permission it requires and its HTTP route. Read once per function from the method named by
/// the entry point, the same way in Azure and on the local host.
/// </summary>
public sealed record FunctionMethodInfo(MethodInfo Method, bool AllowsAnonymous, RequiresPermissionAttribute? Permission, string? Route)
{
    private static readonly ConcurrentDictionary<string, FunctionMethodInfo> Cache = new(StringComparer.Ordinal);

    /// <summary>Whether the route sits under an organisation, as <c>orgs/{orgId}/...</c>.</summary>
    public bool IsOrganisationRoute => Route?.StartsWith("orgs/{orgId", StringComparison.Ordinal) == true;

    public static FunctionMethodInfo Of(FunctionDefinition definition) =>
        Cache.GetOrAdd(definition.EntryPoint, _ => Read(definition.EntryPoint));

    /// <summary>Reads the facts of the method behind an entry point such as <c>Namespace.Class.Method</c>.</summary>
    public static FunctionMethodInfo Read(string entryPoint)
    {
        var separator = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionMethodInfo).Assembly.GetType(entryPoint[..separator])
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(entryPoint[..separator])).FirstOrDefault(found => found is not null)
            ?? throw new InvalidOperationException($"The type of function entry point {entryPoint} was not found.");
        var method = type.GetMethod(entryPoint[(separator + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new InvalidOperationException($"The method of function entry point {entryPoint} was not found.");

        var route = method.GetParameters()
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .FirstOrDefault(trigger => trigger is not null)?.Route;
        return new FunctionMethodInfo(
            method,
            method.GetCustomAttribute<AllowAnonymousAttribute>() is not null,
            method.GetCustomAttribute<RequiresPermissionAttribute>(),
            route);
    }
}
