using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bilansoft.Functions.Identity;

/// <summary>
/// Issues signed access tokens for local work and tests, so they use real JWT validation instead of
/// a bypass. Registered only when the host environment is Development. The RSA key is created when
/// the process starts, so tokens stop working after a restart.
/// </summary>
public sealed class DevelopmentTokenIssuer : IDisposable
{
    public const string Issuer = "https://bilansoft.localhost/dev-issuer";
    public const string Audience = "api://bilansoft-dev";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly TimeProvider _clock;

    public DevelopmentTokenIssuer(TimeProvider clock)
    {
        _clock = clock;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "bilansoft-dev-" + Guid.NewGuid().ToString("N")[..8] };
    }

    /// <summary>The key tokens are signed with and validated against.</summary>
    public SecurityKey SigningKey { get; }

    /// <summary>Creates a token for a user with the given subject, name and e-mail address.</summary>
    public string CreateToken(string subject, string? name, string? email, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (!string.IsNullOrWhiteSpace(name))
        {
            claims.Add(new Claim("name", name));
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            claims.Add(new Claim("email", email));
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        return CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (lifetime ?? DefaultLifetime),
        });
    }

    /// <summary>
    /// Signs a token from a descriptor, filling in issuer, audience and signing key when the
    /// descriptor leaves them empty; tests use it to build expired or foreign tokens.
    /// </summary>
    public string CreateToken(SecurityTokenDescriptor descriptor)
    {
        descriptor.Issuer ??= Issuer;
        descriptor.Audience ??= Audience;
        descriptor.SigningCredentials ??= new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
