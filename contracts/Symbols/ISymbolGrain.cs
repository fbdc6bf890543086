namespace QuantCluster.Contracts.Symbols;

/// <summary>
/// One series of the bar store (key: "SYMBOL/timeframe"): its coverage. The bars themselves are cached
/// per silo beside the workers, never copied through grain calls.
/// </summary>
public interface ISymbolGrain : IGrainWithStringKey
{
    /// <summary>The stored bars' coverage; null when the store holds none of the series or the cluster has no database.</summary>
    Task<SymbolCoverage?> GetCoverageAsync();
}
