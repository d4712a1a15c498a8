using Bilansoft.Application.Platform;
using Microsoft.AspNetCore.Authorization;
using Bilansoft.Functions.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Health;

/// <summary>Reports whether Bilansoft can reach its storage; used by probes and load balancers.</summary>
public sealed class HealthFunctions
{
    private readonly IHealthProbe _probe;

    public HealthFunctions(IHealthProbe probe) => _probe = probe;

    /// <summary>Reports whether table, blob and queue storage answer: 200 when all do, else 503.</summary>
    [Function("GetHealth")]
    [ProducesResponseType<HealthResponse>(200)]
    [ProducesResponseType<HealthResponse>(503)]
    [AllowAnonymous]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await _probe.CheckAsync(cancellationToken);

        var body = new HealthResponse(
            report.Healthy ? "healthy" : "unhealthy",
            report.Dependencies.ToDictionary(
                dependency => dependency.Name,
                dependency => new DependencyStatus(
                    dependency.Healthy ? "healthy" : "unhealthy",
                    (long)dependency.Duration.TotalMilliseconds,
                    dependency.Error)));
        return new ObjectResult(body) { StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }

    public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, DependencyStatus> Storage);

    public sealed record DependencyStatus(string Status, long DurationMs, string? Error);
}
