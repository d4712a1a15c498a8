using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Sales;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.Options;

namespace Bilansoft.Infrastructure.Tests.Sales;

public sealed class BankPaymentLinkStoreTests : IClassFixture<AzuriteFixture>
{
    private const string Organisation = "org-bank-links";

    private readonly AzuriteFixture _storage;

    public BankPaymentLinkStoreTests(AzuriteFixture storage) => _storage = storage;

    [Fact]
    public async Task Link_RoundTrips_AndDeleteIsIdempotent()
    {
        var store = NewStore();
        var link = new BankPaymentLink("0194f0c2a1b2c3d4-000001/0002-a000-00", SalesDocumentId.New(), PaymentId.New(), "0194f0c2a1b2c3d4-000001");

        await store.SaveAsync(Organisation, link, CancellationToken.None);
        var read = await store.GetAsync(Organisation, link.RegistrationId, CancellationToken.None);
        var otherOrganisation = await store.GetAsync("org-other", link.RegistrationId, CancellationToken.None);
        await store.DeleteAsync(Organisation, link.RegistrationId, CancellationToken.None);
        await store.DeleteAsync(Organisation, link.RegistrationId, CancellationToken.None);
        var deleted = await store.GetAsync(Organisation, link.RegistrationId, CancellationToken.None);

        Assert.Equal(link, read);
        Assert.Null(otherOrganisation);
        Assert.Null(deleted);
    }

    [Fact]
    public async Task Save_ReplacesAnEarlierLink()
    {
        var store = NewStore();
        var first = new BankPaymentLink("reg-1", SalesDocumentId.New(), PaymentId.New(), "tx-1");
        var second = first with { InvoiceId = SalesDocumentId.New() };

        await store.SaveAsync(Organisation, first, CancellationToken.None);
        await store.SaveAsync(Organisation, second, CancellationToken.None);

        Assert.Equal(second, await store.GetAsync(Organisation, "reg-1", CancellationToken.None));
    }

    private TableBankPaymentLinkStore NewStore() =>
        new(new StorageClients(Options.Create(new StorageOptions { ConnectionString = _storage.ConnectionString, TablePrefix = AzuriteFixture.NewTablePrefix() })));
}
