using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.LocalHost.Invocation;

/// <summary>
/// Collects the worker middleware the app registers (through the same
/// <see cref="IFunctionsWorkerApplicationBuilder"/> calls the Functions worker receives) and
/// composes it around the local host's function invocation.
/// </summary>
internal sealed class WorkerPipeline : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];

    public WorkerPipeline(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    public int Count => _middleware.Count;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Builds the delegate that runs every middleware, first registered outermost, then <paramref name="terminal"/>.</summary>
    public FunctionExecutionDelegate Build(FunctionExecutionDelegate terminal)
    {
        var next = terminal;
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            next = _middleware[i](next);
        }

        return next;
    }
}
