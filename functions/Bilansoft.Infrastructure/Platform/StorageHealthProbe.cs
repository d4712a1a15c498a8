using System.Diagnostics;
using Azure;
using Bilansoft.Application.Platform;
using Bilansoft.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Platform;

/// <summary>
/// Probes table, blob and queue storage with one cheap listing call each, without retries, so an
/// outage shows within the timeout instead of after the SDK's retry back-off.
/// </summary>
public sealed class StorageHealthProbe : IHealthProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly StorageClients _clients;

    public StorageHealthProbe(IOptions<StorageOptions> options) => _clients = new StorageClients(options.Value, maxRetries: 0);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(
            ProbeAsync("tables", async token =>
            {
                await foreach (var _ in _clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages(pageSizeHint: 1))
                {
                    break;
                }
            }, cancellationToken),
            ProbeAsync("blobs", async token =>
            {
                await foreach (var _ in _clients.Blobs.GetBlobContainersAsync(cancellationToken: token).AsPages(pageSizeHint: 1))
                {
                    break;
                }
            }, cancellationToken),
            ProbeAsync("queues", async token =>
            {
                await foreach (var _ in _clients.Queues.GetQueuesAsync(cancellationToken: token).AsPages(pageSizeHint: 1))
                {
                    break;
                }
            }, cancellationToken));

        return new HealthReport(results);
    }

    private static async Task<DependencyHealth> ProbeAsync(string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await probe(timeout.Token);
            return new DependencyHealth(name, true, stopwatch.Elapsed, null);
        }
        catch (RequestFailedException exception)
        {
            return new DependencyHealth(name, false, stopwatch.Elapsed, $"HTTP {exception.Status} {exception.ErrorCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DependencyHealth(name, false, stopwatch.Elapsed, $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is HttpRequestException or AggregateException or IOException)
        {
            return new DependencyHealth(name, false, stopwatch.Elapsed, exception.GetType().Name);
        }
    }
}
