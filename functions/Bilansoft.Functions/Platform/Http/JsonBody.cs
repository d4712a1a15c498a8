using System.Text.Json;
using Bilansoft.Application.Errors;
using Microsoft.AspNetCore.Http;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// Reads JSON request bodies. Malformed JSON becomes a 400 problem that names the line, position
/// and JSON path of the error; an empty body, a non-JSON content type or an oversize body get their
/// own problems.
/// </summary>
public static class JsonBody
{
    /// <summary>Largest JSON body accepted (4 MiB): a 1,000-line invoice is about 300 KB.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(ProblemKind.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, new Dictionary<string, object?>
            {
                ["contentType"] = contentType,
                ["expected"] = "application/json",
            });
        }

        if (request.ContentLength > MaxBytes)
        {
            throw new ProblemException(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
            {
                ["size"] = request.ContentLength,
                ["limit"] = MaxBytes,
            });
        }

        using var buffer = new MemoryStream();
        await CopyLimitedAsync(request.Body, buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new ProblemException(ProblemKind.Validation, ErrorCodes.MissingBody);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJson.Options)
                ?? throw new ProblemException(ProblemKind.Validation, ErrorCodes.MissingBody);
        }
        catch (JsonException exception) when (ExpectedType(exception, typeof(T)) is { } expected)
        {
            throw new ProblemException(
                ProblemKind.Validation,
                ErrorCodes.JsonValueInvalid,
                new Dictionary<string, object?>
                {
                    ["path"] = exception.Path ?? "$",
                    ["expected"] = expected,
                },
                innerException: exception);
        }
        catch (JsonException exception)
        {
            throw new ProblemException(
                ProblemKind.Validation,
                ErrorCodes.MalformedJson,
                new Dictionary<string, object?>
                {
                    ["line"] = (exception.LineNumber ?? 0) + 1,
                    ["position"] = (exception.BytePositionInLine ?? 0) + 1,
                    ["path"] = exception.Path ?? "$",
                },
                innerException: exception);
        }
    }

    // System.Text.Json reports a value of the wrong type as "could not be converted to", naming the
    // containing type, so the expected kind is found by following the JSON path through the request type.
    private static string? ExpectedType(JsonException exception, Type root)
    {
        if (!exception.Message.Contains("could not be converted to", StringComparison.Ordinal) || exception.Path is null)
        {
            return null;
        }

        var type = root;
        foreach (System.Text.RegularExpressions.Match segment in System.Text.RegularExpressions.Regex.Matches(exception.Path, @"\.(\w+)|\['([^']+)'\]|\[(\d+)\]"))
        {
            if (segment.Groups[3].Success)
            {
                type = ElementType(type);
            }
            else
            {
                var name = segment.Groups[1].Success ? segment.Groups[1].Value : segment.Groups[2].Value;
                type = type.GetProperties().FirstOrDefault(property => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }

            if (type is null)
            {
                return null;
            }
        }

        return Describe(Nullable.GetUnderlyingType(type) ?? type);
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Describe(Type type)
    {
        if (type.IsEnum)
        {
            return "\"" + string.Join("\", \"", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)) + "\"";
        }

        if (type == typeof(string))
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "true/false";
        }

        if (type == typeof(DateOnly))
        {
            return "date (yyyy-MM-dd)";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "date-time (ISO 8601)";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "number";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "whole number";
        }

        return ElementType(type) is not null ? "array" : "object";
    }

    private static async Task CopyLimitedAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > MaxBytes)
            {
                throw new ProblemException(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
                {
                    ["size"] = target.Length + read,
                    ["limit"] = MaxBytes,
                });
            }

            target.Write(chunk, 0, read);
        }
    }
}
