namespace Bilansoft.Application.Peppol;

/// <summary>A UBL document to send over Peppol, with the envelope data the access point needs.</summary>
/// <param name="Sender">The seller's participant id (BT-34, seller electronic address).</param>
/// <param name="Receiver">The buyer's participant id (BT-49, buyer electronic address).</param>
/// <param name="DocumentTypeId">The Peppol document type identifier, such as <see cref="PeppolBisBilling.InvoiceDocumentTypeId"/>.</param>
/// <param name="ProcessId">The Peppol process identifier, such as <see cref="PeppolBisBilling.ProcessId"/>.</param>
/// <param name="DocumentId">
/// Our id of the document. It is the submission's idempotency key, so it must stay the same on
/// every retry of one document and differ between documents.
/// </param>
/// <param name="Document">The UBL XML as UTF-8 bytes.</param>
public sealed record PeppolSubmission(
    PeppolParticipantId Sender,
    PeppolParticipantId Receiver,
    string DocumentTypeId,
    string ProcessId,
    string DocumentId,
    ReadOnlyMemory<byte> Document);
