using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.LocalHost.Hosting;
using Bilansoft.LocalHost.Invocation;
using Microsoft.Extensions.Options;

namespace Bilansoft.LocalHost.Triggers;

/// <summary>
/// Feeds blob functions by scanning the container paths they watch. Each blob version (name and
/// ETag) is processed once: a receipt in the <c>blobreceipts</c> table records it, so a restart does
/// not process it again. A blob that keeps failing is given up after
/// <see cref="LocalHostOptions.MaxBlobAttempts"/> attempts, like the Functions host's poison handling.
/// </summary>
/// <remarks>
/// NOTE: Every scan lists all blobs under the watched prefix, which suits local work; in Azure the
/// blob trigger is driven by Event Grid instead.
/// </remarks>
internal sealed partial class BlobTriggerService : BackgroundService
{
    /// <summary>Table of blob receipts; only the local host writes it.</summary>
    public const string ReceiptTable = "blobreceipts";

    private const string Done = "done";
    private const string GivenUp = "given-up";

    private readonly FunctionCatalog _catalog;
    private readonly InvocationRunner _runner;
    private readonly StorageClients _storage;
    private readonly IConfiguration _configuration;
    private readonly LocalHostOptions _options;
    private readonly ILogger<BlobTriggerService> _logger;

    public BlobTriggerService(
        FunctionCatalog catalog,
        InvocationRunner runner,
        StorageClients storage,
        IConfiguration configuration,
        IOptions<LocalHostOptions> options,
        ILogger<BlobTriggerService> logger)
    {
        _catalog = catalog;
        _runner = runner;
        _storage = storage;
        _configuration = configuration;
        _options = options.Value;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.BlobsEnabled)
        {
            return Task.CompletedTask;
        }

        var watchers = _catalog.Functions.Where(f => f.Trigger == TriggerKind.Blob).ToList();
        return Task.WhenAll(watchers.Select(function => WatchAsync(function, stoppingToken)));
    }

    private async Task WatchAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var pattern = BlobPathPattern.Parse(SettingReference.Resolve(function.BlobPath!, _configuration));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(function, pattern, stoppingToken);
                await Task.Delay(_options.BlobPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
            {
                LogScanFailed(_logger, exception, function.Name);
                await Task.Delay(_options.BlobPollInterval * 2, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ScanAsync(FunctionDescriptor function, BlobPathPattern pattern, CancellationToken stoppingToken)
    {
        var container = await _storage.ContainerAsync(pattern.Container, stoppingToken);
        var receipts = await _storage.TableAsync(ReceiptTable, stoppingToken);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, pattern.Prefix, stoppingToken))
        {
            var parameters = pattern.Match(blob.Name);
            if (parameters is null)
            {
                continue;
            }

            var rowKey = RowKeys.Escape(blob.Name) + RowKeys.Separator + blob.Properties.ETag;
            var receipt = await receipts.GetEntityIfExistsAsync<TableEntity>(function.Name, rowKey, cancellationToken: stoppingToken);
            if (receipt.HasValue && receipt.Value!.GetString("State") is Done or GivenUp)
            {
                continue;
            }

            var attempts = (receipt.HasValue ? receipt.Value!.GetInt32("Attempts") : null) ?? 0;
            parameters["BlobTrigger"] = $"{pattern.Container}/{blob.Name}";
            await ProcessAsync(function, container.GetBlobClient(blob.Name), parameters, receipts, rowKey, attempts, stoppingToken);
        }
    }

    private async Task ProcessAsync(
        FunctionDescriptor function,
        Azure.Storage.Blobs.BlobClient blob,
        Dictionary<string, object?> bindingData,
        TableClient receipts,
        string rowKey,
        int attempts,
        CancellationToken stoppingToken)
    {
        var entity = new TableEntity(function.Name, rowKey) { ["BlobName"] = blob.Name };
        try
        {
            await _runner.RunAsync(function, new TriggerInput.Blob(blob), bindingData, stoppingToken);
            entity["State"] = Done;
            entity["Attempts"] = attempts + 1;
            await receipts.UpsertEntityAsync(entity, TableUpdateMode.Replace, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            attempts++;
            entity["Attempts"] = attempts;
            entity["State"] = attempts >= _options.MaxBlobAttempts ? GivenUp : "failed";
            await receipts.UpsertEntityAsync(entity, TableUpdateMode.Replace, CancellationToken.None);
            if (attempts >= _options.MaxBlobAttempts)
            {
                LogGivenUp(_logger, exception, blob.Name, function.Name, attempts);
            }
            else
            {
                LogRetrying(_logger, exception, blob.Name, function.Name, attempts);
            }
        }
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Blob {BlobName} failed in {FunctionName} (attempt {Attempt}); retrying on the next scan")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string blobName, string functionName, int attempt);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Blob {BlobName} failed in {FunctionName} {Attempts} times; given up")]
    private static partial void LogGivenUp(ILogger logger, Exception exception, string blobName, string functionName, int attempts);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Scanning blobs for {FunctionName} failed; trying again")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string functionName);
}
