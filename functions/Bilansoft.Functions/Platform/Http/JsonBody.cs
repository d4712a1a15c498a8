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
