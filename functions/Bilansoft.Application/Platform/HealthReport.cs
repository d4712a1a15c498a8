namespace Bilansoft.Application.Platform;

/// <summary>Outcome of probing one dependency.</summary>
/// <param name="Name">Dependency name, such as <c>tables</c>.</param>
/// <param name="Healthy">Whether the probe succeeded.</param>
/// <param name="Duration">How long the probe took.</param>
/// <param name="Error">Short reason when unhealthy; never contains secrets.</param>
public sealed record DependencyHealth(string Name, bool Healthy, TimeSpan Duration, string? Error);

/// <summary>Outcome of probing all dependencies.</summary>
public sealed record HealthReport(IReadOnlyList<DependencyHealth> Dependencies)
{
    public bool Healthy => Dependencies.All(d => d.Healthy);
}

/// <summary>Probes the storage services Bilansoft depends on.</summary>
public interface IHealthProbe
{
    Task<HealthReport> CheckAsync(CancellationToken cancellationToken);
}
