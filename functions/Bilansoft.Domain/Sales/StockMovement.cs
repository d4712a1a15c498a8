namespace Bilansoft.Domain.Sales;

/// <summary>A change of the stock of one product caused by issuing a document.</summary>
/// <param name="ProductId">The seller's product identifier (<see cref="SalesLine.ProductId"/>).</param>
/// <param name="QuantityDelta">Change in the line's unit: negative when goods leave, positive when they come back.</param>
public sealed record StockMovement(string ProductId, decimal QuantityDelta);
