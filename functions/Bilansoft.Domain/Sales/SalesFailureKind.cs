namespace Bilansoft.Domain.Sales;

/// <summary>Why a sales operation was rejected, which decides the HTTP status the application returns.</summary>
public enum SalesFailureKind
{
    /// <summary>The input breaks business rules, listed in the violations (HTTP 400).</summary>
    Invalid = 0,

    /// <summary>
    /// The operation does not fit the document's current state, such as changing an issued
    /// document or paying a draft invoice (HTTP 409).
    /// </summary>
    Conflict,
}
