using Bilansoft.Domain.Banking;

namespace Bilansoft.Application.Banking;

/// <summary>
/// Stands in for the invoice side when none is registered (the sales registration adds
/// <c>OpenInvoiceSource</c>): it serves no open items, so the match step leaves every transaction
/// unmatched.
/// </summary>
public sealed class NoOpenItemSource : IOpenItemSource
{
    public Task<IReadOnlyList<OpenItem>> ListOpenItemsAsync(string organisationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpenItem>>([]);

    public Task<IReadOnlyList<OpenItem>> GetOpenItemsAsync(string organisationId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpenItem>>([]);
}

/// <summary>
/// Stands in for the invoice side when none is registered (the sales registration adds
/// <c>BankPaymentRegistrar</c>). With
/// <see cref="NoOpenItemSource"/> nothing is ever matched, so registering is never reached; if it
/// is, the call fails loudly instead of losing the payment.
/// </summary>
public sealed class NoPaymentRegistrar : IPaymentRegistrar
{
    public Task RegisterAsync(PaymentRegistration registration, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            $"Payment {registration.RegistrationId} cannot be registered: no invoice side implements IPaymentRegistrar yet.");

    // Nothing was ever registered, so there is nothing to take off.
    public Task UndoAsync(string organisationId, string registrationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
