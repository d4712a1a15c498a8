using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Application.Banking;
using Bilansoft.Application.Errors;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Banking;
using Bilansoft.Functions.Tests.Banking;
using Bilansoft.Functions.Tests.Sales;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Matching;

/// <summary>
/// Invoices issued in Bilansoft and paid in bank statements: the match step books the payments on
/// the invoices through the real invoice side, and users undo and confirm matches.
/// </summary>
public sealed class InvoiceMatchingTests : IClassFixture<HostFixture>
{
    private static readonly DateOnly Today = BusinessDate.Today(TimeProvider.System);

    private readonly HostFixture _fixture;

    public InvoiceMatchingTests(HostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Statements_PayInFull_ThenPartly()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var first = await MatchingApi.IssueInvoiceAsync(api);
        var second = await MatchingApi.IssueInvoiceAsync(api, net: 200m);
        var firstStatement = CodaFile.Build(1, Today, 0m, [new CodaMovement(121.00m, StructuredCommunication: MatchingApi.CommunicationDigits(first))]);
        var secondStatement = CodaFile.Build(2, Today, 121.00m, [new CodaMovement(100.00m, StructuredCommunication: MatchingApi.CommunicationDigits(second))]);

        var firstImport = await MatchingApi.ImportAndMatchAsync(api.Session, api.OrganisationId, firstStatement);
        var firstState = await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(first));
        var secondImport = await MatchingApi.ImportAndMatchAsync(api.Session, api.OrganisationId, secondStatement);

