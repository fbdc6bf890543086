namespace QuantCluster.Engine.Indicators;

/// <summary>
/// Neumaier-compensated running sum. A rolling window over a million bars adds and removes every
/// value once; without compensation the rounding error drifts and two nearly equal averages can
/// cross where the exact ones do not.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public readonly double Value => _sum + _compensation;

    public void Add(double value)
    {
        double t = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        _sum = t;
    }
}
