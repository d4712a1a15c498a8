using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Sales;
using Bilansoft.Domain.Identifiers;
using Bilansoft.Domain.Sales;
using Bilansoft.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Sales;

public sealed class InvoiceIssueTests : IClassFixture<SalesFixture>
{
    private static readonly int Year = BusinessDate.Today(TimeProvider.System).Year;

    private readonly SalesFixture _fixture;

    public InvoiceIssueTests(SalesFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Issue_GivesNumberAndStructuredCommunication()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);

        var issued = await api.CommandAsync($"invoices/{invoice}/issue");

        Assert.Equal($"{Year}/0001", issued.GetProperty("number").GetString());
        Assert.Equal("issued", issued.GetProperty("status").GetString());
        var expected = StructuredCommunicationScheme.For(new DocumentNumber(0, Year, 1, $"{Year}/0001"));
        Assert.Equal(expected.ToPrinted(), issued.GetProperty("structuredCommunication").GetString());
        Assert.Equal(121.00m, issued.GetProperty("amountDue").GetDecimal());
        Assert.Equal(BusinessDate.Today(TimeProvider.System).AddDays(30), DateOnly.Parse(issued.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task FiftyConcurrentIssues_GetNumbersOneToFifty()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var drafts = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            drafts.Add(await api.CreateInvoiceAsync(customer, SalesApi.Line(description: $"Werk {i}", unitPrice: 10m + i)));
        }

        var responses = await Task.WhenAll(drafts.Select(async draft =>
        {
            using var response = await api.PostAsync($"invoices/{draft}/issue");
            return await SalesApi.ReadAsync(response, HttpStatusCode.OK);
        }));

        var sequences = responses.Select(issued => int.Parse(issued.GetProperty("number").GetString()!.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 50), sequences);
        var communications = responses.Select(issued => issued.GetProperty("structuredCommunication").GetString()!).ToList();
        Assert.Equal(50, communications.Distinct().Count());
        foreach (var issued in responses)
        {
            var number = issued.GetProperty("number").GetString()!;
            var sequence = long.Parse(number.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
            var communication = StructuredCommunication.Parse(issued.GetProperty("structuredCommunication").GetString()!);
            Assert.Equal(StructuredCommunicationScheme.For(new DocumentNumber(0, Year, sequence, number)), communication);
        }
    }

    [Fact]
    public async Task IssuedInvoice_RejectsChangeDeleteAndSecondIssue()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        var issued = await api.CommandAsync($"invoices/{invoice}/issue");

        using var put = await api.Client.PutAsJsonAsync(api.Path($"invoices/{invoice}"), new { customerId = customer, lines = new[] { SalesApi.Line(unitPrice: 1m) } });
        using var delete = await api.Client.DeleteAsync(api.Path($"invoices/{invoice}"));
        using var again = await api.PostAsync($"invoices/{invoice}/issue");

        Assert.Equal("document.immutable", (await SalesApi.ReadAsync(put, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("document.immutable", (await SalesApi.ReadAsync(delete, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("document.transition-not-allowed", (await SalesApi.ReadAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var current = await api.GetAsync($"invoices/{invoice}");
        Assert.Equal(issued.GetProperty("number").GetString(), current.GetProperty("number").GetString());
        Assert.Equal(121.00m, current.GetProperty("totals").GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task StaleIfMatch_Returns412AndChangesNothing()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);
        using var first = await api.Client.GetAsync(api.Path($"invoices/{invoice}"));
        var stale = first.Headers.ETag!.ToString();
        using var update = new HttpRequestMessage(HttpMethod.Put, api.Path($"invoices/{invoice}")) { Content = JsonContent.Create(new { customerId = customer, reference = "PO-1", lines = new[] { SalesApi.Line() } }) };
        update.Headers.IfMatch.Add(first.Headers.ETag!);
        using var updated = await api.Client.SendAsync(update);

        using var staleUpdate = new HttpRequestMessage(HttpMethod.Put, api.Path($"invoices/{invoice}")) { Content = JsonContent.Create(new { customerId = customer, reference = "PO-lost", lines = new[] { SalesApi.Line() } }) };
        staleUpdate.Headers.IfMatch.Add(first.Headers.ETag!);
        using var rejectedUpdate = await api.Client.SendAsync(staleUpdate);
        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, api.Path($"invoices/{invoice}"));
        staleDelete.Headers.IfMatch.Add(first.Headers.ETag!);
        using var rejectedDelete = await api.Client.SendAsync(staleDelete);
        using var rejectedIssue = await api.PostAsync($"invoices/{invoice}/issue", ifMatch: stale);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(stale, updated.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, rejectedUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, rejectedDelete.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, rejectedIssue.StatusCode);
        var current = await api.GetAsync($"invoices/{invoice}");
        Assert.Equal("PO-1", current.GetProperty("reference").GetString());
        Assert.Equal("draft", current.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RetriedCreate_CreatesOneInvoice()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var body = new { customerId = customer, lines = new[] { SalesApi.Line() } };
        var key = Guid.NewGuid().ToString();

        using var first = await api.PostAsync("invoices", body, idempotencyKey: key);
        using var retry = await api.PostAsync("invoices", body, idempotencyKey: key);

        var created = await SalesApi.ReadAsync(first, HttpStatusCode.Created);
        var replayed = await SalesApi.ReadAsync(retry, HttpStatusCode.Created);
        Assert.Equal(created.GetProperty("id").GetString(), replayed.GetProperty("id").GetString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var list = await api.GetAsync("invoices");
        Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task DraftDelete_RemovesItFromListAndReads()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);

        using var deleted = await api.Client.DeleteAsync(api.Path($"invoices/{invoice}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var read = await api.Client.GetAsync(api.Path($"invoices/{invoice}"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await api.GetAsync("invoices")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Issue_PublishesInvoiceIssuedMessage()
    {
        using var api = await SalesApi.StartAsync(_fixture);
        var customer = await api.CreateCustomerAsync();
        var invoice = await api.CreateInvoiceAsync(customer);

        var issued = await api.CommandAsync($"invoices/{invoice}/issue");

        var message = await ReceiveAsync(QueueNames.InvoiceIssued, envelope => envelope.OrganisationId == api.OrganisationId);
        Assert.Equal(SalesMessages.InvoiceIssued, message.Type);
        var payload = message.ReadPayload<DocumentIssuedPayload>();
        Assert.Equal(invoice, payload.DocumentId);
        Assert.Equal(SalesDocumentKind.Invoice, payload.Kind);
        Assert.Equal(issued.GetProperty("number").GetString(), payload.Number);
    }

    private async Task<MessageEnvelope> ReceiveAsync(string queueName, Func<MessageEnvelope, bool> matches)
    {
        var storage = _fixture.Host.Services.GetRequiredService<StorageClients>();
        var queue = await storage.QueueAsync(queueName, CancellationToken.None);
        MessageEnvelope? found = null;
        await Testing.Eventually.TrueAsync(async () =>
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
            {
                var envelope = MessageEnvelope.FromJson(message.Body.ToString());
                if (matches(envelope))
                {
                    found = envelope;
                }
            }

            return found is not null;
        }, $"a message on {queueName}");
        return found!;
    }
}
