using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// JSON settings for bodies stored in table rows and blobs. Decimals are written as exact JSON
/// numbers, so amounts survive a round trip unchanged.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        foreach (var converter in IdentifierJsonConverters.All)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
