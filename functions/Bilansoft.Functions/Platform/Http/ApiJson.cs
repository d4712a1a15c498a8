using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// JSON settings of the HTTP API: camelCase names, enums as camelCase strings, amounts as JSON
/// numbers in euro.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the API settings to an options instance owned by ASP.NET Core MVC.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;

        // Problem details carry French, Dutch and German sentences; the API serves JSON only, never
        // HTML, so apostrophes and accents need no escaping.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
