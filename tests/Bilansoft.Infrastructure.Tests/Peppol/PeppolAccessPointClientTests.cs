using System.Text.Json;
using Bilansoft.Application.Peppol;
using Bilansoft.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bilansoft.Infrastructure.Tests.Peppol;

/// <summary>The access-point client against a loopback server that follows the documented contract.</summary>
public sealed class PeppolAccessPointClientTests : IAsyncLifetime
{
    private const string ApiKey = "ap-test-key-51c2";
    private const string Accepted = """{"transmissionId":"tx-1001","documentId":"inv-2026-0042","status":"accepted"}""";
    private static readonly byte[] Ubl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><cbc:ID>2026-0042</cbc:ID></Invoice>"u8.ToArray();

    private LoopbackHttpServer _accessPoint = null!;

    public async Task InitializeAsync() => _accessPoint = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync() => await _accessPoint.DisposeAsync();

    [Fact]
    public async Task Submit_SendsApiKeyAndIdempotencyKey()
    {
        _accessPoint.RespondWith(StatusCodes.Status202Accepted, Accepted);
        await using var services = CreateServices();

        await services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None);

        var request = Assert.Single(_accessPoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/transmissions", request.Path);
        Assert.Equal(ApiKey, request.Headers["X-Api-Key"]);
        Assert.Equal("inv-2026-0042", request.Headers["Idempotency-Key"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Submit_BodyFollowsContract()
    {
        _accessPoint.RespondWith(StatusCodes.Status202Accepted, Accepted);
        await using var services = CreateServices();

        await services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(_accessPoint.Requests).Body);
        var root = body.RootElement;
        Assert.Equal("0208:0123456749", root.GetProperty("senderId").GetString());
        Assert.Equal("0208:0417497106", root.GetProperty("receiverId").GetString());
        Assert.Equal(PeppolBisBilling.InvoiceDocumentTypeId, root.GetProperty("documentTypeId").GetString());
        Assert.Equal(PeppolBisBilling.ProcessId, root.GetProperty("processId").GetString());
        Assert.Equal("inv-2026-0042", root.GetProperty("documentId").GetString());
        Assert.Equal(Ubl, Convert.FromBase64String(root.GetProperty("document").GetString()!));
        Assert.Equal(6, root.EnumerateObject().Count());
    }

    [Fact]
    public async Task Submit_Accepted_ReturnsTransmission()
    {
        _accessPoint.RespondWith(StatusCodes.Status202Accepted, Accepted);
        await using var services = CreateServices();

        var transmission = await services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None);

        Assert.Equal(new PeppolTransmission("tx-1001", PeppolTransmissionStatus.Accepted), transmission);
    }

    [Fact]
    public async Task Submit_ServiceUnavailableTwice_RetriesWithSameKey()
    {
        _accessPoint.Respond(async (_, response) =>
        {
            response.StatusCode = _accessPoint.Requests.Count <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted;
            await response.WriteAsync(_accessPoint.Requests.Count <= 2 ? string.Empty : Accepted);
        });
        await using var services = CreateServices();

        var transmission = await services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None);

        Assert.Equal("tx-1001", transmission.TransmissionId);
        Assert.Equal(3, _accessPoint.Requests.Count);
        Assert.All(_accessPoint.Requests, request => Assert.Equal("inv-2026-0042", request.Headers["Idempotency-Key"]));
        Assert.Single(_accessPoint.Requests.Select(request => request.BodyText).Distinct());
    }

    [Theory]
    [InlineData(StatusCodes.Status429TooManyRequests)]
    [InlineData(StatusCodes.Status500InternalServerError)]
    [InlineData(StatusCodes.Status502BadGateway)]
    public async Task Submit_FailingEveryTime_IsTransient(int status)
    {
        _accessPoint.RespondWith(status);
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<PeppolAccessPointException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(3, _accessPoint.Requests.Count);
    }

