using System.Text.Json;
using System.Text.Json.Serialization;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Infrastructure.Storage;

/// <summary>
/// Stores identifier value objects as their compact text (<c>BE0123456749</c>) and parses them back
/// with their own <c>Parse</c>, so stored data is checked again when read.
/// </summary>
public sealed class IdentifierJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly Func<string, T> _parse;
    private readonly Func<T, string> _format;

    public IdentifierJsonConverter(Func<string, T> parse, Func<T, string> format)
    {
        _parse = parse;
        _format = format;
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
        try
        {
            return _parse(text);
        }
        catch (FormatException exception)
        {
            throw new JsonException($"Stored {typeof(T).Name} '{text}' is invalid.", exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_format(value));
}

/// <summary>The converters of every identifier value object.</summary>
public static class IdentifierJsonConverters
{
    public static IEnumerable<JsonConverter> All { get; } =
    [
        new IdentifierJsonConverter<Iban>(Iban.Parse, value => value.Value),
        new IdentifierJsonConverter<Bic>(Bic.Parse, value => value.Value),
        new IdentifierJsonConverter<EnterpriseNumber>(EnterpriseNumber.Parse, value => value.Digits),
        new IdentifierJsonConverter<VatNumber>(VatNumber.Parse, value => value.Value),
        new IdentifierJsonConverter<StructuredCommunication>(StructuredCommunication.Parse, value => value.Digits),
    ];
}
