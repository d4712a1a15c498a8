using System.Text.Json;

namespace Bilansoft.Application.Messaging;

/// <summary>
/// A message between workflow steps. The body of every queue message is this envelope as JSON, so
/// the id, organisation and correlation travel with the message whatever the transport (Service Bus
/// in Azure, Storage queues on the local host).
/// </summary>
/// <param name="Id">
/// Unique message id. Publishing the same id twice is allowed; handlers process an id once.
/// </param>
/// <param name="Type">Message type, for example <c>invoice-issued</c>.</param>
/// <param name="OrganisationId">Organisation whose data the message is about.</param>
/// <param name="CorrelationId">Correlation id of the request or timer run that caused it.</param>
/// <param name="CreatedAt">When the message was created (UTC).</param>
/// <param name="Payload">Type-specific content.</param>
public sealed record MessageEnvelope(
    string Id,
    string Type,
    string OrganisationId,
    string CorrelationId,
    DateTimeOffset CreatedAt,
    JsonElement Payload)
{
    /// <summary>Creates an envelope with the payload serialised with <see cref="MessageJson.Options"/>.</summary>
    public static MessageEnvelope Create<TPayload>(
        string id, string type, string organisationId, string correlationId, DateTimeOffset createdAt, TPayload payload) =>
        new(id, type, organisationId, correlationId, createdAt, JsonSerializer.SerializeToElement(payload, MessageJson.Options));

    /// <summary>Reads the payload as <typeparamref name="TPayload"/>.</summary>
    /// <exception cref="JsonException">The payload does not match the type.</exception>
    public TPayload ReadPayload<TPayload>() =>
        Payload.Deserialize<TPayload>(MessageJson.Options)
        ?? throw new JsonException($"Message {Id} of type {Type} has an empty payload.");

    /// <summary>Serialises the envelope as the UTF-8 JSON body of a queue message.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, MessageJson.Options);

    /// <summary>Reads an envelope from a queue message body.</summary>
    /// <exception cref="JsonException">The body is not an envelope.</exception>
    public static MessageEnvelope FromJson(string json) =>
        JsonSerializer.Deserialize<MessageEnvelope>(json, MessageJson.Options)
        ?? throw new JsonException("The message body is empty.");
}

/// <summary>JSON settings shared by every queue message: camelCase, enums as strings.</summary>
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