    [Fact]
    public async Task Submit_UnknownReceiver_IsPermanentWithoutRetry()
    {
        _accessPoint.Respond(async (_, response) =>
        {
            response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            response.ContentType = "application/problem+json";
            await response.WriteAsync("""{"type":"about:blank","title":"Unknown receiver","status":422,"detail":"0208:0417497106 is not registered in the SMP.","code":"unknown-receiver"}""");
        });
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<PeppolAccessPointException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal(422, exception.StatusCode);
        Assert.Equal("unknown-receiver", exception.ErrorCode);
        Assert.Contains("inv-2026-0042", exception.Message, StringComparison.Ordinal);
        Assert.Single(_accessPoint.Requests);
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest)]
    [InlineData(StatusCodes.Status401Unauthorized)]
    [InlineData(StatusCodes.Status409Conflict)]
    public async Task Submit_ClientError_IsPermanent(int status)
    {
        _accessPoint.RespondWith(status, "not json");
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<PeppolAccessPointException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal(status, exception.StatusCode);
        Assert.Null(exception.ErrorCode);
        Assert.Single(_accessPoint.Requests);
    }

    [Fact]
    public async Task Submit_NoResponseInTime_IsTransient()
    {
        _accessPoint.Respond(async (_, response) => await Task.Delay(TimeSpan.FromSeconds(20), response.HttpContext.RequestAborted));
        await using var services = CreateServices(new() { ["PeppolAccessPoint:AttemptTimeout"] = "00:00:00.300" });

        var exception = await Assert.ThrowsAsync<PeppolAccessPointException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Null(exception.StatusCode);
        Assert.Equal(3, _accessPoint.Requests.Count);
    }

    [Theory]
    [InlineData("""{"transmissionId":"tx-1001","status":"sending"}""", "an unknown status")]
    [InlineData("""{"transmissionId":"tx-1001","status":1}""", "a numeric status")]
    [InlineData("""{"status":"accepted"}""", "no transmission id")]
    [InlineData("", "an empty body")]
    public async Task Submit_SuccessWithUnreadableBody_IsPermanent(string body, string reason)
    {
        _accessPoint.RespondWith(StatusCodes.Status202Accepted, body);
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<PeppolAccessPointException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None));

        Assert.False(exception.IsTransient, reason);
        Assert.Single(_accessPoint.Requests);
    }

    [Fact]
    public async Task Submit_DocumentIdWithSpace_IsRejected()
    {
        await using var services = CreateServices();

        await Assert.ThrowsAsync<ArgumentException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission() with { DocumentId = "inv 42" }, CancellationToken.None));

        Assert.Empty(_accessPoint.Requests);
    }

    [Fact]
    public async Task Submit_NotConfigured_FailsWithSettingNames()
    {
        await using var services = CreateServices(new() { ["PeppolAccessPoint:BaseUrl"] = null });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<IPeppolAccessPoint>().SubmitAsync(Submission(), CancellationToken.None));

        Assert.Contains("PeppolAccessPoint__BaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTransmission_ReadsDeliveredStatus()
    {
        _accessPoint.RespondWith(StatusCodes.Status200OK, """{"transmissionId":"tx/1001","documentId":"inv-2026-0042","status":"delivered"}""");
        await using var services = CreateServices();

        var transmission = await services.GetRequiredService<IPeppolAccessPoint>().GetTransmissionAsync("tx/1001", CancellationToken.None);

        Assert.Equal(new PeppolTransmission("tx/1001", PeppolTransmissionStatus.Delivered), transmission);
        var request = Assert.Single(_accessPoint.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/v1/transmissions/tx%2F1001", request.Path);
        Assert.Equal(ApiKey, request.Headers["X-Api-Key"]);
    }

    [Fact]
    public async Task GetTransmission_Failed_ReturnsFailureCode()
    {
        _accessPoint.RespondWith(
            StatusCodes.Status200OK,
            """{"transmissionId":"tx-1001","documentId":"inv-2026-0042","status":"failed","error":{"code":"receiver-rejected","message":"The receiving access point rejected the document."}}""");
        await using var services = CreateServices();

        var transmission = await services.GetRequiredService<IPeppolAccessPoint>().GetTransmissionAsync("tx-1001", CancellationToken.None);

        Assert.Equal(PeppolTransmissionStatus.Failed, transmission.Status);
        Assert.Equal("receiver-rejected", transmission.FailureCode);
        Assert.Equal("The receiving access point rejected the document.", transmission.FailureMessage);
    }

    [Fact]
    public async Task GetTransmission_UnknownId_IsPermanent()
    {
        _accessPoint.RespondWith(StatusCodes.Status404NotFound, """{"title":"Not found","status":404,"code":"unknown-transmission"}""");
        await using var services = CreateServices();

        var exception = await Assert.ThrowsAsync<PeppolAccessPointException>(() => services.GetRequiredService<IPeppolAccessPoint>().GetTransmissionAsync("tx-404", CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal("unknown-transmission", exception.ErrorCode);
    }

    private static PeppolSubmission Submission() => new(
        PeppolParticipantId.Parse("0208:0123456749"),
        PeppolParticipantId.Parse("0208:0417497106"),
        PeppolBisBilling.InvoiceDocumentTypeId,
        PeppolBisBilling.ProcessId,
        "inv-2026-0042",
        Ubl);

    private ServiceProvider CreateServices(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // No trailing slash, as an operator would likely type it.
            ["PeppolAccessPoint:BaseUrl"] = new Uri(_accessPoint.BaseAddress, "api/v1").ToString(),
            ["PeppolAccessPoint:ApiKey"] = ApiKey,
            ["PeppolAccessPoint:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddBilansoftOutbound(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
