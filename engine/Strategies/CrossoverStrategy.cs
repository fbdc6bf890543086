using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

/// <summary>
/// A strategy that is long while one line is above another (and short below it, long/short).
/// Subclasses say which two lines; the crossing rule and its vectorised forms are shared.
/// </summary>
public abstract class CrossoverStrategy : Strategy
{
    public override IReadOnlyList<string> Constraints => ["fast < slow"];

    public override string? CheckConstraints(ParameterValues values) =>
        values["fast"] < values["slow"] ? null : $"fast ({values["fast"]}) must be less than slow ({values["slow"]})";

    public override void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions)
    {
        var (fast, slow) = Lines(indicators, values);
        CrossoverPositions.Fill(fast, slow, values.Direction, positions);
    }

    /// <summary>Reads each line once for all eight sets (in a grid, neighbouring sets share their fast line).</summary>
    internal override void ComputePackedPositions(IndicatorCache indicators, ReadOnlySpan<ParameterValues> sets, sbyte[][] scratch, Span<ulong> packed)
    {
        var fast = new double[sets.Length][];
        var slow = new double[sets.Length][];
        var directions = new Direction[sets.Length];
        for (int lane = 0; lane < sets.Length; lane++)
        {
            (fast[lane], slow[lane]) = Lines(indicators, sets[lane]);
            directions[lane] = sets[lane].Direction;
        }

        CrossoverPositions.FillPacked(fast, slow, directions, packed);
    }

    /// <summary>The line that crosses (fast) and the line it crosses (slow).</summary>
    protected abstract (double[] Fast, double[] Slow) Lines(IndicatorCache indicators, ParameterValues values);
}
