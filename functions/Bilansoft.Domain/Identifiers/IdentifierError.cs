namespace Bilansoft.Domain.Identifiers;

/// <summary>
/// Reason why a text is not a valid identifier. The application layer turns each reason into a
/// localised message that names the field and the rejected value.
/// </summary>
public enum IdentifierError
{
    /// <summary>The text is valid; used as the error of a successful parse.</summary>
    None = 0,

    /// <summary>The text is null, empty or only white space.</summary>
    Missing,

    /// <summary>The text contains characters the identifier does not allow, or has the wrong shape.</summary>
    InvalidFormat,

    /// <summary>The text has the right characters but the wrong number of them.</summary>
    InvalidLength,

    /// <summary>The check digits do not match the rest of the identifier.</summary>
    InvalidChecksum,

    /// <summary>The country prefix is unknown or not supported for this identifier.</summary>
    UnsupportedCountry,
}
