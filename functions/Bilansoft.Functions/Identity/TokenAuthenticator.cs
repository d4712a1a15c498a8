using System.Security.Claims;
using Bilansoft.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bilansoft.Functions.Identity;

/// <summary>
/// Validates the bearer token of a request against every configured scheme (Entra ID, Entra
/// External ID, and the development issuer in Development) with the ASP.NET Core JWT bearer
/// handler, and turns the result into a <see cref="Caller"/> or a failure reason.
/// </summary>
public sealed class TokenAuthenticator
{
    private readonly IReadOnlyList<string> _schemes;

    public TokenAuthenticator(AuthenticationSchemeList schemes) => _schemes = schemes.Names;

    public async Task<(Caller? Caller, AuthenticationFailure Failure)> AuthenticateAsync(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, AuthenticationFailure.Missing);
        }

        var token = header[7..].Trim();
        if (IsUnsigned(token))
        {
            return (null, AuthenticationFailure.MissingSignature);
        }

        var failures = new List<Exception>();
        foreach (var scheme in _schemes)
        {
            var result = await httpContext.AuthenticateAsync(scheme);
            if (result.Succeeded && result.Principal is { } principal && ToCaller(principal) is { } caller)
            {
                httpContext.User = principal;
                return (caller, default);
            }

            if (result.Failure is not null)
            {
                failures.Add(result.Failure);
            }
        }

        return (null, Classify(failures));
    }

    /// <summary>Reads the user from validated claims, under their plain or mapped claim names.</summary>
    public static Caller? ToCaller(ClaimsPrincipal principal)
    {
        var userId = Find(principal, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?? Find(principal, "sub", ClaimTypes.NameIdentifier);
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        var email = Find(principal, "email", ClaimTypes.Email, "emails");
        if (email is null && Find(principal, "preferred_username") is { } username && username.Contains('@', StringComparison.Ordinal))
        {
            email = username;
        }

        return new Caller(userId, Find(principal, "name", ClaimTypes.Name), email);
    }

    private static string? Find(ClaimsPrincipal principal, params string[] types) =>
        types.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    private static bool IsUnsigned(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            return string.Equals(jwt.Alg, SecurityAlgorithms.None, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(jwt.EncodedSignature);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return false;
        }
    }

    // With several schemes every one reports a failure; the most telling one wins, because a token
    // of the development issuer is also rejected by Entra for its issuer.
    private static AuthenticationFailure Classify(List<Exception> failures)
    {
        var reasons = failures.Select(Reason).ToList();
        foreach (var preferred in new[]
        {
            AuthenticationFailure.Expired,
            AuthenticationFailure.NotYetValid,
            AuthenticationFailure.InvalidAudience,
            AuthenticationFailure.InvalidSignature,
            AuthenticationFailure.InvalidIssuer,
            AuthenticationFailure.Malformed,
        })
        {
            if (reasons.Contains(preferred))
            {
                return preferred;
            }
        }

        return AuthenticationFailure.Invalid;
    }

    private static AuthenticationFailure Reason(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => AuthenticationFailure.Expired,
        SecurityTokenNotYetValidException => AuthenticationFailure.NotYetValid,
        SecurityTokenInvalidAudienceException => AuthenticationFailure.InvalidAudience,
        SecurityTokenInvalidIssuerException => AuthenticationFailure.InvalidIssuer,
        SecurityTokenSignatureKeyNotFoundException => AuthenticationFailure.InvalidSignature,
        SecurityTokenInvalidSignatureException => AuthenticationFailure.InvalidSignature,
        SecurityTokenMalformedException => AuthenticationFailure.Malformed,
        ArgumentException => AuthenticationFailure.Malformed,
        _ when failure.InnerException is { } inner => Reason(inner),
        _ => AuthenticationFailure.Invalid,
    };
}

/// <summary>The authentication schemes configured for this app, in the order they are tried.</summary>
public sealed record AuthenticationSchemeList(IReadOnlyList<string> Names);
