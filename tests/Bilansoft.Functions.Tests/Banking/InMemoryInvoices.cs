using System.Collections.Concurrent;
using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Domain.Banking;

namespace Bilansoft.Functions.Tests.Banking;

/// <summary>
/// The invoice side of the match step for tests: open invoices kept in memory per organisation,
/// and the payments registered on them. It keeps the contract of the ports: registering is
/// idempotent by registration id, refuses more than the amount due, and undoing gives the amount
/// back.
/// </summary>
public sealed class InMemoryInvoices : IOpenItemSource, IPaymentRegistrar
{
    private readonly ConcurrentDictionary<(string Organisation, string Id), OpenItem> _items = new();
    private readonly ConcurrentDictionary<string, PaymentRegistration> _registered = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Payments registered and not undone, by registration id.</summary>
    public IReadOnlyDictionary<string, PaymentRegistration> Registered => _registered;

    public void Add(string organisationId, OpenItem item) => _items[(organisationId, item.Id)] = item;

    public OpenItem Get(string organisationId, string id) => _items[(organisationId, id)];

    public Task<IReadOnlyList<OpenItem>> ListOpenItemsAsync(string organisationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpenItem>>(_items.Where(pair => pair.Key.Organisation == organisationId && pair.Value.OpenAmount > 0).Select(pair => pair.Value).ToList());

    public Task<IReadOnlyList<OpenItem>> GetOpenItemsAsync(string organisationId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpenItem>>(itemIds.Where(id => _items.ContainsKey((organisationId, id))).Select(id => _items[(organisationId, id)]).ToList());

    public Task RegisterAsync(PaymentRegistration registration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_registered.ContainsKey(registration.RegistrationId))
            {
                return Task.CompletedTask;
            }

            var item = _items[(registration.OrganisationId, registration.OpenItemId)];
            if (registration.Amount > item.OpenAmount)
            {
                throw ProblemException.Conflict("payment-exceeds-amount-due");
            }

            _items[(registration.OrganisationId, item.Id)] = item with { OpenAmount = item.OpenAmount - registration.Amount };
            _registered[registration.RegistrationId] = registration;
        }

        return Task.CompletedTask;
    }

    public Task UndoAsync(string organisationId, string registrationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_registered.TryRemove(registrationId, out var registration))
            {
                var item = _items[(organisationId, registration.OpenItemId)];
                _items[(organisationId, item.Id)] = item with { OpenAmount = item.OpenAmount + registration.Amount };
            }
        }

        return Task.CompletedTask;
    }
}
