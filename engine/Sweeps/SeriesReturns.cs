using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Metrics;

namespace QuantCluster.Engine.Sweeps;

/// <summary>
/// What every parameter set of a sweep over one series shares: close-to-close returns, and the
/// losses a position can take, sorted. On a bar without a fill a set's return is +ret[t] (long),
/// -ret[t] (short) or 0, so its 5% tail is read off this one sorted stream instead of sorting
/// each set's returns. Built once per series and fill mode; safe to share between threads.
/// </summary>
internal sealed class SeriesReturns
{
    public SeriesReturns(BarSeries bars)
    {
        Bars = bars;
        int n = bars.Count;
        var close = bars.Close;
        CloseToClose = new double[n];
        ZeroReturnsBefore = new int[n + 1];
        int losses = 0;
        for (int t = 1; t < n; t++)
        {
            double r = close[t] / close[t - 1] - 1;
            CloseToClose[t] = r;
            ZeroReturnsBefore[t + 1] = ZeroReturnsBefore[t] + (r == 0 ? 1 : 0);
            losses += r != 0 ? 1 : 0;
        }

        // Every nonzero return is a loss on one side: a long loses -|r| when r < 0, a short when r > 0.
        LossValues = new double[losses];
        LossCodes = new int[losses];
        int k = 0;
        for (int t = 1; t < n; t++)
        {
            double r = CloseToClose[t];
            if (r != 0)
            {
                LossValues[k] = Math.Abs(r);
                LossCodes[k] = (t << 1) | (r < 0 ? 0 : 1);
                k++;
            }
        }

        LossOrder.SortDescending(LossValues, LossCodes);
        for (int i = 0; i < LossValues.Length; i++)
        {
            LossValues[i] = -LossValues[i];
        }
        TailCount = ReturnStatistics.TailCount(n - 1);
    }

    public BarSeries Bars { get; }

    /// <summary>close[t] / close[t-1] - 1, and 0 at t = 0.</summary>
    public double[] CloseToClose { get; }

    /// <summary>How many of the returns at 1..i-1 are exactly zero.</summary>
    public int[] ZeroReturnsBefore { get; }

    /// <summary>-|ret[t]| for every nonzero return, ascending.</summary>
    public double[] LossValues { get; }

    /// <summary>For each loss, (t &lt;&lt; 1) | side, where side 0 means a long position takes it and 1 a short one.</summary>
    public int[] LossCodes { get; }

    /// <summary>How many returns the 5% tail holds.</summary>
    public int TailCount { get; }
}
