using Bilansoft.Application.Errors;
using Bilansoft.Application.Sales;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bilansoft.Functions.Sales;

/// <summary>
/// Reads the file of an import request into memory: the whole body (any content type), or the
/// first file part of a multipart/form-data body, as a browser form sends it.
/// </summary>
internal static class ImportFileBody
{
    /// <summary>Returns the file's bytes; an empty body gives an empty array.</summary>
    /// <exception cref="ProblemException">
    /// Payload too large above <paramref name="maxBytes"/>; invalid when a form has no file part;
    /// unsupported media type for multipart without a boundary.
    /// </exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(request.ContentLength.Value, maxBytes);
        }

        if (request.ContentType is { } contentType && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadLimitedAsync(await OpenFirstFilePartAsync(request, contentType, cancellationToken), maxBytes, cancellationToken);
        }

        return await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
    }

    private static async Task<Stream> OpenFirstFilePartAsync(HttpRequest request, string contentType, CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new ProblemException(ProblemKind.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, new Dictionary<string, object?>
            {
                ["contentType"] = contentType,
                ["expected"] = "multipart/form-data; boundary=…",
            });
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                return section.Body;
            }
        }

        throw ProblemException.Invalid(SalesErrorCodes.ImportMissingFile, "file");
    }

    // Counts while reading, because a chunked body declares no length.
    private static async Task<byte[]> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(buffer.Length + read, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemException TooLarge(long size, long limit) =>
        new(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?> { ["size"] = size, ["limit"] = limit });
}
