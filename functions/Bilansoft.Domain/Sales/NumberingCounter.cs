namespace Bilansoft.Domain.Sales;

/// <summary>The state of a numbering series after its last number, as the application stores it.</summary>
/// <param name="Year">Year of the last number given.</param>
/// <param name="LastSequence">Sequence of the last number given; the next number is one higher, or 1 after a yearly restart.</param>
public sealed record NumberingCounter(int Year, long LastSequence);
