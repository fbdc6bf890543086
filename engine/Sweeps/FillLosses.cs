using System.Numerics;

namespace QuantCluster.Engine.Sweeps;

/// <summary>The negative returns of each lane's fill bars (bars 1..N-1), which the series' sorted loss stream does not hold.</summary>
internal sealed class FillLosses
{
    private readonly double[][] _values;
    private readonly int[] _counts;

    public FillLosses(int lanes)
    {
        _values = new double[lanes][];
        _counts = new int[lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            _values[lane] = new double[256];
        }
    }

    public void Clear() => Array.Clear(_counts);

    public Span<double> Of(int lane) => _values[lane].AsSpan(0, _counts[lane]);

    /// <summary>Keeps the losses of the lanes whose byte differs in <paramref name="changedBytes"/>.</summary>
    public void Add(ulong changedBytes, ReadOnlySpan<double> returns)
    {
        while (changedBytes != 0)
        {
            int lane = BitOperations.TrailingZeroCount(changedBytes) >> 3;
            changedBytes &= ~(0xFFUL << (lane * 8));
            double r = returns[lane];
            if (r < 0)
            {
                ref var values = ref _values[lane];
                if (_counts[lane] == values.Length)
                {
                    Array.Resize(ref values, values.Length * 2);
                }

                values[_counts[lane]++] = r;
            }
        }
    }
}
