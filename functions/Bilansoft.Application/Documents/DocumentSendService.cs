using Bilansoft.Application.Catalog;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Platform;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;

namespace Bilansoft.Application.Documents;

/// <summary>
/// Sends or resends an issued invoice or credit note by hand, and reads documents and their files
/// for the API.
/// </summary>
public sealed class DocumentSendService
{
    private static readonly Dictionary<string, DocumentChannel> ChannelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = DocumentChannel.Email,
        ["peppol"] = DocumentChannel.Peppol,
    };

    private readonly ISalesDocumentReader _documents;
    private readonly ICustomerStore _customers;
    private readonly IOrganisationStore _organisations;
    private readonly DocumentRenderer _renderer;
    private readonly DocumentDeliveries _deliveries;

    public DocumentSendService(
        ISalesDocumentReader documents,
        ICustomerStore customers,
        IOrganisationStore organisations,
        DocumentRenderer renderer,
        DocumentDeliveries deliveries)
    {
        _documents = documents;
        _customers = customers;
        _organisations = organisations;
        _renderer = renderer;
        _deliveries = deliveries;
    }

    /// <summary>
    /// Queues the document for <paramref name="channels"/> (<c>email</c>, <c>peppol</c>), or for
    /// the customer's delivery preference when none are given. Channels sent before are sent again:
    /// asking is what a resend means. Nothing is queued when a channel lacks its recipient.
    /// </summary>
    /// <returns>The delivery state with the new queued entries.</returns>
    /// <exception cref="ProblemException">
    /// Not found; 409 for a draft; 400 naming the missing e-mail address, Peppol id or enterprise
    /// number, or an unknown channel.
    /// </exception>
    public async Task<DocumentDelivery> SendAsync(OrganisationAccess access, SalesDocumentKind kind, string documentId, IReadOnlyList<string?>? channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        var record = await LoadAsync(access.OrganisationId, kind, documentId, cancellationToken);
        var document = record.Document;
        if (document.IsDraft)
        {
            throw DocumentProblems.NotIssued(document);
        }

        var customerId = document.Customer.CustomerId;
        var customer = string.IsNullOrEmpty(customerId) ? null : (await _customers.GetAsync(access.OrganisationId, customerId, cancellationToken))?.Value;
        var seller = (await _organisations.GetAsync(access.OrganisationId, cancellationToken))?.Value.Profile
            ?? throw ProblemException.NotFound("organisation", access.OrganisationId);
        var requested = ReadChannels(channels, customer, document, seller);

        var requestId = Guid.NewGuid().ToString("N");
        var state = await _deliveries.UpdateAsync(access.OrganisationId, SalesIds.Format(document.Id), current =>
        {
            var now = _deliveries.Now;
            var delivery = current ?? DocumentDeliveries.NewState(document);
            foreach (var channel in requested)
            {
                delivery = delivery.With(ChannelDelivery.Queue(channel, requestId, access.Caller.UserId, now));
            }

            var details = new Dictionary<string, string?>
            {
                ["channels"] = string.Join(",", requested.Select(channel => channel.ToString().ToLowerInvariant())),
                ["requestId"] = requestId,
            };
            return new DeliveryChange(
                delivery,
                [_deliveries.Audit(access.Caller, delivery, "send-requested", details)],
                [_deliveries.DeliveryMessage(access.OrganisationId, delivery, requestId)]);
        }, cancellationToken);

        return state!;
    }

    /// <summary>Reads the delivery state of a document, or null before it was rendered or sent.</summary>
    public Task<DocumentDelivery?> GetDeliveryAsync(OrganisationAccess access, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        return Identifiers.IsValid(documentId)
            ? _deliveries.GetAsync(access.OrganisationId, documentId, cancellationToken)
            : Task.FromResult<DocumentDelivery?>(null);
    }

    /// <summary>
    /// Returns a file of a document: for invoices and credit notes the stored file (rendered and
    /// stored first when missing), for quotes and delivery notes a PDF rendered on request.
    /// </summary>
    /// <exception cref="ProblemException">Not found; 409 for a draft or an incomplete organisation profile.</exception>
    public async Task<DocumentFile> GetFileAsync(OrganisationAccess access, SalesDocumentKind kind, string documentId, DocumentFileKind file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        var record = await LoadAsync(access.OrganisationId, kind, documentId, cancellationToken);
        var document = record.Document;
        if (document.Number is not { } number)
        {
            throw DocumentProblems.NotIssued(document);
        }

        var name = DocumentTexts.FileName(kind, number.Text, document.Customer.Language, file);
        if (!DocumentRenderer.IsStored(kind))
        {
            return new DocumentFile(await _renderer.RenderPdfAsync(access.OrganisationId, record, cancellationToken), "application/pdf", name);
        }

        var files = await _renderer.EnsureStoredAsync(access.OrganisationId, record, cancellationToken);
        if (file == DocumentFileKind.Pdf)
        {
            return new DocumentFile(files.Pdf, "application/pdf", name);
        }

        return files.Ubl is { } ubl ? new DocumentFile(ubl, "application/xml", name) : throw DocumentProblems.NoUbl(document);
    }

    private static List<DocumentChannel> ReadChannels(IReadOnlyList<string?>? names, Customer? customer, SalesDocument document, OrganisationProfile seller)
    {
        var rules = new InputRules();
        var channels = new List<DocumentChannel>();
        if (names is null || names.Count == 0)
        {
            channels.AddRange(DeliveryRecipients.ChannelsOf(customer?.DeliveryChannel ?? DeliveryChannel.Email));
        }
        else
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(names[i]))
                {
                    rules.Add("required", $"channels[{i}]");
                }
                else if (!ChannelNames.TryGetValue(names[i]!.Trim(), out var channel))
                {
                    rules.Add(CatalogErrorCodes.InvalidChoice, $"channels[{i}]", new Dictionary<string, object?>
                    {
                        ["value"] = names[i],
                        ["allowed"] = string.Join(", ", ChannelNames.Keys),
                    });
                }
                else if (!channels.Contains(channel))
                {
                    channels.Add(channel);
                }
            }
        }

        var arguments = new Dictionary<string, object?> { ["customer"] = document.Customer.Name };
        if (channels.Contains(DocumentChannel.Email) && DeliveryRecipients.EmailOf(customer) is null)
        {
            rules.Add(DocumentErrorCodes.RecipientEmailMissing, "customer.email", arguments);
        }

        if (channels.Contains(DocumentChannel.Peppol) && DeliveryRecipients.ReceiverOf(document.Customer, customer) is null)
        {
            rules.Add(DocumentErrorCodes.RecipientPeppolIdMissing, "customer.peppolId", arguments);
        }

        if (channels.Contains(DocumentChannel.Peppol) && DeliveryRecipients.SenderOf(seller) is null)
        {
            rules.Add(DocumentErrorCodes.SenderPeppolIdMissing, "organisation.enterpriseNumber");
        }

        rules.ThrowIfInvalid();
        return channels;
    }

    private async Task<SalesDocumentRecord> LoadAsync(string organisationId, SalesDocumentKind kind, string documentId, CancellationToken cancellationToken)
    {
        var record = SalesDocumentId.TryParse(documentId, out var id) ? await _documents.GetAsync(organisationId, id, cancellationToken) : null;
        return record?.Value is { } found && found.Kind == kind ? found : throw ProblemException.NotFound(SalesKinds.Name(kind), documentId);
    }
}

/// <summary>A file to download.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type.</param>
/// <param name="FileName">The file name in the customer's language.</param>
public sealed record DocumentFile(byte[] Content, string ContentType, string FileName);
