using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.LocalHost.Catalog;

/// <summary>
/// Every <c>[Function]</c> method of the given assemblies with its trigger. The local host serves
/// exactly this list; a test compares it with the <c>functions.metadata</c> the SDK generates.
/// </summary>
public sealed class FunctionCatalog
{
    public FunctionCatalog(IEnumerable<FunctionDescriptor> functions)
    {
        Functions = functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var duplicates = Functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Function names must be unique; duplicated: {string.Join(", ", duplicates)}.");
        }
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public FunctionDescriptor? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every public <c>[Function]</c> method of the types in <paramref name="assemblies"/>.</summary>
    public static FunctionCatalog FromAssemblies(params Assembly[] assemblies) =>
        FromTypes(assemblies.SelectMany(assembly => assembly.GetExportedTypes()));

    /// <summary>Reads every public <c>[Function]</c> method of <paramref name="types"/>.</summary>
    public static FunctionCatalog FromTypes(IEnumerable<Type> types)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var type in types.Where(t => t.IsClass))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is not null)
                {
                    functions.Add(Describe(function.Name, method));
                }
            }
        }

        return new FunctionCatalog(functions);
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                var methods = (http.Methods ?? ["get", "post", "put", "patch", "delete", "head", "options"])
                    .Select(m => m.ToLowerInvariant())
                    .ToList();
                return new FunctionDescriptor(name, method, TriggerKind.Http, parameter, "httpTrigger", Route: http.Route ?? name, HttpMethods: methods);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(name, method, TriggerKind.Timer, parameter, "timerTrigger", Schedule: timer.Schedule, RunOnStartup: timer.RunOnStartup);
            }

            if (parameter.GetCustomAttribute<ServiceBusTriggerAttribute>() is { } serviceBus)
            {
                if (serviceBus.QueueName is null)
                {
                    throw new NotSupportedException($"Function {name} listens to a Service Bus topic; the local host serves queues only.");
                }

                return new FunctionDescriptor(name, method, TriggerKind.ServiceBus, parameter, "serviceBusTrigger", QueueName: serviceBus.QueueName, Connection: serviceBus.Connection);
            }

            if (parameter.GetCustomAttribute<BlobTriggerAttribute>() is { } blob)
            {
                return new FunctionDescriptor(name, method, TriggerKind.Blob, parameter, "blobTrigger", BlobPath: blob.BlobPath, Connection: blob.Connection);
            }
        }

        throw new NotSupportedException($"Function {name} ({method.DeclaringType?.Name}.{method.Name}) has no trigger the local host serves (HTTP, timer, Service Bus queue, blob).");
    }
}
