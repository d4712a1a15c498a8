using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.LocalHost.Invocation;

/// <summary>What fired a function: the value bound to its trigger parameter comes from here.</summary>
internal abstract record TriggerInput
{
    public sealed record Http(HttpRequest Request) : TriggerInput;

    public sealed record Timer(TimerInfo Info) : TriggerInput;

    /// <summary>A queue message; <paramref name="Body"/> is the message text (an envelope as JSON).</summary>
    public sealed record Message(string Body) : TriggerInput;

    public sealed record Blob(BlobClient Client) : TriggerInput;
}
