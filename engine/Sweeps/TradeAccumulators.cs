using System.Runtime.CompilerServices;
using QuantCluster.Engine.Sweeps.Lanes;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Per-lane fill and trade tallies, touched only on fill bars so they live in memory rather
/// than in the hot loop's registers. Counts are doubles: exact to 2^53.
/// </summary>
internal struct TradeAccumulators<TLanes>
    where TLanes : struct, ILanes<TLanes>
{
    public TLanes Fills;
    public TLanes Trades;
    public TLanes WinningTrades;
    public TLanes GrossProfit;
    public TLanes GrossLoss;
    public TLanes SumOfTradeReturns;
    public TLanes EntryEquity;

    /// <summary>
    /// Lanes in <paramref name="changed"/> fill: the trade held so far (if any) closes at the exit
    /// equity, and a new one (if any) opens there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Fill(TLanes changed, TLanes oldWeight, TLanes equityBefore, TLanes exitFactor)
    {
        var zero = TLanes.Zero;
        var one = TLanes.One;
        var exitEquity = equityBefore * exitFactor;
        var closing = TLanes.AndNot(changed, TLanes.Equal(oldWeight, zero));
        var pnl = exitEquity - EntryEquity;
        var won = closing & TLanes.GreaterThan(pnl, zero);
        Trades += closing & one;
        WinningTrades += won & one;
        GrossProfit += won & pnl;
        GrossLoss -= TLanes.AndNot(closing, won) & pnl;
        SumOfTradeReturns += closing & (exitEquity / EntryEquity - one);
        EntryEquity = TLanes.Select(changed, exitEquity, EntryEquity);
        Fills += changed & one;
    }
}
