using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests.Sales;

/// <summary>
/// The local host with queue delivery off, so messages the sales functions publish stay in their
/// Storage queue for the tests to read.
/// </summary>
public sealed class SalesFixture : HostFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LocalHost:QueuesEnabled"] = "false",
    };
}
