using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Sweeps;

namespace QuantCluster.Engine.Strategies;

/// <summary>
/// A trading rule: from indicators up to and including bar t's close it decides the target
/// position at t, in {-1, 0, +1}. Subclasses declare their parameters and constraints; the
/// <see cref="StrategyCatalog"/> finds every subclass, so a new strategy is one new file.
/// </summary>
public abstract class Strategy
{
    public const string DirectionParameter = "direction";

    protected static readonly string[] DirectionChoices = ["long_only", "long_short"];

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>Constraints between parameters, as a user would read them (e.g. "fast < slow").</summary>
    public virtual IReadOnlyList<string> Constraints => [];

    /// <summary>Why the values break a constraint, or null when they keep them all.</summary>
    public virtual string? CheckConstraints(ParameterValues values) => null;

    /// <summary>
    /// Writes the target position decided at each bar's close. Bars whose indicators are still
    /// warming up are flat. Must use nothing after bar t to decide bar t.
    /// </summary>
    public abstract void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions);

    /// <summary>
    /// Positions of eight parameter sets at once, interleaved: byte i of packed[t] is set i's
    /// position at bar t. Each set is computed on its own into <paramref name="scratch"/>, then
    /// interleaved; a strategy whose sets share indicator arrays overrides this to read them once.
    /// </summary>
    internal virtual void ComputePackedPositions(IndicatorCache indicators, ReadOnlySpan<ParameterValues> sets, sbyte[][] scratch, Span<ulong> packed)
    {
        for (int lane = 0; lane < sets.Length; lane++)
        {
            ComputePositions(indicators, sets[lane], scratch[lane]);
        }

        LanePacking.Pack(scratch, indicators.Bars.Count, packed);
    }

    /// <summary>Values from name=value text, defaults for the rest, checked against ranges and constraints.</summary>
    public ParameterValues Bind(IReadOnlyDictionary<string, string> given)
    {
        foreach (var name in given.Keys)
        {
            if (!Parameters.Any(p => p.Name == name))
            {
                throw new StrategyParameterException(
                    $"{Name} has no parameter '{name}'. Its parameters: {string.Join(", ", Parameters.Select(p => p.Name))}.");
            }
        }

        var values = Parameters.Select(p => given.TryGetValue(p.Name, out var text) ? p.Parse(text) : p.Default).ToArray();
        return Validate(values);
    }

    /// <summary>Checks raw values in schema order against ranges and constraints.</summary>
    public ParameterValues Validate(double[] values)
    {
        var bound = new ParameterValues(Parameters, values);
        for (int i = 0; i < values.Length; i++)
        {
            Parameters[i].Check(values[i]);
        }

        if (CheckConstraints(bound) is { } broken)
        {
            throw new StrategyParameterException($"{Name}: {broken}.");
        }

        return bound;
    }

    protected static ParameterDefinition DirectionDefinition() =>
        ParameterDefinition.Choice(DirectionParameter, DirectionChoices, 0, "long_only never goes short; long_short takes both sides");
}
