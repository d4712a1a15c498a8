using Bilansoft.Domain.Sales;

namespace Bilansoft.Domain.Tests.Sales;

public class StockEffectsTests
{
    private static readonly SalesDocumentContent GoodsContent = SalesBuilder.Content(lines:
    [
        SalesBuilder.Line(description: "Chair", quantity: 4m, productId: "CHAIR"),
        SalesBuilder.Line(description: "Installation", quantity: 2m),
        SalesBuilder.Line(description: "Table", quantity: 1m, productId: "TABLE"),
        SalesBuilder.Line(description: "Chair, extra", quantity: 2m, productId: "CHAIR"),
    ]);

    [Fact]
    public void WhenIssued_DeliveryNote_LowersStockPerProduct()
    {
        var note = SalesBuilder.Draft(SalesDocumentKind.DeliveryNote, GoodsContent);

        var movements = StockEffects.WhenIssued(note);

        Assert.Equal([new StockMovement("CHAIR", -6m), new StockMovement("TABLE", -1m)], movements);
    }

    [Fact]
    public void WhenIssued_InvoiceWithoutDeliveryNote_LowersStock()
    {
        var invoice = SalesBuilder.Draft(SalesDocumentKind.Invoice, GoodsContent);

        var movements = StockEffects.WhenIssued(invoice);

        Assert.Equal([new StockMovement("CHAIR", -6m), new StockMovement("TABLE", -1m)], movements);
    }

    [Fact]
    public void WhenIssued_InvoiceFromDeliveryNote_MovesNothing()
    {
        var note = SalesBuilder.IssuedDeliveryNote(GoodsContent);
        var invoice = SalesDocument.InvoiceDeliveryNotes(SalesDocumentId.New(), [note], SalesBuilder.IssueDate).Value;

        var movements = StockEffects.WhenIssued(invoice);

        Assert.Empty(movements);
    }

    [Fact]
    public void WhenIssued_InvoiceFromQuote_LowersStock()
    {
        var quote = SalesBuilder.SentQuote(GoodsContent);
        var invoice = SalesDocument.ConvertQuote(quote, SalesDocumentId.New(), SalesDocumentKind.Invoice, SalesBuilder.IssueDate).Value;

        var movements = StockEffects.WhenIssued(invoice);

        Assert.Equal(2, movements.Count);
    }

    [Fact]
    public void WhenIssued_CreditNoteForReturnedGoods_RaisesStock()
    {
        var invoice = SalesBuilder.IssuedInvoice(GoodsContent);
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, SalesBuilder.IssueDate, [invoice.Lines[2]], returnsGoods: true).Value;

        var movements = StockEffects.WhenIssued(creditNote);

        Assert.Equal([new StockMovement("TABLE", 1m)], movements);
    }

    [Fact]
    public void WhenIssued_CreditNoteWithoutReturn_MovesNothing()
    {
        var invoice = SalesBuilder.IssuedInvoice(GoodsContent);
        var creditNote = SalesDocument.CreateCreditNote(SalesDocumentId.New(), invoice, SalesBuilder.IssueDate).Value;

        var movements = StockEffects.WhenIssued(creditNote);

        Assert.Empty(movements);
    }

    [Fact]
    public void WhenIssued_Quote_MovesNothing()
    {
        var quote = SalesBuilder.Draft(SalesDocumentKind.Quote, GoodsContent);

        var movements = StockEffects.WhenIssued(quote);

        Assert.Empty(movements);
    }

    [Fact]
    public void WhenIssued_NegativeInvoiceLine_RaisesStock()
    {
        var content = SalesBuilder.Content(lines:
        [
            SalesBuilder.Line(description: "Crate of water", quantity: 5m, productId: "WATER"),
            SalesBuilder.Line(description: "Empty crate returned", quantity: -2m, unitPrice: 3m, productId: "CRATE"),
        ]);

        var movements = StockEffects.WhenIssued(SalesBuilder.Draft(content: content));

        Assert.Equal([new StockMovement("WATER", -5m), new StockMovement("CRATE", 2m)], movements);
    }
}
