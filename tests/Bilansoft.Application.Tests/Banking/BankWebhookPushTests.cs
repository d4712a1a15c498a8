using System.Text;
using Bilansoft.Application.Banking;

namespace Bilansoft.Application.Tests.Banking;

public class BankWebhookPushTests
{
    [Fact]
    public void Read_ValidPush_ReturnsItsTransactions()
    {
        var body = Json("""
            {"id":"push-1","account":{"iban":"be68 5390 0754 7034"},
             "transactions":[
               {"id":"t1","amount":12.5,"bookingDate":"2026-05-04","structuredCommunication":"***123/4567/89002***","counterparty":{"name":"Klant NV","iban":"BE94 7350 0123 4514"}},
               {"id":"t2","amount":-3,"currency":"EUR","bookingDate":"2026-05-04","valueDate":"2026-05-05","communication":"huur"}]}
            """);

        var (push, violations) = BankWebhookPush.Read(body);

        Assert.Empty(violations);
        Assert.Equal("push-1", push!.Id);
        Assert.Equal("BE68539007547034", push.Iban.Value);
        Assert.Equal("EUR", push.Currency);
        Assert.Equal(2, push.Transactions.Count);
        Assert.Equal("123456789002", push.Transactions[0].StructuredCommunication?.Digits);
        Assert.Equal("BE94735001234514", push.Transactions[0].CounterpartyIban?.Value);
        Assert.Equal(new DateOnly(2026, 5, 5), push.Transactions[1].ValueDate);
    }

    [Fact]
    public void Read_BrokenPush_ReportsEveryField()
    {
        var body = Json("""
            {"id":"push-2","account":{"iban":"BE00"},
             "transactions":[{"id":"t1","amount":0,"currency":"USD"},{"id":"t1","amount":1.001,"bookingDate":"2026-05-04","structuredCommunication":"123"}]}
            """);

        var (push, violations) = BankWebhookPush.Read(body);

        Assert.Null(push);
        Assert.Equal(
            ["account.iban", "transactions[0].amount", "transactions[0].bookingDate", "transactions[0].currency", "transactions[1].amount", "transactions[1].id", "transactions[1].structuredCommunication"],
            violations.Select(violation => violation.Path).Order());
    }

    [Fact]
    public void Read_MalformedJson_ReportsThePosition()
    {
        var (push, violations) = BankWebhookPush.Read(Json("{\"id\":"));

        Assert.Null(push);
        Assert.Equal(BankingErrorCodes.WebhookInvalid, Assert.Single(violations).Code);
    }

    [Theory]
    [InlineData("""{"id":"evt-1","account":{}}""", "evt-1")]
    [InlineData("""{"account":{"id":"inner"},"id":"evt-2"}""", "evt-2")]
    [InlineData("""{"account":{}}""", null)]
    [InlineData("""{"id":12}""", null)]
    [InlineData("not json", null)]
    public void TryReadId_FindsTheTopLevelId(string body, string? expected)
    {
        Assert.Equal(expected, BankWebhookPush.TryReadId(Json(body)));
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}
