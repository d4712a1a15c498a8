namespace Bilansoft.Application.Peppol;

/// <summary>The access point's record of one submitted document.</summary>
/// <param name="TransmissionId">The access point's id of the transmission.</param>
/// <param name="Status">How far the transmission got.</param>
/// <param name="FailureCode">The access point's error code when <see cref="Status"/> is <see cref="PeppolTransmissionStatus.Failed"/>.</param>
/// <param name="FailureMessage">The access point's explanation of the failure, for support staff; it is not logged.</param>
public sealed record PeppolTransmission(
    string TransmissionId,
    PeppolTransmissionStatus Status,
    string? FailureCode = null,
    string? FailureMessage = null);

/// <summary>State of a transmission at the access point.</summary>
public enum PeppolTransmissionStatus
{
    /// <summary>The access point accepted the document and has not yet delivered it.</summary>
    Accepted,

    /// <summary>The receiver's access point confirmed receipt (AS4 receipt).</summary>
    Delivered,

    /// <summary>Delivery failed for good, for example because the receiver's access point rejected the document.</summary>
    Failed,
}
