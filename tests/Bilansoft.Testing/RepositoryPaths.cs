using Bilansoft.LocalHost.Hosting;

namespace Bilansoft.Testing;

/// <summary>Locates the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder with <c>package.json</c> and the solution).</summary>
    public static string Root { get; } =
        AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No repository root with package.json above {AppContext.BaseDirectory}.");
}
