using Bilansoft.Domain.Banking;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Domain.Tests.Banking;

/// <summary>Builders of open items and payments with valid Belgian values, overridable by name.</summary>
internal static class MatchingData
{
    // +++202/6000/10397+++ and +++123/4567/89002+++ have valid check digits.
    public static readonly StructuredCommunication Invoice7Communication = StructuredCommunication.Parse("202600010397");
    public static readonly StructuredCommunication Invoice8Communication = StructuredCommunication.Parse("123456789002");
    public static readonly Iban CustomerIban = Iban.Parse("BE94735001234514");
    public static readonly Iban SupplierIban = Iban.Parse("BE11000123456748");

    public static OpenItem SalesInvoice(
        string id = "inv-7",
        string number = "2026-0007",
        StructuredCommunication? communication = null,
        decimal openAmount = 1234.50m,
        string? name = "Klant NV",
        Iban? iban = null,
        DateOnly? dueDate = null,
        string? paymentReference = null,
        string currency = "EUR") =>
        new(id, OpenItemKind.SalesInvoice, number, communication, paymentReference, openAmount, currency, name, iban, dueDate ?? new DateOnly(2026, 2, 1));

    public static OpenItem Purchase(
        string id = "bill-3",
        string number = "F26/0113",
        StructuredCommunication? communication = null,
        decimal openAmount = 605.00m,
        string? name = "Leverancier BV",
        Iban? iban = null,
        DateOnly? dueDate = null) =>
        new(id, OpenItemKind.PurchaseInvoice, number, communication, null, openAmount, "EUR", name, iban, dueDate ?? new DateOnly(2026, 2, 1));

    public static BankPayment Payment(
        decimal amount = 1234.50m,
        StructuredCommunication? communication = null,
        string? text = null,
        string? name = null,
        Iban? iban = null,
        string id = "pay-1",
        string currency = "EUR") =>
        new(id, amount, currency, new DateOnly(2026, 1, 5), communication, text, name, iban);
}
