using System.Text.RegularExpressions;
using Bilansoft.Functions.Platform;
using Bilansoft.LocalHost.Catalog;
using Bilansoft.Testing;

namespace Bilansoft.Functions.Tests;

/// <summary>
/// Keeps the Bicep templates in step with the app: every queue a function listens to exists in
/// Service Bus, and every blob function gets its Event Grid subscription after deployment.
/// </summary>
public sealed partial class InfrastructureTemplateTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.FromAssemblies(typeof(BilansoftWorker).Assembly);

    [Fact]
    public void ServiceBusTemplate_HasEveryQueueTheAppListensTo()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app", "servicebus.bicep"));
        var declared = QuotedNames().Matches(template[template.IndexOf("param queueNames", StringComparison.Ordinal)..template.IndexOf(']', template.IndexOf("param queueNames", StringComparison.Ordinal))])
            .Select(m => m.Groups[1].Value)
            .ToHashSet();

        foreach (var function in Catalog.Functions.Where(f => f.Trigger == TriggerKind.ServiceBus))
        {
            Assert.True(declared.Contains(function.QueueName!), $"Queue '{function.QueueName}' of {function.Name} is missing from infra/app/servicebus.bicep.");
        }
    }

    [Fact]
    public void PostDeployHook_SubscribesEveryBlobFunction()
    {
        var hook = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "hooks", "postdeploy.sh"));

        foreach (var function in Catalog.Functions.Where(f => f.Trigger == TriggerKind.Blob))
        {
            Assert.True(hook.Contains($"\"{function.Name}|", StringComparison.Ordinal), $"Blob function {function.Name} has no Event Grid subscription in infra/hooks/postdeploy.sh.");
        }
    }

    [GeneratedRegex(@"'([a-z0-9-]+)'")]
    private static partial Regex QuotedNames();
}
