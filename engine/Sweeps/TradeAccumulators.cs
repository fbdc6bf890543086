using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// Per-lane fill and trade tallies for two halves of a lane group, touched only on fill bars so
/// they live in memory rather than in the hot loop's registers. Counts are doubles: exact to 2^53.
/// </summary>
internal struct TradeAccumulators
{
    public Vector256<double> Fills;
    public Vector256<double> Trades;
    public Vector256<double> WinningTrades;
    public Vector256<double> GrossProfit;
    public Vector256<double> GrossLoss;
    public Vector256<double> SumOfTradeReturns;
    public Vector256<double> EntryEquity;

    /// <summary>
    /// Lanes in <paramref name="changed"/> fill: the trade held so far (if any) closes at the exit
    /// equity, and a new one (if any) opens there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Fill(Vector256<double> changed, Vector256<double> oldWeight, Vector256<double> equityBefore, Vector256<double> exitFactor)
    {
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var exitEquity = equityBefore * exitFactor;
        var closing = changed & ~Vector256.Equals(oldWeight, zero);
        var pnl = exitEquity - EntryEquity;
        var won = closing & Vector256.GreaterThan(pnl, zero);
        Trades += closing & one;
        WinningTrades += won & one;
        GrossProfit += won & pnl;
        GrossLoss -= Vector256.AndNot(closing, won) & pnl;
        SumOfTradeReturns += closing & (exitEquity / EntryEquity - one);
        EntryEquity = Vector256.ConditionalSelect(changed, exitEquity, EntryEquity);
        Fills += changed & one;
    }
}
