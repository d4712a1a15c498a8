using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Bilansoft.LocalHost.Hosting;

/// <summary>
/// Runs Azurite, the Azure Storage emulator pinned in the repository's <c>package.json</c>, on free
/// loopback ports. Installs it with <c>npm ci</c> when <c>node_modules</c> lacks it. Disposing stops
/// the process.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // The well-known development account that Azurite serves; it is public and grants nothing elsewhere.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteProcess(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort, string? dataDirectory)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        DataDirectory = dataDirectory;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>Where Azurite keeps its data, or null when it keeps it in memory.</summary>
    public string? DataDirectory { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>A connection string for all three services of this Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Starts Azurite from <paramref name="repositoryRoot"/>, keeping data in
    /// <paramref name="dataDirectory"/>, or in memory when it is null.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await InstallAsync(repositoryRoot, logger, cancellationToken);
        }

        var arguments = new List<string>
        {
            script,
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            // The Azure SDK may use a newer storage API version than this Azurite release supports.
            "--skipApiVersionCheck",
            "--disableProductStyleUrl",
            "--silent",
        };
        if (dataDirectory is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            arguments.AddRange(["--location", dataDirectory]);
        }

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, output, ports, ready);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, output, ports, ready);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited during start-up:{Environment.NewLine}{Snapshot(output)}"));

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("Node.js was not found on PATH; the local host needs Node.js 20 or later to run Azurite.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }

        var azurite = new AzuriteProcess(process, output, ports["Blob"], ports["Queue"], ports["Table"], dataDirectory);
        LogStarted(logger, azurite.BlobPort, azurite.QueuePort, azurite.TablePort, dataDirectory ?? "memory");
        return azurite;
    }

    /// <summary>
    /// Finds the repository root: the first folder, going up from <paramref name="start"/>, with a
    /// <c>package.json</c> that lists Azurite.
    /// </summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var packageJson = Path.Combine(directory.FullName, "package.json");
            if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        try
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Killed but not yet reaped; the operating system finishes it.
        }

        _process.Dispose();
    }

    /// <summary>The last lines Azurite printed, for error messages.</summary>
    public string RecentOutput() => Snapshot(_output);

    private static async Task InstallAsync(string repositoryRoot, ILogger logger, CancellationToken cancellationToken)
    {
        var hasLockFile = File.Exists(Path.Combine(repositoryRoot, "package-lock.json"));
        var npmArguments = hasLockFile ? "ci --no-audit --no-fund" : "install --no-audit --no-fund";
        LogInstalling(logger, repositoryRoot, npmArguments);

        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd", $"/c npm {npmArguments}")
            : new ProcessStartInfo("npm", npmArguments);
        startInfo.WorkingDirectory = repositoryRoot;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;

        using var npm = Process.Start(startInfo) ?? throw new InvalidOperationException("npm could not be started; install Node.js 20 or later.");
        var standardOutput = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm {npmArguments}' failed with exit code {npm.ExitCode} in {repositoryRoot}; run it by hand to see why.{Environment.NewLine}{await standardError}{await standardOutput}");
        }
    }

    private static void OnOutput(string? line, StringBuilder output, Dictionary<string, int> ports, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > 16_000)
            {
                output.Remove(0, output.Length - 8_000);
            }

            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                {
                    ready.TrySetResult();
                }
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The process has already exited.
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Azurite listens on blob port {BlobPort}, queue port {QueuePort}, table port {TablePort}; data in {DataLocation}")]
    private static partial void LogStarted(ILogger logger, int blobPort, int queuePort, int tablePort, string dataLocation);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Azurite is not installed in {RepositoryRoot}; running npm {NpmArguments}")]
    private static partial void LogInstalling(ILogger logger, string repositoryRoot, string npmArguments);
}