        Assert.Equal(("paid", 0m), firstState);
        Assert.Equal(("partiallyPaid", 142.00m), await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(second)));
        Assert.Equal(("paid", 0m), await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(first)));
        Assert.Equal("matched", SingleTransaction(firstImport).GetProperty("match").GetProperty("status").GetString());
        var allocation = Assert.Single(SingleTransaction(secondImport).GetProperty("match").GetProperty("allocations").EnumerateArray());
        Assert.Equal(Id(second), allocation.GetProperty("invoiceId").GetString());
        Assert.Equal(100.00m, allocation.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task UndoAndConfirm_MoveTheInvoices()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var quoted = await MatchingApi.IssueInvoiceAsync(api);
        var suggested = await MatchingApi.IssueInvoiceAsync(api, net: 50m);
        var number = suggested.GetProperty("number").GetString();
        var statement = CodaFile.Build(1, Today, 0m,
        [
            new CodaMovement(121.00m, StructuredCommunication: MatchingApi.CommunicationDigits(quoted)),
            new CodaMovement(60.50m, FreeText: $"factuur {number}"),
        ]);
        var import = await MatchingApi.ImportAndMatchAsync(api.Session, api.OrganisationId, statement);
        var transactions = import.GetProperty("transactions").EnumerateArray().ToList();
        var automatic = transactions.Single(t => t.GetProperty("amount").GetDecimal() == 121.00m);
        var pending = transactions.Single(t => t.GetProperty("amount").GetDecimal() == 60.50m);
        var matchId = Assert.Single(automatic.GetProperty("match").GetProperty("allocations").EnumerateArray()).GetProperty("matchId").GetString();
        var paidBefore = await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(quoted));

        using var undo = await api.Client.DeleteAsync(api.Path($"bank-transactions/{automatic.GetProperty("id").GetString()}/matches/{matchId}"));
        var undone = await SalesApi.ReadAsync(undo, HttpStatusCode.OK);
        var afterUndo = await MatchingApi.GetInvoiceAsync(api.Session, api.OrganisationId, Id(quoted));
        using var rematch = await api.Client.PostAsJsonAsync(
            api.Path($"bank-transactions/{automatic.GetProperty("id").GetString()}/matches"),
            new { allocations = new[] { new { invoiceId = Id(quoted), amount = 121.00m } } });
        using var confirm = await api.Client.PostAsJsonAsync(
            api.Path($"bank-transactions/{pending.GetProperty("id").GetString()}/matches"),
            new { allocations = new[] { new { invoiceId = Id(suggested), amount = 60.50m } } });

        Assert.Equal(("paid", 0m), paidBefore);
        Assert.Empty(undone.GetProperty("match").GetProperty("allocations").EnumerateArray());
        Assert.Equal("issued", afterUndo.GetProperty("status").GetString());
        Assert.Equal(121.00m, afterUndo.GetProperty("amountDue").GetDecimal());
        Assert.Empty(afterUndo.GetProperty("payments").EnumerateArray());
        Assert.Equal("suggested", pending.GetProperty("match").GetProperty("status").GetString());
        Assert.Equal(Id(suggested), pending.GetProperty("match").GetProperty("suggestions")[0].GetProperty("invoiceId").GetString());
        Assert.Equal("matched", (await SalesApi.ReadAsync(rematch, HttpStatusCode.OK)).GetProperty("match").GetProperty("status").GetString());
        Assert.Equal("matched", (await SalesApi.ReadAsync(confirm, HttpStatusCode.OK)).GetProperty("match").GetProperty("status").GetString());
        Assert.Equal(("paid", 0m), await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(quoted)));
        Assert.Equal(("paid", 0m), await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(suggested)));
    }

    [Fact]
    public async Task Overpayment_StaysOnTheTransaction()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var invoice = await MatchingApi.IssueInvoiceAsync(api);
        var statement = CodaFile.Build(1, Today, 0m, [new CodaMovement(130.00m, StructuredCommunication: MatchingApi.CommunicationDigits(invoice))]);

        var import = await MatchingApi.ImportAndMatchAsync(api.Session, api.OrganisationId, statement);

        var match = SingleTransaction(import).GetProperty("match");
        Assert.Equal("matched", match.GetProperty("status").GetString());
        Assert.Equal(121.00m, Assert.Single(match.GetProperty("allocations").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal(9.00m, match.GetProperty("unallocatedAmount").GetDecimal());
        var stored = await MatchingApi.GetInvoiceAsync(api.Session, api.OrganisationId, Id(invoice));
        Assert.Equal("paid", stored.GetProperty("status").GetString());
        Assert.Equal(0m, stored.GetProperty("creditBalance").GetDecimal());
    }

    [Fact]
    public async Task MatchStepRunAgain_RecordsNoSecondPayment()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var invoice = await MatchingApi.IssueInvoiceAsync(api);
        var statement = CodaFile.Build(1, Today, 0m, [new CodaMovement(60.00m, StructuredCommunication: MatchingApi.CommunicationDigits(invoice))]);
        var import = await MatchingApi.ImportAndMatchAsync(api.Session, api.OrganisationId, statement);
        var importId = import.GetProperty("id").GetString()!;
        var imports = _fixture.Host.Services.GetRequiredService<IBankImportStore>();

        // The same message again, after the step finished.
        await PublishImportedAsync(api.OrganisationId, importId);
        await WaitForMatchedAsync(imports, api.OrganisationId, importId);

        // A crash after registering and before saving the matches leaves the transactions pending;
        // the step then runs again and registers under the same ids.
        var stored = await imports.ListTransactionsAsync(api.OrganisationId, importId, CancellationToken.None);
        await imports.SaveTransactionsAsync(api.OrganisationId, [.. stored.Select(t => t with { Value = t.Value with { Match = TransactionMatch.Pending } })], null, CancellationToken.None);
        await PublishImportedAsync(api.OrganisationId, importId);
        await WaitForMatchedAsync(imports, api.OrganisationId, importId);

        var paid = await MatchingApi.GetInvoiceAsync(api.Session, api.OrganisationId, Id(invoice));
        Assert.Equal("partiallyPaid", paid.GetProperty("status").GetString());
        Assert.Equal(61.00m, paid.GetProperty("amountDue").GetDecimal());
        Assert.Equal(60.00m, Assert.Single(paid.GetProperty("payments").EnumerateArray()).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Registrar_IsIdempotent_AndUndoesExactlyItsPayment()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var invoice = await MatchingApi.IssueInvoiceAsync(api);
        await api.CommandAsync($"invoices/{Id(invoice)}/payments", new { amount = 21.00m, date = Today }, HttpStatusCode.Created);
        var registrar = _fixture.Host.Services.GetRequiredService<IPaymentRegistrar>();
        var registration = Registration(api.OrganisationId, Id(invoice), "tx-1-a000-00", 50.00m);

        await registrar.RegisterAsync(registration, CancellationToken.None);
        await registrar.RegisterAsync(registration, CancellationToken.None);
        var registered = await MatchingApi.GetInvoiceAsync(api.Session, api.OrganisationId, Id(invoice));
        await registrar.UndoAsync(api.OrganisationId, registration.RegistrationId, CancellationToken.None);
        await registrar.UndoAsync(api.OrganisationId, registration.RegistrationId, CancellationToken.None);
        await registrar.UndoAsync(api.OrganisationId, "never-registered", CancellationToken.None);
        var undone = await MatchingApi.GetInvoiceAsync(api.Session, api.OrganisationId, Id(invoice));

        Assert.Equal(2, registered.GetProperty("payments").GetArrayLength());
        Assert.Equal(50.00m, registered.GetProperty("amountDue").GetDecimal());
        var left = Assert.Single(undone.GetProperty("payments").EnumerateArray());
        Assert.Equal(21.00m, left.GetProperty("amount").GetDecimal());
        Assert.Equal(100.00m, undone.GetProperty("amountDue").GetDecimal());
        Assert.Equal("partiallyPaid", undone.GetProperty("status").GetString());
        var paymentId = SalesIds.Format(BankPaymentRegistrar.PaymentIdFor(api.OrganisationId, registration.RegistrationId));
        var messages = (await ReceivePaymentMessagesAsync(api.OrganisationId, 3))
            .Select(message => (message.Type, message.ReadPayload<PaymentPayload>().PaymentId))
            .ToList();
        Assert.Equal(1, messages.Count(message => message == (SalesMessages.PaymentRegistered, paymentId)));
        Assert.Equal(1, messages.Count(message => message == (SalesMessages.PaymentUndone, paymentId)));
    }

    [Fact]
    public async Task Registrar_RejectsWhatAnInvoiceCannotTake()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var issued = await MatchingApi.IssueInvoiceAsync(api);
        var draft = await api.CreateInvoiceAsync(await api.CreateCustomerAsync());
        var registrar = _fixture.Host.Services.GetRequiredService<IPaymentRegistrar>();

        var tooMuch = await Assert.ThrowsAsync<ProblemException>(() => registrar.RegisterAsync(Registration(api.OrganisationId, Id(issued), "r-1", 121.01m), CancellationToken.None));
        var onDraft = await Assert.ThrowsAsync<ProblemException>(() => registrar.RegisterAsync(Registration(api.OrganisationId, draft, "r-2", 10m), CancellationToken.None));
        var dollars = await Assert.ThrowsAsync<ProblemException>(() => registrar.RegisterAsync(Registration(api.OrganisationId, Id(issued), "r-3", 10m) with { Currency = "USD" }, CancellationToken.None));
        var purchase = await Assert.ThrowsAsync<ProblemException>(() => registrar.RegisterAsync(Registration(api.OrganisationId, Id(issued), "r-4", 10m) with { Kind = OpenItemKind.PurchaseInvoice }, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<ProblemException>(() => registrar.RegisterAsync(Registration(api.OrganisationId, "0123456789abcdef0123456789abcdef", "r-5", 10m), CancellationToken.None));
        var tooPrecise = await Assert.ThrowsAsync<ProblemException>(() => registrar.RegisterAsync(Registration(api.OrganisationId, Id(issued), "r-6", 10.001m), CancellationToken.None));

        Assert.Equal((ProblemKind.Conflict, SalesErrorCodes.BankPaymentExceedsAmountDue), (tooMuch.Kind, tooMuch.Code));
        Assert.Equal(ProblemKind.Conflict, onDraft.Kind);
        Assert.Equal((ProblemKind.Conflict, SalesErrorCodes.BankPaymentCurrencyNotEuro), (dollars.Kind, dollars.Code));
        Assert.Equal((ProblemKind.Conflict, SalesErrorCodes.BankPaymentNotSalesInvoice), (purchase.Kind, purchase.Code));
        Assert.Equal((ProblemKind.Conflict, SalesErrorCodes.BankPaymentNotSalesInvoice), (unknown.Kind, unknown.Code));
        Assert.Equal(ProblemKind.Validation, tooPrecise.Kind);
        var links = _fixture.Host.Services.GetRequiredService<IBankPaymentLinkStore>();
        Assert.Null(await links.GetAsync(api.OrganisationId, "r-1", CancellationToken.None));
        Assert.Null(await links.GetAsync(api.OrganisationId, "r-6", CancellationToken.None));
        Assert.Equal(("issued", 121.00m), await MatchingApi.StateAsync(api.Session, api.OrganisationId, Id(issued)));
    }

    [Fact]
    public async Task OpenItems_AreTheOpenInvoices()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var open = await MatchingApi.IssueInvoiceAsync(api);
        var paid = await MatchingApi.IssueInvoiceAsync(api, net: 10m);
        await api.CommandAsync($"invoices/{Id(paid)}/payments", new { amount = 12.10m, date = Today }, HttpStatusCode.Created);
        var draft = await api.CreateInvoiceAsync(await api.CreateCustomerAsync());
        var source = _fixture.Host.Services.GetRequiredService<IOpenItemSource>();

        var listed = await source.ListOpenItemsAsync(api.OrganisationId, CancellationToken.None);
        var read = await source.GetOpenItemsAsync(api.OrganisationId, [Id(open), Id(paid), draft, "not-an-id"], CancellationToken.None);

        var item = Assert.Single(listed);
        Assert.Equal(Id(open), item.Id);
        Assert.Equal(OpenItemKind.SalesInvoice, item.Kind);
        Assert.Equal(open.GetProperty("number").GetString(), item.Number);
        Assert.Equal(open.GetProperty("structuredCommunication").GetString(), item.StructuredCommunication?.ToString());
        Assert.Equal(121.00m, item.OpenAmount);
        Assert.Equal("EUR", item.Currency);
        Assert.Equal("Bouwbedrijf Peeters NV", item.CounterpartyName);
        Assert.Equal(DateOnly.Parse(open.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), item.DueDate);
        Assert.Equal(item, Assert.Single(read));
    }

    private static PaymentRegistration Registration(string organisationId, string invoiceId, string registrationId, decimal amount) =>
        new(organisationId, registrationId, invoiceId, OpenItemKind.SalesInvoice, amount, "EUR", Today, "tx-1", "Klant NV", null);

    private async Task PublishImportedAsync(string organisationId, string importId)
    {
        // The inbox skips a message id it handled, so the copy gets a new id, as a message sent
        // again by another path would.
        var envelope = MessageEnvelope.Create(Guid.NewGuid().ToString("N"), BankStatementImported.MessageType, organisationId, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, new BankStatementImported(importId));
        await _fixture.Host.Services.GetRequiredService<IMessagePublisher>().PublishAsync(QueueNames.BankStatementImported, envelope, CancellationToken.None);
    }

    // Nothing consumes payment-registered in the local host, so the messages wait in its queue.
    private async Task<List<MessageEnvelope>> ReceivePaymentMessagesAsync(string organisationId, int count)
    {
        var queue = await _fixture.Host.Services.GetRequiredService<StorageClients>().QueueAsync(QueueNames.PaymentRegistered, CancellationToken.None);
        var found = new List<MessageEnvelope>();
        await Eventually.TrueAsync(async () =>
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
            {
                var envelope = MessageEnvelope.FromJson(message.Body.ToString());
                if (envelope.OrganisationId == organisationId)
                {
                    found.Add(envelope);
                }
            }

            return found.Count >= count;
        }, $"{count} payment messages of organisation {organisationId}");
        return found;
    }

    // A message stays in the Storage queue, invisible while the step runs, until the step is done
    // with it. The tests of this class run one at a time, so an empty queue means this step is done.
    private async Task WaitForMatchedAsync(IBankImportStore imports, string organisationId, string importId)
    {
        var queue = await _fixture.Host.Services.GetRequiredService<StorageClients>().QueueAsync(QueueNames.BankStatementImported, CancellationToken.None);
        await Eventually.TrueAsync(
            async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
                && (await imports.ListTransactionsAsync(organisationId, importId, CancellationToken.None)).All(t => t.Value.Match.Status != MatchStatus.Pending),
            $"the match step of import {importId}");
    }

    private static string Id(JsonElement document) => document.GetProperty("id").GetString()!;

    private static JsonElement SingleTransaction(JsonElement import) => Assert.Single(import.GetProperty("transactions").EnumerateArray());
}
