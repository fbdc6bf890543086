using System.Runtime.Intrinsics;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Sweeps;

namespace QuantCluster.Engine.Strategies;

public sealed class SmaCrossover : CrossoverStrategy
{
    public override string Name => "sma_crossover";

    public override string Description => "Long while the fast simple moving average of the close is above the slow one.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("fast", 1, 10_000, 10, "bars in the fast average"),
        ParameterDefinition.Integer("slow", 2, 20_000, 50, "bars in the slow average"),
        DirectionDefinition(),
    ];

    protected override (double[] Fast, double[] Slow) Lines(IndicatorCache indicators, ParameterValues values) =>
        (indicators.Sma(values.Integer("fast")), indicators.Sma(values.Integer("slow")));

    /// <summary>
    /// A sweep's sets differ only in their periods, so their averages come straight from the
    /// shared prefix sums, eight bars at a time, instead of from an 8-byte-per-bar array per
    /// period: memory traffic, not arithmetic, is what limits this step. The values are the same
    /// to the bit (see <see cref="MovingMeans"/>).
    /// </summary>
    internal override void ComputePackedPositions(IndicatorCache indicators, ReadOnlySpan<ParameterValues> sets, sbyte[][] scratch, Span<ulong> packed)
    {
        const int Lanes = LanePacking.Lanes;
        if (!MovingMeans.IsSupported || sets.Length != Lanes)
        {
            base.ComputePackedPositions(indicators, sets, scratch, packed);
            return;
        }

        var sums = indicators.CloseSums;
        Span<int> fast = stackalloc int[Lanes];
        Span<int> slow = stackalloc int[Lanes];
        Span<ulong> shortMasks = stackalloc ulong[Lanes];
        int longest = 0;
        for (int lane = 0; lane < Lanes; lane++)
        {
            fast[lane] = sets[lane].Integer("fast");
            slow[lane] = sets[lane].Integer("slow");
            shortMasks[lane] = sets[lane].Direction == Direction.LongShort ? ulong.MaxValue : 0;
            longest = Math.Max(longest, slow[lane]);
        }

        // Until the longest average is defined, and for the last few bars, one bar at a time.
        int n = packed.Length, vectorStart = Math.Min(n, longest - 1), t = 0;
        for (; t < vectorStart; t++)
        {
            packed[t] = OneBar(sums, t, fast, slow, shortMasks);
        }

        Span<ulong> rows = stackalloc ulong[Lanes];
        var margin = Vector512.Create(3 * sums.ApproximateMeanError);
        for (; t <= n - 8; t += 8)
        {
            int lastFast = -1;
            var fastMean = Vector512<double>.Zero;
            for (int lane = 0; lane < Lanes; lane++)
            {
                // Neighbouring sets of a grid share the fast period: compute it once.
                if (fast[lane] != lastFast)
                {
                    lastFast = fast[lane];
                    fastMean = MovingMeans.EightApproximately(sums, t, lastFast, Vector512.Create(1.0 / lastFast));
                }

                var slowMean = MovingMeans.EightApproximately(sums, t, slow[lane], Vector512.Create(1.0 / slow[lane]));

                // Where the approximate averages are further apart than the tie tolerance plus
                // both errors, they order exactly as the exact ones do; a close call takes the exact ones.
                var closeCall = Vector512.LessThanOrEqual(
                    Vector512.Abs(fastMean - slowMean), Vector512.Abs(slowMean) * CrossoverPositions.TieTolerance + margin);
                rows[lane] = closeCall == Vector512<double>.Zero
                    ? CrossoverPositions.Compare(fastMean, slowMean, shortMasks[lane])
                    : CrossoverPositions.Compare(Exact(sums, t, fast[lane]), Exact(sums, t, slow[lane]), shortMasks[lane]);
            }

            LanePacking.Transpose(rows, packed.Slice(t, 8));
        }

        for (; t < n; t++)
        {
            packed[t] = OneBar(sums, t, fast, slow, shortMasks);
        }
    }

    private static Vector512<double> Exact(PrefixSums sums, int t, int period) =>
        MovingMeans.Eight(sums, t, period, Vector512.Create(1.0 / period), Vector512.Create((double)period));

    /// <summary>The eight positions at bar t, with NaN (flat) while an average is still warming up, as <see cref="Sma"/> gives.</summary>
    private static ulong OneBar(PrefixSums sums, int t, ReadOnlySpan<int> fast, ReadOnlySpan<int> slow, ReadOnlySpan<ulong> shortMasks)
    {
        ulong word = 0;
        for (int lane = 0; lane < fast.Length; lane++)
        {
            double f = t + 1 >= fast[lane] ? sums.Mean(t + 1 - fast[lane], t + 1, 1.0 / fast[lane]) : double.NaN;
            double s = t + 1 >= slow[lane] ? sums.Mean(t + 1 - slow[lane], t + 1, 1.0 / slow[lane]) : double.NaN;
            word |= (ulong)(byte)CrossoverPositions.Position(f, s, shortMasks[lane] != 0) << (lane * 8);
        }

        return word;
    }
}
