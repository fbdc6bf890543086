namespace QuantCluster.Contracts.Symbols;

/// <summary>The stored bars of one series: first and last bar (UTC), how many, and where the last import came from.</summary>
[GenerateSerializer, Immutable, Alias("quant.SymbolCoverage")]
public sealed record SymbolCoverage(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Timeframe,
    [property: Id(2)] DateTime FirstBar,
    [property: Id(3)] DateTime LastBar,
    [property: Id(4)] long BarCount,
    [property: Id(5)] string Source);
