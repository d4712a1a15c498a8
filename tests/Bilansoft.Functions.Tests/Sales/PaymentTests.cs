using System.Net;
using System.Text.Json;
using Bilansoft.Application.Identity;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Sales;
using Bilansoft.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class PaymentTests : IClassFixture<SalesFixture>
{
    private static readonly DateOnly Today = BusinessDate.Today(TimeProvider.System);

    private readonly SalesFixture _fixture;

    public PaymentTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Payments_MoveStatusAndAmountDue()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        await api.CommandAsync($"invoices/{invoice}/issue");

        var partial = await api.CommandAsync($"invoices/{invoice}/payments", new { amount = 21.00m, date = Today }, HttpStatusCode.Created);
        var over = await api.CommandAsync($"invoices/{invoice}/payments", new { amount = 150.00m, date = Today, reference = "Overschrijving" }, HttpStatusCode.Created);
        using var undoOver = await api.Client.DeleteAsync(api.Path($"invoices/{invoice}/payments/{over.GetProperty("payment").GetProperty("id").GetString()}"));
        var afterUndo = await SalesApi.ReadAsync(undoOver, HttpStatusCode.OK);
        using var undoPartial = await api.Client.DeleteAsync(api.Path($"invoices/{invoice}/payments/{partial.GetProperty("payment").GetProperty("id").GetString()}"));
        var unpaid = await SalesApi.ReadAsync(undoPartial, HttpStatusCode.OK);

        Assert.Equal(("partiallyPaid", 100.00m), State(partial.GetProperty("invoice")));
        Assert.Equal(("paid", 0m), State(over.GetProperty("invoice")));
        Assert.Equal(50.00m, over.GetProperty("invoice").GetProperty("creditBalance").GetDecimal());
        Assert.Equal(("partiallyPaid", 100.00m), State(afterUndo));
        Assert.Equal(("issued", 121.00m), State(unpaid));
        Assert.Empty(unpaid.GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task RecordAndUndo_PublishPaymentMessages()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        await api.CommandAsync($"invoices/{invoice}/issue");

        var recorded = await api.CommandAsync($"invoices/{invoice}/payments", new { amount = 60.50m, date = Today }, HttpStatusCode.Created);
        var paymentId = recorded.GetProperty("payment").GetProperty("id").GetString()!;
        using var undone = await api.Client.DeleteAsync(api.Path($"invoices/{invoice}/payments/{paymentId}"));

        var messages = await ReceiveAsync(QueueNames.PaymentRegistered, api.OrganisationId, 2);
        Assert.Equal([SalesMessages.PaymentRegistered, SalesMessages.PaymentUndone], messages.Select(message => message.Type).Order(StringComparer.Ordinal));
        var payload = messages[0].ReadPayload<PaymentPayload>();
        Assert.Equal(invoice, payload.DocumentId);
        Assert.Equal(paymentId, payload.PaymentId);
        Assert.Equal(60.50m, payload.Amount);
        Assert.Equal(Today, payload.Date);
    }

    [Theory]
    [InlineData("zero amount", "amount", "payment.amount-not-positive")]
    [InlineData("amount with 3 decimals", "amount", "payment.amount-too-precise")]
    [InlineData("missing date", "date", "required")]
    [InlineData("date after today", "date", "payment.date-in-future")]
    public async Task InvalidPayment_IsRejected(string reason, string path, string code)
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        await api.CommandAsync($"invoices/{invoice}/issue");
        object body = reason switch
        {
            "zero amount" => new { amount = 0m, date = Today },
            "amount with 3 decimals" => new { amount = 10.005m, date = Today },
            "missing date" => new { amount = 10m },
            _ => new { amount = 10m, date = Today.AddDays(1) },
        };

        using var response = await api.PostAsync($"invoices/{invoice}/payments", body);

        Assert.Equal(code, (await SalesApi.ErrorsAsync(response))[path]);
        Assert.Empty((await api.GetAsync($"invoices/{invoice}")).GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task PaymentOnDraft_IsAConflict()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);

        using var response = await api.PostAsync($"invoices/{invoice}/payments", new { amount = 10m, date = Today });

        Assert.Equal("document.transition-not-allowed", (await SalesApi.ReadAsync(response, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ImportedInvoice_IsOpenOverdueAndPayable()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var importer = _fixture.Host.Services.GetRequiredService<ImportedInvoiceService>();
        var reader = _fixture.Host.Services.GetRequiredService<ISalesDocumentReader>();
        var access = new OrganisationAccess(new Caller(api.Session.UserId, "Importer", null), api.OrganisationId, Role.Owner);
        var input = new ImportedInvoiceInput
        {
            Number = "F2025-118",
            CustomerName = "Café De Hoek",
            IssueDate = Today.AddDays(-60),
            DueDate = Today.AddDays(-30),
            AmountOpen = 242.00m,
            StructuredCommunication = "+++010/8068/17183+++",
        };

        var imported = await importer.ImportAsync(access, input, CancellationToken.None);
        var again = await importer.ImportAsync(access, input, CancellationToken.None);
        var overdue = await api.GetAsync("invoices?overdue=true");
        var paid = await api.CommandAsync($"invoices/{SalesIds.Format(imported.Invoice.Value.Id)}/payments", new { amount = 242.00m, date = Today }, HttpStatusCode.Created);
        var open = await reader.ListOpenInvoicesAsync(api.OrganisationId, CancellationToken.None);

        Assert.True(imported.Created);
        Assert.False(again.Created);
        Assert.Equal(imported.Invoice.Value.Id, again.Invoice.Value.Id);
        var item = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.True(item.GetProperty("imported").GetBoolean());
        Assert.Equal("F2025-118", item.GetProperty("number").GetString());
        Assert.Equal("+++010/8068/17183+++", item.GetProperty("structuredCommunication").GetString());
        Assert.Equal(242.00m, item.GetProperty("amountDue").GetDecimal());
        Assert.Equal(("paid", 0m), State(paid.GetProperty("invoice")));
        Assert.Empty(open);
    }

    private static (string?, decimal) State(JsonElement invoice) =>
        (invoice.GetProperty("status").GetString(), invoice.GetProperty("amountDue").GetDecimal());

    private async Task<IReadOnlyList<MessageEnvelope>> ReceiveAsync(string queueName, string organisationId, int count)
    {
        var storage = _fixture.Host.Services.GetRequiredService<StorageClients>();
        var queue = await storage.QueueAsync(queueName, CancellationToken.None);
        var found = new List<MessageEnvelope>();
        await Testing.Eventually.TrueAsync(async () =>
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
        }, $"{count} messages on {queueName}");
        return found;
    }
}
