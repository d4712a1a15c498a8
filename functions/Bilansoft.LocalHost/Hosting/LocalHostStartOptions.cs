namespace Bilansoft.LocalHost.Hosting;

/// <summary>How to start the local host; tests use it to run the host in-process.</summary>
public sealed class LocalHostStartOptions
{
    /// <summary>Command-line arguments, such as <c>--urls http://localhost:7072</c>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Settings that override every other configuration source.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Function classes served besides those of the app, for tests of the host itself.</summary>
    public IReadOnlyList<Type> AdditionalFunctionTypes { get; init; } = [];

    /// <summary>Changes to the services after the app registered its own, for example a fixed clock in tests.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Extra logging set-up, for example a provider that captures log lines in tests.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Host environment name; the local host runs as Development unless this or ASPNETCORE_ENVIRONMENT sets another.</summary>
    public string? EnvironmentName { get; init; }
}
