using Bilansoft.Application.Errors;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Organisations;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure;
using Bilansoft.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Application.Tests.Sales;

public sealed class ImportedInvoiceTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateOnly IssueDate = new(2025, 11, 3);

    private readonly ServiceProvider _services;

    public ImportedInvoiceTests(AzuriteFixture storage)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = storage.ConnectionString,
            ["Storage:tablePrefix"] = AzuriteFixture.NewTablePrefix(),
            [InfrastructureRegistration.TransportSetting] = "StorageQueues",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddBilansoftInfrastructure(configuration)
            .AddBilansoftApplication(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task Import_CreatesOpenInvoiceOutsideSeries()
    {
        var access = await NewOrganisationAsync();

        var result = await Importer.ImportAsync(access, Input(), CancellationToken.None);

        var invoice = result.Invoice.Value;
        Assert.True(result.Created);
        Assert.True(invoice.Imported);
        Assert.Equal(SalesDocumentStatus.Issued, invoice.Document.Status);
        Assert.Equal("VF/2025/0412", invoice.Document.Number!.Text);
        Assert.Equal(1234.56m, invoice.Document.AmountDue);
        Assert.Equal("+++010/8068/17183+++", invoice.Document.StructuredCommunication!.Value.ToPrinted());
        Assert.Null((await Numbering.GetAsync(access, CancellationToken.None)).Invoices.Counter);
        var open = Assert.Single(await Reader.ListOpenInvoicesAsync(access.OrganisationId, CancellationToken.None));
        Assert.Equal(("VF/2025/0412", 1234.56m, "Café De Hoek", IssueDate.AddDays(30)), (open.Number, open.AmountDue, open.CustomerName, open.DueDate));
        Assert.True(open.Imported);
        Assert.Null(open.CustomerId);
    }

    [Fact]
    public async Task SameNumberAgain_ReturnsTheFirstImport()
    {
        var access = await NewOrganisationAsync();
        var first = await Importer.ImportAsync(access, Input(), CancellationToken.None);

        var again = await Importer.ImportAsync(access, Input() with { Number = "vf/2025/0412", AmountOpen = 1m }, CancellationToken.None);

        Assert.False(again.Created);
        Assert.Equal(first.Invoice.Value.Id, again.Invoice.Value.Id);
        Assert.Equal(1234.56m, again.Invoice.Value.Document.AmountDue);
    }

    [Fact]
    public async Task InvalidImport_ReportsEveryField()
    {
        var access = await NewOrganisationAsync();
        await Importer.ImportAsync(access, Input(), CancellationToken.None);

        var problem = await Assert.ThrowsAsync<ProblemException>(() => Importer.ImportAsync(access, new ImportedInvoiceInput
        {
            Number = "VF/2025/0413",
            CustomerId = Guid.NewGuid().ToString("N"),
            IssueDate = IssueDate,
            DueDate = IssueDate.AddDays(-1),
            AmountOpen = 10.001m,
            StructuredCommunication = "+++010/8068/17183+++",
        }, CancellationToken.None));

        Assert.Equal(
            [("amountOpen", SalesRuleCodes.PaymentAmountTooPrecise), ("customerId", SalesErrorCodes.CustomerUnknown), ("dueDate", SalesRuleCodes.DueDateBeforeIssueDate), ("structuredCommunication", SalesErrorCodes.StructuredCommunicationInUse)],
            problem.Violations.Select(violation => (violation.Path, violation.Code)).Order());
        Assert.Single(await Reader.ListOpenInvoicesAsync(access.OrganisationId, CancellationToken.None));
    }

    [Fact]
    public async Task ImportedInvoice_IsNeitherCreditedNorDuplicated()
    {
        var access = await NewOrganisationAsync();
        var imported = await Importer.ImportAsync(access, Input(), CancellationToken.None);
        var id = SalesIds.Format(imported.Invoice.Value.Id);

        var credit = await Assert.ThrowsAsync<ProblemException>(() =>
            _services.GetRequiredService<SalesConversionService>().CreateCreditNoteAsync(access, id, new SalesDocumentInput(), null, CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<ProblemException>(() =>
            _services.GetRequiredService<SalesDocumentService>().DuplicateAsync(access, SalesDocumentKind.Invoice, id, CancellationToken.None));

        Assert.Equal(SalesErrorCodes.DocumentImported, credit.Code);
        Assert.Equal(SalesErrorCodes.DocumentImported, duplicate.Code);
    }

    public void Dispose() => _services.Dispose();

    private ImportedInvoiceService Importer => _services.GetRequiredService<ImportedInvoiceService>();

    private ISalesDocumentReader Reader => _services.GetRequiredService<ISalesDocumentReader>();

    private NumberingService Numbering => _services.GetRequiredService<NumberingService>();

    private static ImportedInvoiceInput Input() => new()
    {
        Number = "VF/2025/0412",
        CustomerName = "Café De Hoek",
        IssueDate = IssueDate,
        DueDate = IssueDate.AddDays(30),
        AmountOpen = 1234.56m,
        StructuredCommunication = "010806817183",
    };

    private async Task<OrganisationAccess> NewOrganisationAsync()
    {
        var caller = new Caller("user-" + Guid.NewGuid().ToString("N")[..8], "Importer", null);
        var organisation = await _services.GetRequiredService<OrganisationService>().CreateAsync(caller, new OrganisationProfileInput { Name = "Acme BV" }, CancellationToken.None);
        return new OrganisationAccess(caller, organisation.Value.Id, Role.Owner);
    }
}
