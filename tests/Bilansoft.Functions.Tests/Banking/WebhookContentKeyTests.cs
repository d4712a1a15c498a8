using System.Text;
using Bilansoft.Application.Banking;
using Bilansoft.Formats.Banking;

namespace Bilansoft.Functions.Tests.Banking;

public sealed class WebhookContentKeyTests
{
    [Fact]
    public async Task PushedTransaction_HasTheKeyOfTheSameCodaMovement()
    {
        var day = new DateOnly(2026, 1, 5);
        var file = CodaFile.Build(1, day, 0m, [new CodaMovement(1234.50m, StructuredCommunication: "123456789002", EndToEndId: "E2E-INV-2026-0007")]);
        var coda = (await BankStatementReader.ReadAllAsync(new MemoryStream(file)))[0].Transactions[0];
        var body = Encoding.UTF8.GetBytes("""
            {"id":"p1","account":{"iban":"BE68 5390 0754 7034"},"transactions":[{"id":"t1","amount":1234.5,"bookingDate":"2026-01-05",
             "valueDate":"2026-01-05","structuredCommunication":"+++123/4567/89002+++","endToEndId":"E2E-INV-2026-0007",
             "counterparty":{"name":"Klant NV","iban":"BE94735001234514"}}]}
            """);

        var (push, violations) = BankWebhookPush.Read(body);

        Assert.Empty(violations);
        var pushed = push!.ToBankTransaction(push.Transactions[0], 1);
        Assert.Equal(coda.Key, pushed.Key);
    }
}
