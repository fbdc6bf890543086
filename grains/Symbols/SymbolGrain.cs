using QuantCluster.Contracts.Symbols;

namespace QuantCluster.Grains.Symbols;

/// <summary>
/// The Symbol grain (key: "SYMBOL/timeframe"): the series' coverage in the bar store, read once per
/// activation and again after a minute. The bars themselves stay in each silo's <see cref="SymbolCache"/>.
/// </summary>
internal sealed class SymbolGrain(SymbolCache symbols, TimeProvider clock) : Grain, ISymbolGrain
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);

    private (SymbolCoverage? Coverage, DateTimeOffset ReadAt)? _read;

    public async Task<SymbolCoverage?> GetCoverageAsync()
    {
        if (_read is { } read && clock.GetUtcNow() - read.ReadAt < Fresh)
        {
            return read.Coverage;
        }

        if (symbols.BarStore is not { } store)
        {
            return null;
        }

        string key = this.GetPrimaryKeyString();
        int slash = key.LastIndexOf('/');
        string symbol = slash < 0 ? key : key[..slash];
        string timeframe = slash < 0 ? "" : key[(slash + 1)..];
        var found = (await store.CoverageAsync(symbol))
            .FirstOrDefault(c => string.Equals(c.Timeframe, timeframe, StringComparison.OrdinalIgnoreCase));
        var coverage = found is null ? null : new SymbolCoverage(found.Symbol, found.Timeframe, found.FirstBar, found.LastBar, found.BarCount, found.Source);
        _read = (coverage, clock.GetUtcNow());
        return coverage;
    }
}
