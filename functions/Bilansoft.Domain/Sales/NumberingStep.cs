namespace Bilansoft.Domain.Sales;

/// <summary>A number given by a series and the counter to store with it.</summary>
/// <param name="Number">The new document number.</param>
/// <param name="Counter">The series counter after giving <paramref name="Number"/>.</param>
public sealed record NumberingStep(DocumentNumber Number, NumberingCounter Counter);
