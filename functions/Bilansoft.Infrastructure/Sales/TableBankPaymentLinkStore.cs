using Azure;
using Azure.Data.Tables;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Storage;

namespace Bilansoft.Infrastructure.Sales;

/// <summary>
/// Links of bank payment registrations in the organisation table: one row
/// <c>bank-payment|{registrationId}</c> per registration in the organisation's partition, with the
/// invoice, payment and bank transaction ids as plain properties.
/// </summary>
public sealed class TableBankPaymentLinkStore : IBankPaymentLinkStore
{
    /// <summary>Row-key kind of the links.</summary>
    public const string Kind = "bank-payment";

    private readonly StorageClients _storage;

    public TableBankPaymentLinkStore(StorageClients storage) => _storage = storage;

    public async Task SaveAsync(string organisationId, BankPaymentLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var entity = new TableEntity(organisationId, Key(link.RegistrationId))
        {
            ["RegistrationId"] = link.RegistrationId,
            ["InvoiceId"] = SalesIds.Format(link.InvoiceId),
            ["PaymentId"] = SalesIds.Format(link.PaymentId),
            ["BankTransactionId"] = link.BankTransactionId,
        };
        var table = await TableAsync(cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<BankPaymentLink?> GetAsync(string organisationId, string registrationId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(organisationId, Key(registrationId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        if (!SalesDocumentId.TryParse(entity.GetString("InvoiceId"), out var invoiceId) || !PaymentId.TryParse(entity.GetString("PaymentId"), out var paymentId))
        {
            throw new InvalidOperationException($"The link of bank registration {registrationId} in organisation {organisationId} holds no valid invoice or payment id.");
        }

        return new BankPaymentLink(registrationId, invoiceId, paymentId, entity.GetString("BankTransactionId") ?? string.Empty);
    }

    public async Task DeleteAsync(string organisationId, string registrationId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(organisationId, Key(registrationId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone: a retried undo deletes the link a second time.
        }
    }

    private static string Key(string registrationId) => RowKeys.For(Kind, RowKeys.Escape(registrationId));

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.OrganisationTable, cancellationToken);
}
