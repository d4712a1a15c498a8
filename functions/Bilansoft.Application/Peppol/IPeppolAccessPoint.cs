namespace Bilansoft.Application.Peppol;

/// <summary>
/// The Peppol access point that sends our UBL documents over the Peppol network and reports how
/// each transmission went.
/// </summary>
public interface IPeppolAccessPoint
{
    /// <summary>
    /// Hands a document to the access point. Submitting the same <see cref="PeppolSubmission.DocumentId"/>
    /// again returns the first transmission instead of sending the document twice, so a failed step
    /// can simply submit again.
    /// </summary>
    /// <exception cref="PeppolAccessPointException">The access point rejected the document or stayed unreachable.</exception>
    Task<PeppolTransmission> SubmitAsync(PeppolSubmission submission, CancellationToken cancellationToken);

    /// <summary>Reads the current state of a transmission.</summary>
    /// <exception cref="PeppolAccessPointException">The transmission is unknown, or the access point stayed unreachable.</exception>
    Task<PeppolTransmission> GetTransmissionAsync(string transmissionId, CancellationToken cancellationToken);
}
