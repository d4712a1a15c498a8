using System.Text.Json;
using System.Text.Json.Serialization;
using Bilansoft.Application.Peppol;

namespace Bilansoft.Infrastructure.Peppol;

/// <summary>The JSON bodies of the access-point API, as documented in <c>docs/outbound-services.md</c>.</summary>
internal static class PeppolAccessPointContract
{
    public static JsonSerializerOptions Json { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        // Statuses are the strings accepted, delivered and failed. A number or an unknown string breaks the contract.
        options.Converters.Add(new JsonStringEnumConverter<PeppolTransmissionStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Body of <c>POST transmissions</c>.</summary>
internal sealed record SubmitTransmissionRequest(
    string SenderId,
    string ReceiverId,
    string DocumentTypeId,
    string ProcessId,
    string DocumentId,
    string Document);

/// <summary>Body of a transmission in responses to <c>POST transmissions</c> and <c>GET transmissions/{id}</c>.</summary>
internal sealed record TransmissionResponse(
    string? TransmissionId,
    string? DocumentId,
    PeppolTransmissionStatus? Status,
    TransmissionError? Error);

/// <summary>Why a transmission failed, in a <see cref="TransmissionResponse"/> with status <c>failed</c>.</summary>
internal sealed record TransmissionError(string? Code, string? Message);

/// <summary>The members of an RFC 9457 problem document that the client reads from an error response.</summary>
internal sealed record ProblemResponse(string? Code, string? Title);
