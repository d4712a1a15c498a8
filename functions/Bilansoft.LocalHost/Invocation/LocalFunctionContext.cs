using System.Collections.Concurrent;
using System.Collections.Immutable;
using Bilansoft.LocalHost.Catalog;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.LocalHost.Invocation;

/// <summary>
/// The <see cref="FunctionContext"/> the local host hands to the app's worker middleware and
/// functions. It carries what the Functions host would send: ids, the function definition with its
/// trigger binding, the binding data (route values, message metadata, blob path parameters) and,
/// for HTTP triggers, the <c>HttpContext</c> under the key the ASP.NET Core integration uses.
/// </summary>
internal sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>Item key under which the ASP.NET Core integration stores the HttpContext.</summary>
    public const string HttpContextItemKey = "HttpRequestContext";

    public LocalFunctionContext(
        FunctionDescriptor function,
        IServiceProvider services,
        IReadOnlyDictionary<string, object?> bindingData,
        CancellationToken cancellationToken)
    {
        InvocationId = Guid.NewGuid().ToString();
        FunctionDefinition = new LocalFunctionDefinition(function);
        FunctionId = FunctionDefinition.Id;
        BindingContext = new LocalBindingContext(bindingData);
        InstanceServices = services;
        CancellationToken = cancellationToken;
        Descriptor = function;
    }

    public FunctionDescriptor Descriptor { get; }

    public override string InvocationId { get; }

    public override string FunctionId { get; }

    public override TraceContext TraceContext { get; } = new LocalTraceContext();

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext { get; } = new LocalRetryContext();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new ConcurrentDictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    public override CancellationToken CancellationToken { get; }

    private sealed class LocalTraceContext : TraceContext
    {
        public override string TraceParent => string.Empty;

        public override string TraceState => string.Empty;
    }

    private sealed class LocalRetryContext : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }

    private sealed class LocalInvocationFeatures : IInvocationFeatures
    {
        private readonly ConcurrentDictionary<Type, object> _features = new();

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.TryRemove(typeof(T), out _);
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>The definition of a function as the worker receives it: name, entry point and trigger binding.</summary>
internal sealed class LocalFunctionDefinition : FunctionDefinition
{
    public LocalFunctionDefinition(FunctionDescriptor function)
    {
        Name = function.Name;
        Id = function.Name;
        EntryPoint = function.EntryPoint;
        PathToAssembly = function.Method.DeclaringType!.Assembly.Location;
        Parameters = function.Method.GetParameters()
            .Select(parameter => new FunctionParameter(parameter.Name!, parameter.ParameterType))
            .ToImmutableArray();
        InputBindings = ImmutableDictionary<string, BindingMetadata>.Empty
            .Add(function.TriggerParameter.Name!, new LocalBindingMetadata(function.TriggerParameter.Name!, function.TriggerBindingType, BindingDirection.In));
        OutputBindings = function.Trigger == TriggerKind.Http
            ? ImmutableDictionary<string, BindingMetadata>.Empty.Add("$return", new LocalBindingMetadata("$return", "http", BindingDirection.Out))
            : ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly { get; }

    public override string EntryPoint { get; }

    public override string Id { get; }

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }

    private sealed class LocalBindingMetadata(string name, string type, BindingDirection direction) : BindingMetadata
    {
        public override string Name { get; } = name;

        public override string Type { get; } = type;

        public override BindingDirection Direction { get; } = direction;
    }
}
