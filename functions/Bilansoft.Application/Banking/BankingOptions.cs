namespace Bilansoft.Application.Banking;

/// <summary>Limits of statement imports, from the <c>Banking</c> settings section.</summary>
public sealed class BankingOptions
{
    public const string SectionName = "Banking";

    /// <summary>Largest statement upload accepted: 50 MiB, about 400,000 CODA records.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>
    /// How long a parse attempt holds an import without writing. Each write batch renews it; a
    /// retry after a crash waits for it to pass before taking the import over. Default 2 minutes.
    /// </summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(2);
}
