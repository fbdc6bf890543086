using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers;

/// <summary>
/// Every combination of the axes' values, numbered in mixed radix (the last axis varies
/// fastest), so a range of indices describes a batch without materialising it. Parameters
/// without an axis keep their defaults; combinations that break a constraint (fast &lt; slow)
/// are skipped when enumerated.
/// </summary>
public sealed class ParameterGrid
{
    private readonly int[] _parameterOfAxis;
    private readonly double[] _defaults;

    public ParameterGrid(Strategy strategy, IReadOnlyList<GridAxis> axes)
    {
        Strategy = strategy;
        Axes = axes;
        var duplicate = axes.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StrategyParameterException($"The grid names '{duplicate.Key}' twice.");
        }

        _parameterOfAxis = axes.Select(a => strategy.Parameters.ToList().FindIndex(p => p.Name == a.Name)).ToArray();
        int unknown = Array.IndexOf(_parameterOfAxis, -1);
        if (unknown >= 0)
        {
            throw new StrategyParameterException($"{strategy.Name} has no parameter '{axes[unknown].Name}'.");
        }

        _defaults = strategy.Parameters.Select(p => p.Default).ToArray();
        double size = axes.Aggregate(1.0, (product, axis) => product * axis.Values.Length);
        Size = size > long.MaxValue / 2 ? long.MaxValue : (long)size;
    }

    public Strategy Strategy { get; }

    public IReadOnlyList<GridAxis> Axes { get; }

    /// <summary>Combinations before constraints are applied.</summary>
    public long Size { get; }

    /// <summary>The combination at a mixed-radix index, in schema order, unchecked.</summary>
    public double[] ValuesAt(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        var values = (double[])_defaults.Clone();
        for (int axis = Axes.Count - 1; axis >= 0; axis--)
        {
            int radix = Axes[axis].Values.Length;
            values[_parameterOfAxis[axis]] = Axes[axis].Values[index % radix];
            index /= radix;
        }

        return values;
    }

    /// <summary>The combinations in [start, end) that keep the strategy's constraints.</summary>
    public IEnumerable<ParameterValues> Enumerate(long start = 0, long end = long.MaxValue)
    {
        end = Math.Min(end, Size);
        for (long i = start; i < end; i++)
        {
            var values = ValuesAt(i);
            if (Strategy.CheckConstraints(new ParameterValues(Strategy.Parameters, values)) is null)
            {
                yield return new ParameterValues(Strategy.Parameters, values);
            }
        }
    }
}
