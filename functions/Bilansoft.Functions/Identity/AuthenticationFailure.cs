namespace Bilansoft.Functions.Identity;

/// <summary>Why a request's access token was not accepted; the 401 problem says which.</summary>
public enum AuthenticationFailure
{
    /// <summary>No <c>Authorization: Bearer</c> header.</summary>
    Missing,

    /// <summary>The token is not a well-formed JWT.</summary>
    Malformed,

    /// <summary>The token carries no signature (<c>alg: none</c>).</summary>
    MissingSignature,

    /// <summary>The signature does not verify with any trusted key.</summary>
    InvalidSignature,

    /// <summary>The token's lifetime has ended.</summary>
    Expired,

    /// <summary>The token's lifetime has not started yet.</summary>
    NotYetValid,

    /// <summary>The token was issued for another API.</summary>
    InvalidAudience,

    /// <summary>The token comes from an issuer Bilansoft does not trust.</summary>
    InvalidIssuer,

    /// <summary>Any other reason.</summary>
    Invalid,
}
