using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bilansoft.Functions.Banking;

/// <summary>
/// Finds the statement file in an upload request: the whole body, or the first file part of a
/// multipart/form-data body. Nothing is buffered; the file is read as it arrives.
/// </summary>
internal static class StatementUploadBody
{
    /// <summary>
    /// Lets the server accept bodies up to the upload limit (Kestrel stops at about 28.6 MiB by
    /// default) and rejects a declared length above it before anything is read.
    /// </summary>
    /// <exception cref="ProblemException">Payload too large when Content-Length is above the limit.</exception>
    public static void PrepareLimit(HttpRequest request)
    {
        if (request.ContentLength > BankingOptions.MaxUploadBytes)
        {
            throw TooLarge(request.ContentLength.Value);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // One byte more than allowed reaches the upload's own counter, which answers 413.
            feature.MaxRequestBodySize = BankingOptions.MaxUploadBytes + 1;
        }
    }

    /// <summary>Returns the file stream and its name (from the part, the Content-Disposition header or <c>?fileName=</c>).</summary>
    public static async Task<(Stream Content, string? FileName)> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            throw new ProblemException(ProblemKind.Validation, ErrorCodes.MissingBody);
        }

        if (request.ContentType is { } contentType && contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await OpenFirstFilePartAsync(request, contentType, cancellationToken);
        }

        var fileName = request.Query["fileName"].ToString();
        if (string.IsNullOrWhiteSpace(fileName)
            && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
        {
            fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        }

        return (request.Body, fileName);
    }

    /// <summary>Creates the 413 problem of an upload of <paramref name="size"/> bytes.</summary>
    public static ProblemException TooLarge(long size) =>
        new(ProblemKind.PayloadTooLarge, ErrorCodes.PayloadTooLarge, new Dictionary<string, object?>
        {
            ["size"] = size,
            ["limit"] = BankingOptions.MaxUploadBytes,
        });

    private static async Task<(Stream Content, string? FileName)> OpenFirstFilePartAsync(HttpRequest request, string contentType, CancellationToken cancellationToken)
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
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
                return (section.Body, HeaderUtilities.RemoveQuotes(name).Value);
            }
        }

        throw ProblemException.Invalid(BankingErrorCodes.MissingFile, "file");
    }
}
