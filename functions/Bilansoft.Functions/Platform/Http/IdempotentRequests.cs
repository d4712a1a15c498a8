using System.Security.Cryptography;
using System.Text.Json;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace Bilansoft.Functions.Platform.Http;

/// <summary>
/// Runs a POST function once per <c>Idempotency-Key</c>: the first request runs and its response is
/// stored; a retry with the same key and body gets that response again (with
/// <c>Idempotent-Replayed: true</c>) and changes nothing. Every POST of the API goes through it,
/// except the development token endpoint and signed webhooks, which have their own protection.
/// </summary>
public sealed class IdempotentRequests
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string InvalidKeyCode = "idempotency-key-invalid";
    public const string KeyReusedCode = "idempotency-key-reused";
    public const string InProgressCode = "idempotency-key-in-progress";

    private readonly IIdempotencyStore _store;

    public IdempotentRequests(IIdempotencyStore store) => _store = store;

    public async Task<IActionResult> ExecuteAsync(HttpRequest request, FunctionContext context, Func<Task<IActionResult>> handler, CancellationToken cancellationToken)
    {
        var key = request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await handler();
        }

        if (key.Length > 255 || key.Any(c => c is < '!' or > '~'))
        {
            throw ProblemException.Invalid(InvalidKeyCode, "Idempotency-Key", new Dictionary<string, object?> { ["length"] = key.Length });
        }

        var scope = Scope(context);
        var fingerprint = await FingerprintAsync(request, cancellationToken);
        switch (await _store.TryBeginAsync(scope, key, fingerprint, cancellationToken))
        {
            case IdempotencyClaim.Completed completed:
                return new StoredResponseResult(completed.Response);
            case IdempotencyClaim.InProgress:
                throw ProblemException.Conflict(InProgressCode);
            case IdempotencyClaim.Mismatch:
                throw new ProblemException(ProblemKind.Validation, KeyReusedCode);
        }

        IActionResult result;
        try
        {
            result = await handler();
        }
        catch
        {
            await _store.AbandonAsync(scope, key, CancellationToken.None);
            throw;
        }

        var stored = Capture(result, request.HttpContext.Response);
        if (stored.StatusCode >= 500)
        {
            await _store.AbandonAsync(scope, key, CancellationToken.None);
        }
        else
        {
            await _store.CompleteAsync(scope, key, stored, CancellationToken.None);
        }

        return result;
    }

    // Keys belong to the caller and organisation, so two users may pick the same key.
    private static string Scope(FunctionContext context)
    {
        var caller = context.GetCaller();
        return $"{caller.UserId}|{context.BindingValue("orgId") ?? "-"}";
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static StoredResponse Capture(IActionResult result, HttpResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.Headers.ETag.Count > 0)
        {
            headers["ETag"] = response.Headers.ETag.ToString();
        }

        switch (result)
        {
            case CreatedResult created:
                if (created.Location is not null)
                {
                    headers["Location"] = created.Location;
                }

                return new StoredResponse(created.StatusCode ?? StatusCodes.Status201Created, "application/json", Json(created.Value), headers);
            case ObjectResult objectResult:
                return new StoredResponse(objectResult.StatusCode ?? StatusCodes.Status200OK, "application/json", Json(objectResult.Value), headers);
            case FileContentResult file:
                return new StoredResponse(StatusCodes.Status200OK, file.ContentType, file.FileContents, headers);
            case IStatusCodeActionResult status:
                return new StoredResponse(status.StatusCode ?? StatusCodes.Status200OK, null, [], headers);
            default:
                return new StoredResponse(StatusCodes.Status200OK, null, [], headers);
        }
    }

    private static byte[] Json(object? value) => value is null ? [] : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), ApiJson.Options);

    /// <summary>Writes a stored response again.</summary>
    private sealed class StoredResponseResult(StoredResponse stored) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = stored.StatusCode;
            foreach (var (name, value) in stored.Headers)
            {
                response.Headers[name] = value;
            }

            response.Headers[ReplayedHeader] = "true";
            if (stored.ContentType is not null)
            {
                response.ContentType = stored.ContentType;
            }

            if (stored.Body.Length > 0)
            {
                await response.Body.WriteAsync(stored.Body);
            }
        }
    }
}
