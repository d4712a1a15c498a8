using System.Text;
using System.Text.Json;
using Bilansoft.Application.Mail;
using Bilansoft.Infrastructure.Mail;
using Bilansoft.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Infrastructure.Tests.Mail;

/// <summary>The SendGrid adapter against a loopback server standing in for api.sendgrid.com.</summary>
public sealed class SendGridMailSenderTests : IAsyncLifetime
{
    private const string ApiKey = "SG.test-key-7f3a9c";
    private static readonly byte[] PdfBytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF, 0x10, 0x80];

    private LoopbackHttpServer _sendGrid = null!;

    public async Task InitializeAsync() => _sendGrid = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    [Fact]
    public async Task Send_PostsToMailSendWithBearerKey()
    {
        AcceptWithMessageId("msg-1");
        await using var services = CreateServices();

        await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        var request = Assert.Single(_sendGrid.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer " + ApiKey, request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BodyCarriesEveryPartOfTheMessage()
    {
        AcceptWithMessageId("msg-1");
        await using var services = CreateServices();

        await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(_sendGrid.Requests).Body);
        var root = body.RootElement;
        var to = root.GetProperty("personalizations")[0].GetProperty("to");
        Assert.Equal(2, to.GetArrayLength());
        Assert.Equal("customer@example.be", to[0].GetProperty("email").GetString());
        Assert.Equal("Klant NV", to[0].GetProperty("name").GetString());
        Assert.Equal("accounts@example.be", to[1].GetProperty("email").GetString());
        Assert.Equal("invoices@bilansoft.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Bilansoft", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("billing@acme.example", root.GetProperty("reply_to").GetProperty("email").GetString());
        Assert.Equal("Acme BV", root.GetProperty("reply_to").GetProperty("name").GetString());
        Assert.Equal("Factuur 2026-0042", root.GetProperty("subject").GetString());
        var content = root.GetProperty("content");
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Equal("Beste klant, in bijlage factuur 2026-0042.", content[0].GetProperty("value").GetString());
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.Equal("<p>Beste klant, in bijlage factuur 2026-0042.</p>", content[1].GetProperty("value").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("factuur-2026-0042.pdf", attachment.GetProperty("filename").GetString());
        Assert.Equal("application/pdf", attachment.GetProperty("type").GetString());
        Assert.Equal("attachment", attachment.GetProperty("disposition").GetString());
        Assert.Equal(PdfBytes, Convert.FromBase64String(attachment.GetProperty("content").GetString()!));
        var customArgs = root.GetProperty("custom_args");
        Assert.Equal("org-7", customArgs.GetProperty("organisationId").GetString());
        Assert.Equal("inv-2026-0042", customArgs.GetProperty("documentId").GetString());
        Assert.Equal("corr-42", customArgs.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Send_MessageWithOwnSender_UsesIt()
    {
        AcceptWithMessageId("msg-1");
        await using var services = CreateServices();
        var message = new MailMessage([new MailAddress("customer@example.be")], "Herinnering", "Tekst")
        {
            From = new MailAddress("noreply@acme.example", "Acme BV via Bilansoft"),
        };

        await services.GetRequiredService<IMailSender>().SendAsync(message, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(_sendGrid.Requests).Body);
        var from = body.RootElement.GetProperty("from");
        Assert.Equal("noreply@acme.example", from.GetProperty("email").GetString());
        Assert.Equal("Acme BV via Bilansoft", from.GetProperty("name").GetString());
        Assert.False(body.RootElement.TryGetProperty("reply_to", out _));
        Assert.False(body.RootElement.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task Send_Accepted_ReturnsXMessageId()
    {
        AcceptWithMessageId("14c5d75ce93.dfd.64b469.filter-0001.16648.5515E0B88.0");
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        Assert.Equal("14c5d75ce93.dfd.64b469.filter-0001.16648.5515E0B88.0", result.ProviderMessageId);
    }

    [Fact]
    public async Task Send_TwoServerErrors_SucceedsOnThirdAttempt()
    {
        _sendGrid.Respond((_, response) =>
        {
            if (_sendGrid.Requests.Count <= 2)
            {
                response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            }

            return Accept(response, "msg-3");
        });
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        Assert.Equal("msg-3", result.ProviderMessageId);
        Assert.Equal(3, _sendGrid.Requests.Count);
        Assert.Single(_sendGrid.Requests.Select(r => r.BodyText).Distinct());
    }

    [Fact]
    public async Task Send_ServerErrorEveryTime_IsTransient()
    {
        _sendGrid.RespondWith(StatusCodes.Status503ServiceUnavailable);
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<MailSendException>(() => services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(3, _sendGrid.Requests.Count);
    }

    [Fact]
    public async Task Send_BadRequest_IsPermanentWithoutRetry()
    {
        _sendGrid.RespondWith(
            StatusCodes.Status400BadRequest,
            """{"errors":[{"message":"Does not contain a valid address: customer@example.be","field":"personalizations.0.to.0.email","help":null}]}""");
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<MailSendException>(() => services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal(400, exception.StatusCode);
        Assert.Contains("personalizations.0.to.0.email", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("customer@example.be", exception.Message, StringComparison.Ordinal);
        Assert.Single(_sendGrid.Requests);
    }

    [Fact]
    public async Task Send_Unauthorized_IsPermanent()
    {
        _sendGrid.RespondWith(StatusCodes.Status401Unauthorized, """{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}""");
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<MailSendException>(() => services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal(401, exception.StatusCode);
        Assert.Single(_sendGrid.Requests);
    }

    [Fact]
    public async Task Send_TooManyRequests_IsRetried()
    {
        _sendGrid.Respond((_, response) =>
        {
            if (_sendGrid.Requests.Count == 1)
            {
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Task.CompletedTask;
            }

            return Accept(response, "msg-2");
        });
        await using var services = CreateServices();

        var result = await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        Assert.Equal("msg-2", result.ProviderMessageId);
        Assert.Equal(2, _sendGrid.Requests.Count);
    }

    [Fact]
    public async Task Send_TooManyRequestsEveryTime_IsTransient()
    {
        _sendGrid.RespondWith(StatusCodes.Status429TooManyRequests);
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<MailSendException>(() => services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(3, _sendGrid.Requests.Count);
    }

    [Fact]
    public async Task Send_NoResponseInTime_IsTransient()
    {
        _sendGrid.Respond(async (_, response) => await Task.Delay(TimeSpan.FromSeconds(20), response.HttpContext.RequestAborted));
        await using var services = CreateServices(new() { ["SendGrid:AttemptTimeout"] = "00:00:00.300" });

        var exception = await Assert.ThrowsAsync<MailSendException>(() => services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Null(exception.StatusCode);
        Assert.Equal(3, _sendGrid.Requests.Count);
    }

    [Fact]
    public async Task Send_Logs_NoKeyAddressOrBody()
    {
        _sendGrid.Respond((_, response) =>
        {
            if (_sendGrid.Requests.Count == 1)
            {
                response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            }

            return Accept(response, "msg-logged");
        });
        using var logs = new LogCapture();
        await using var services = CreateServices(logs: logs);

        await services.GetRequiredService<IMailSender>().SendAsync(Invoice(), CancellationToken.None);

        var text = string.Join('\n', logs.Logs.Select(log => log.Message + " " + string.Join(' ', log.Scope.Values)));
        Assert.Contains(logs.Logs, log => log.Message.Contains("msg-logged", StringComparison.Ordinal) && log.Message.Contains("inv-2026-0042", StringComparison.Ordinal));
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.be", text, StringComparison.Ordinal);
        Assert.DoesNotContain("acme.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beste klant", text, StringComparison.Ordinal);
    }

    private static MailMessage Invoice() =>
        new([new MailAddress("customer@example.be", "Klant NV"), new MailAddress("accounts@example.be")], "Factuur 2026-0042", "Beste klant, in bijlage factuur 2026-0042.")
        {
            ReplyTo = new MailAddress("billing@acme.example", "Acme BV"),
            HtmlBody = "<p>Beste klant, in bijlage factuur 2026-0042.</p>",
            Attachments = [new MailAttachment("factuur-2026-0042.pdf", "application/pdf", PdfBytes)],
            Metadata = new MailMetadata("org-7", "inv-2026-0042", "corr-42"),
        };

    private static Task Accept(HttpResponse response, string messageId)
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers["X-Message-Id"] = messageId;
        return Task.CompletedTask;
    }

    private void AcceptWithMessageId(string messageId) => _sendGrid.Respond((_, response) => Accept(response, messageId));

    private ServiceProvider CreateServices(Dictionary<string, string?>? overrides = null, LogCapture? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = ApiKey,
            ["SendGrid:FromAddress"] = "invoices@bilansoft.example",
            ["SendGrid:FromName"] = "Bilansoft",
            ["SendGrid:Host"] = _sendGrid.BaseAddress.ToString(),
            ["SendGrid:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddBilansoftOutbound(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
