using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bilansoft.Application.Messaging;
using Bilansoft.Application.Webhooks;
using Bilansoft.Infrastructure.Storage;
using Bilansoft.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bilansoft.Functions.Tests.Documents;

/// <summary>
/// Delivery through loopback stand-ins for SendGrid and the Peppol access point: both channels,
/// transient and permanent failures, dead-lettering, sending by hand and the status webhook.
/// </summary>
public sealed class DocumentDeliveryTests : IClassFixture<DeliveryHostFixture>
{
    private static readonly Dictionary<string, object?> PeppolCustomer = new()
    {
        ["deliveryChannel"] = "both",
        ["peppolId"] = "0208:0417497106",
    };

    private readonly DeliveryHostFixture _fixture;

    public DocumentDeliveryTests(DeliveryHostFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ChannelBoth_SendsOneMailAndOneSubmission()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation, PeppolCustomer);
        var id = invoice.GetProperty("id").GetString()!;

        await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        var done = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "peppol", "sent");

        var mail = Assert.Single(_fixture.MailsOf(id));
        var submission = Assert.Single(_fixture.SubmissionsOf(id));
        using var mailBody = JsonDocument.Parse(mail.Body);
        Assert.Equal(2, mailBody.RootElement.GetProperty("attachments").GetArrayLength());
        Assert.Equal("billing@acme.example", mailBody.RootElement.GetProperty("reply_to").GetProperty("email").GetString());
        using var submissionBody = JsonDocument.Parse(submission.Body);
        Assert.Equal("0208:0123456749", submissionBody.RootElement.GetProperty("senderId").GetString());
        Assert.Equal("0208:0417497106", submissionBody.RootElement.GetProperty("receiverId").GetString());
        Assert.Equal(id, submission.Headers["Idempotency-Key"]);
        var ubl = await owner.Client.GetByteArrayAsync($"api/orgs/{organisation}/invoices/{id}/ubl");
        Assert.Equal(ubl, Convert.FromBase64String(submissionBody.RootElement.GetProperty("document").GetString()!));
        var peppol = SalesScenario.Channel(done, "peppol")!.Value;
        Assert.Equal(DeliveryHostFixture.TransmissionIdOf(id), peppol.GetProperty("reference").GetString());
        Assert.Equal("0208:0417497106", peppol.GetProperty("recipient").GetString());
    }

    [Fact]
    public async Task AccessPointFailingTwice_RetriesPeppolOnly()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customerId = await SalesScenario.CreateCustomerAsync(owner, organisation, PeppolCustomer);
        var id = await SalesScenario.CreateInvoiceAsync(owner, organisation, customerId);
        _fixture.PeppolFailures.Then(id, 503, 503);

        await SalesScenario.IssueAsync(owner, organisation, "invoices", id);

        var done = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "peppol", "sent");
        Assert.Equal(3, _fixture.SubmissionsOf(id).Count);
        Assert.Single(_fixture.MailsOf(id));
        Assert.Equal(2, SalesScenario.Channel(done, "peppol")!.Value.GetProperty("attempts").GetInt32());
        Assert.Equal(1, SalesScenario.Channel(done, "email")!.Value.GetProperty("attempts").GetInt32());
        Assert.Equal("sent", SalesScenario.Channel(done, "email")!.Value.GetProperty("status").GetString());
        var audit = await AuditActionsAsync(owner, organisation, id);
        Assert.Equal(2, audit.Count(action => action == "invoice.sent"));
    }

    [Fact]
    public async Task PermanentMailRejection_FailsThenResends()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customerId = await SalesScenario.CreateCustomerAsync(owner, organisation);
        var id = await SalesScenario.CreateInvoiceAsync(owner, organisation, customerId);
        _fixture.MailFailures.Always(id, 400);

        await SalesScenario.IssueAsync(owner, organisation, "invoices", id);

        var failed = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "failed");
        var email = SalesScenario.Channel(failed, "email")!.Value;
        Assert.Equal("rejected", email.GetProperty("failureCode").GetString());
        Assert.Contains("400", email.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(_fixture.MailsOf(id));
        Assert.Contains("invoice.delivery-failed", await AuditActionsAsync(owner, organisation, id));

        _fixture.MailFailures.Clear(id);
        using var resend = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices/{id}/send", new { channels = new[] { "email" } });
        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        var sent = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        Assert.Equal(2, _fixture.MailsOf(id).Count);
        Assert.False(SalesScenario.Channel(sent, "email")!.Value.TryGetProperty("failureCode", out _));
    }

    [Fact]
    public async Task EndlessTransientFailure_DeadLettersAndShowsFailed()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customerId = await SalesScenario.CreateCustomerAsync(owner, organisation);
        var id = await SalesScenario.CreateInvoiceAsync(owner, organisation, customerId);
        _fixture.MailFailures.Always(id, 503);

        await SalesScenario.IssueAsync(owner, organisation, "invoices", id);

        var failed = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "failed");
        var email = SalesScenario.Channel(failed, "email")!.Value;
        Assert.Equal("retries-exhausted", email.GetProperty("failureCode").GetString());
        Assert.Equal(DeliveryHostFixture.MaxDeliveryCount, email.GetProperty("attempts").GetInt32());
        var storage = _fixture.Host.Services.GetRequiredService<StorageClients>();
        var poison = await storage.QueueAsync(QueueNames.DocumentsRendered + QueueNames.PoisonSuffix, CancellationToken.None);
        await Eventually.TrueAsync(
            async () => (await poison.PeekMessagesAsync(32)).Value.Any(message => MessageEnvelope.FromJson(message.Body.ToString()).Payload.GetProperty("documentId").GetString() == id),
            "the delivery message in the poison queue");
        Assert.Equal(DeliveryHostFixture.MaxDeliveryCount * 2, _fixture.MailsOf(id).Count);
    }

    [Fact]
    public async Task SendByHand_WithoutEmail_Returns400()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customer = new Dictionary<string, object?> { ["deliveryChannel"] = "peppol", ["peppolId"] = "0208:0417497106", ["email"] = null };
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation, customer);
        var id = invoice.GetProperty("id").GetString()!;
        await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "peppol", "sent");

        using var response = await owner.Client.PostAsJsonAsync($"api/orgs/{organisation}/invoices/{id}/send", new { channels = new[] { "email" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("customer.email", error.GetProperty("path").GetString());
        Assert.Equal("delivery.email-missing", error.GetProperty("code").GetString());
        Assert.Contains("Klant NV", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var after = await SalesScenario.GetAsync(owner, organisation, "invoices", id);
        Assert.Null(SalesScenario.Channel(after, "email"));
        Assert.Empty(_fixture.MailsOf(id));
    }

    [Fact]
    public async Task UnknownReceiver_FailsThePeppolChannelOnly()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var customerId = await SalesScenario.CreateCustomerAsync(owner, organisation, PeppolCustomer);
        var id = await SalesScenario.CreateInvoiceAsync(owner, organisation, customerId);
        _fixture.PeppolFailures.Always(id, 422);

        await SalesScenario.IssueAsync(owner, organisation, "invoices", id);

        var failed = await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "peppol", "failed");
        Assert.Equal("rejected", SalesScenario.Channel(failed, "peppol")!.Value.GetProperty("failureCode").GetString());
        Assert.Contains("unknown-receiver", SalesScenario.Channel(failed, "peppol")!.Value.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "email", "sent");
        Assert.Single(_fixture.SubmissionsOf(id));
    }

    [Fact]
    public async Task PeppolWebhook_MarksDeliveredOnce()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation, PeppolCustomer);
        var id = invoice.GetProperty("id").GetString()!;
        await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "peppol", "sent");
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            eventId = "evt-" + Guid.NewGuid().ToString("N"),
            transmissionId = DeliveryHostFixture.TransmissionIdOf(id),
            documentId = id,
            status = "delivered",
            occurredAt = DateTimeOffset.UtcNow,
        }));
        using var anonymous = _fixture.Host.CreateClient();

        using var forged = await PostWebhookAsync(anonymous, body, "another-secret-0123456789abcdef0123456789");
        using var accepted = await PostWebhookAsync(anonymous, body, DeliveryHostFixture.WebhookSecret);
        using var replayed = await PostWebhookAsync(anonymous, body, DeliveryHostFixture.WebhookSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("applied", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("replay", (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var document = await SalesScenario.GetAsync(owner, organisation, "invoices", id);
        var peppol = SalesScenario.Channel(document, "peppol")!.Value;
        Assert.Equal("delivered", peppol.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, peppol.GetProperty("deliveredAt").ValueKind);
        Assert.Single(await AuditActionsAsync(owner, organisation, id), action => action == "invoice.delivered");
    }

    [Fact]
    public async Task PeppolWebhook_FailedStatusRecordsTheReason()
    {
        using var owner = await _fixture.SignInAsync();
        var organisation = await owner.CreateOrganisationAsync();
        var (_, invoice) = await SalesScenario.IssueInvoiceAsync(owner, organisation, PeppolCustomer);
        var id = invoice.GetProperty("id").GetString()!;
        await SalesScenario.WaitForChannelAsync(owner, organisation, "invoices", id, "peppol", "sent");
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            eventId = "evt-" + Guid.NewGuid().ToString("N"),
            transmissionId = DeliveryHostFixture.TransmissionIdOf(id),
            documentId = id,
            status = "failed",
            error = new { code = "receiver-rejected", message = "The receiving access point rejected the document." },
        }));
        using var anonymous = _fixture.Host.CreateClient();

        using var response = await PostWebhookAsync(anonymous, body, DeliveryHostFixture.WebhookSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var peppol = SalesScenario.Channel(await SalesScenario.GetAsync(owner, organisation, "invoices", id), "peppol")!.Value;
        Assert.Equal("failed", peppol.GetProperty("status").GetString());
        Assert.Equal("delivery-failed", peppol.GetProperty("failureCode").GetString());
        Assert.Contains("receiver-rejected", peppol.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, byte[] body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/peppol") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.CreateHeader(new WebhookSecret(secret), DateTimeOffset.UtcNow, body));
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> AuditActionsAsync(ApiSession session, string organisation, string documentId)
    {
        var page = await session.Client.GetFromJsonAsync<JsonElement>($"api/orgs/{organisation}/audit?limit=100");
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(entry => entry.GetProperty("targetId").GetString() == documentId)
            .Select(entry => entry.GetProperty("action").GetString()!)];
    }
}
