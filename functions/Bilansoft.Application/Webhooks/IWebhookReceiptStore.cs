namespace Bilansoft.Application.Webhooks;

/// <summary>Receipts of accepted webhook deliveries, so the same delivery is accepted once.</summary>
public interface IWebhookReceiptStore
{
    /// <summary>
    /// Stores <paramref name="receipt"/> unless a receipt with the same source, organisation and
    /// <see cref="WebhookReceipt.DeliveryKey"/> exists. The check and the write are one atomic
    /// insert, so of two concurrent deliveries only one succeeds.
    /// </summary>
    /// <returns>True when the receipt was stored; false when it existed already.</returns>
    Task<bool> TryAddAsync(WebhookReceipt receipt, CancellationToken cancellationToken);

    /// <summary>Deletes a receipt, so a retry of the delivery is accepted again. Deleting a missing receipt does nothing.</summary>
    Task RemoveAsync(WebhookReceipt receipt, CancellationToken cancellationToken);
}
