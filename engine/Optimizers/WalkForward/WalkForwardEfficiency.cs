namespace QuantCluster.Engine.Optimizers.WalkForward;

/// <summary>
/// Walk-forward efficiency: the annualised return earned out of sample over the one the chosen sets
/// showed in sample. Near 1 the optimisation carried over; near 0 or below it did not. Undefined (NaN)
/// when the in-sample return was not positive, as a ratio to it would mean nothing.
/// </summary>
public static class WalkForwardEfficiency
{
    /// <param name="outOfSampleCagr">The stitched out-of-sample run's CAGR.</param>
    /// <param name="inSampleCagrs">Each fold's chosen set's in-sample CAGR.</param>
    public static double Of(double outOfSampleCagr, IReadOnlyList<double> inSampleCagrs)
    {
        ArgumentNullException.ThrowIfNull(inSampleCagrs);
        double inSample = inSampleCagrs.Count > 0 ? inSampleCagrs.Average() : double.NaN;
        return inSample > 0 ? outOfSampleCagr / inSample : double.NaN;
    }
}
