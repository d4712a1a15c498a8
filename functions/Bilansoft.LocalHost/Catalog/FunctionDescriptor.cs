using System.Reflection;

namespace Bilansoft.LocalHost.Catalog;

/// <summary>The kinds of trigger the local host serves.</summary>
public enum TriggerKind
{
    Http,
    Timer,
    ServiceBus,
    Blob,
}

/// <summary>
/// One <c>[Function]</c> method and how it is triggered, read from its attributes the way the
/// Functions SDK reads them into <c>functions.metadata</c>.
/// </summary>
/// <param name="Name">Function name from <c>[Function(name)]</c>.</param>
/// <param name="Method">The method to call.</param>
/// <param name="Trigger">Trigger kind.</param>
/// <param name="TriggerParameter">The parameter that carries the trigger attribute.</param>
/// <param name="TriggerBindingType">Binding type as in functions.metadata, for example <c>httpTrigger</c>.</param>
/// <param name="Route">HTTP route without the <c>api</c> prefix.</param>
/// <param name="HttpMethods">HTTP methods in lower case.</param>
/// <param name="Schedule">NCRONTAB expression of a timer trigger.</param>
/// <param name="RunOnStartup">Whether a timer also runs when the host starts.</param>
/// <param name="QueueName">Service Bus queue name.</param>
/// <param name="BlobPath">Blob path pattern, such as <c>uploads/{orgId}/bank-statements/{name}</c>.</param>
/// <param name="Connection">Connection setting name of a Service Bus or blob trigger.</param>
public sealed record FunctionDescriptor(
    string Name,
    MethodInfo Method,
    TriggerKind Trigger,
    ParameterInfo TriggerParameter,
    string TriggerBindingType,
    string? Route = null,
    IReadOnlyList<string>? HttpMethods = null,
    string? Schedule = null,
    bool RunOnStartup = false,
    string? QueueName = null,
    string? BlobPath = null,
    string? Connection = null)
{
    /// <summary>Entry point as the Functions host names it: <c>Namespace.Class.Method</c>.</summary>
    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";
}
