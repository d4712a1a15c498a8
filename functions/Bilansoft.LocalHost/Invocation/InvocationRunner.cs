using Bilansoft.LocalHost.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.LocalHost.Invocation;

/// <summary>
/// Runs one invocation of a non-HTTP function in its own service scope, as the worker does for
/// each invocation.
/// </summary>
internal sealed class InvocationRunner
{
    private readonly IServiceScopeFactory _scopes;
    private readonly FunctionInvoker _invoker;

    public InvocationRunner(IServiceScopeFactory scopes, FunctionInvoker invoker)
    {
        _scopes = scopes;
        _invoker = invoker;
    }

    public async Task<object?> RunAsync(
        FunctionDescriptor function,
        TriggerInput input,
        IReadOnlyDictionary<string, object?> bindingData,
        CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = new LocalFunctionContext(function, scope.ServiceProvider, bindingData, cancellationToken);
        return await _invoker.InvokeAsync(context, input);
    }
}
