using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Platform;

/// <summary>Reads trigger facts from a <see cref="FunctionContext"/> the same way in Azure and on the local host.</summary>
public static class FunctionContextExtensions
{
    public const string HttpTrigger = "httpTrigger";
    public const string ServiceBusTrigger = "serviceBusTrigger";
    public const string TimerTrigger = "timerTrigger";
    public const string BlobTrigger = "blobTrigger";

    /// <summary>The binding type of the function's trigger, such as <c>httpTrigger</c>.</summary>
    public static string? TriggerType(this FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values
            .FirstOrDefault(binding => binding.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))?.Type;

    public static bool IsTrigger(this FunctionContext context, string triggerType) =>
        string.Equals(context.TriggerType(), triggerType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A binding-data value as a string (route parameters of HTTP triggers, MessageId of Service Bus
    /// triggers), or null when absent. The Functions host sends some values JSON-quoted; the quotes
    /// are removed.
    /// </summary>
    public static string? BindingValue(this FunctionContext context, string name)
    {
        foreach (var (key, value) in context.BindingContext.BindingData)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase) || value is null)
            {
                continue;
            }

            var text = value.ToString();
            return text is { Length: >= 2 } && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
        }

        return null;
    }
}
