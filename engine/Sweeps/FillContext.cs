using QuantCluster.Engine.Simulation;

namespace QuantCluster.Engine.Sweeps;

/// <summary>The prices and costs a fill needs, gathered once per simulation.</summary>
internal readonly struct FillContext(double[] open, double[] close, bool atClose, double commissionRate, double slippageRate, double fraction)
{
    public double Fraction => fraction;

    public double Return(int t, double oldWeight, double newWeight, out double exitFactor)
    {
        double reference = atClose ? close[t] : open[t];
        double previousClose = t == 0 ? reference : close[t - 1];
        return FillBar.Return(oldWeight, newWeight, previousClose, reference, close[t], commissionRate, slippageRate, out _, out exitFactor);
    }
}
