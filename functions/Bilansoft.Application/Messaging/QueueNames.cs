namespace Bilansoft.Application.Messaging;

/// <summary>
/// Names of the queues that chain workflow steps, one queue per step. The same names are Service
/// Bus queues in Azure (see infra/app/servicebus.bicep) and Storage queues on the local host.
/// </summary>
public static class QueueNames
{
    /// <summary>Suffix of the queue that receives messages which failed too often on the local host.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Match step of bank statements: payload <c>{ "importId": "…" }</c> of an import that is processed.</summary>
    public const string BankStatementImported = "bank-statement-imported";
}
