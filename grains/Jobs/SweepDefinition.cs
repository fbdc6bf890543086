using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers;
using QuantCluster.Engine.Optimizers.Genetic;
using QuantCluster.Engine.Optimizers.WalkForward;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Grains.Jobs;

/// <summary>
/// A job spec resolved against the engine: the strategy, its grid, the objective and, for a random
/// search, the drawn combinations, for a genetic one the search. Every silo resolves the same spec to the same sets in the same
/// order, so a work item only needs a range of positions. Building one checks the spec; the client
/// builds one before submitting, so an absurd sweep is refused before anything is stored.
/// </summary>
public sealed class SweepDefinition
{
    /// <summary>Combinations a grid may have, before constraints: beyond this a sweep is a typo, not a plan.</summary>
    public const long MaxGridSize = 10_000_000_000;

    /// <summary>Draws a random search may ask for.</summary>
    public const int MaxSamples = 10_000_000;

    private readonly Lazy<long[]> _sampleIndices;

    private SweepDefinition(JobSpec spec, Strategy strategy, ParameterGrid grid, Objective objective)
    {
        Spec = spec;
        Strategy = strategy;
        Grid = grid;
        Objective = objective;
        Genetic = spec.Optimizer == OptimizerKind.Genetic ? new GeneticSearch(grid, spec.Genetic ?? new GeneticSettings(), spec.Seed) : null;
        _sampleIndices = new Lazy<long[]>(() => RandomSearch.SampleIndices(grid, spec.Samples, new Random(unchecked((int)spec.Seed ^ (int)(spec.Seed >> 32)))));
    }

    public JobSpec Spec { get; }

    public Strategy Strategy { get; }

    public ParameterGrid Grid { get; }

    public Objective Objective { get; }

    /// <summary>The genetic search of a genetic job; null for a grid or random search.</summary>
    public GeneticSearch? Genetic { get; }

    /// <summary>How many positions the sweep walks: grid indices (some break constraints and are skipped) or random draws.</summary>
    public long Positions => Spec.Optimizer == OptimizerKind.Grid ? Grid.Size : Spec.Samples;

    /// <summary>Checks the spec and resolves it.</summary>
    /// <exception cref="StrategyParameterException">The strategy, a parameter, a range or the sweep's size makes no sense; the message says what to change.</exception>
    /// <exception cref="ArgumentException">The objective or a backtest setting makes no sense.</exception>
    public static SweepDefinition From(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var strategy = StrategyCatalog.Find(spec.Strategy);
        spec.Settings.Validate();
        var objective = Objective.For(spec.Objective, spec.MinTrades, spec.Maximise);
        var axes = spec.Axes.Select(axis => Axis(strategy, axis)).ToArray();
        var grid = new ParameterGrid(strategy, axes);
        double size = axes.Aggregate(1.0, (product, axis) => product * axis.Values.Length);
        if (size > MaxGridSize)
        {
            throw new StrategyParameterException(
                $"The grid has {size:N0} combinations ({string.Join(" x ", axes.Select(a => $"{a.Values.Length:N0} {a.Name}"))}); " +
                $"a sweep takes at most {MaxGridSize:N0}. Use larger steps or fewer axes, or sample it with --optimizer random --samples N.");
        }

        if (spec.Optimizer == OptimizerKind.Random)
        {
            if (spec.Samples < 1 || spec.Samples > MaxSamples)
            {
                throw new StrategyParameterException($"A random search draws between 1 and {MaxSamples:N0} samples; {spec.Samples:N0} were asked for.");
            }

            if (spec.Samples > grid.Size)
            {
                throw new StrategyParameterException(
                    $"{spec.Samples:N0} random samples were asked of a grid of {grid.Size:N0} combinations; ask for at most {grid.Size:N0}, or use the grid optimizer.");
            }
        }
        else if (spec.Samples != 0)
        {
            throw new StrategyParameterException("Samples are for the random optimizer; a grid evaluates every combination and a genetic search breeds its own.");
        }

        if (spec.Optimizer != OptimizerKind.Genetic && spec.Genetic is not null)
        {
            throw new StrategyParameterException("Population, generations and the other breeding settings are for --optimizer genetic.");
        }

        if (spec.WalkForward is { Folds: < 0 or > WalkForwardPlan.MaxFolds } walkForward)
        {
            throw new StrategyParameterException($"--folds must be between 1 and {WalkForwardPlan.MaxFolds:N0}; got {walkForward.Folds:N0}.");
        }

        var definition = new SweepDefinition(spec, strategy, grid, objective);
        if (definition.EstimateValidFraction() == 0)
        {
            throw new StrategyParameterException(
                $"No combination of the grid satisfies {strategy.Name}'s constraints ({string.Join(", ", strategy.Constraints)}); change the ranges.");
        }

        return definition;
    }

    /// <summary>
    /// The share of grid positions that keep the constraints: exact for a grid up to 100,000
    /// combinations, else from 4,096 seeded draws (never 0 then, as valid sets may be rare).
    /// Always 1 for a random search, whose draws are all valid.
    /// </summary>
    public double EstimateValidFraction()
    {
        if (Spec.Optimizer != OptimizerKind.Grid)
        {
            return 1;
        }

        if (Grid.Size <= 100_000)
        {
            return (double)Grid.Enumerate().LongCount() / Grid.Size;
        }

        const int Draws = 4096;
        var random = new Random(17);
        int valid = 0;
        for (int i = 0; i < Draws; i++)
        {
            if (Strategy.CheckConstraints(new ParameterValues(Strategy.Parameters, Grid.ValuesAt(random.NextInt64(Grid.Size)))) is null)
            {
                valid++;
            }
        }

        return Math.Max(valid, 1) / (double)Draws;
    }

    /// <summary>The parameter sets at positions [start, end), in order: valid grid combinations, or random draws.</summary>
    public IReadOnlyList<ParameterValues> SetsAt(long start, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Positions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (Spec.Optimizer == OptimizerKind.Grid)
        {
            return Grid.Enumerate(start, end).ToArray();
        }

        return SetsOf(new ArraySegment<long>(_sampleIndices.Value, (int)start, (int)(end - start)));
    }

    /// <summary>The grid's combinations at these mixed-radix indices, in order (a genetic generation's genomes).</summary>
    public IReadOnlyList<ParameterValues> SetsOf(IReadOnlyList<long> gridIndices)
    {
        ArgumentNullException.ThrowIfNull(gridIndices);
        var sets = new ParameterValues[gridIndices.Count];
        for (int i = 0; i < sets.Length; i++)
        {
            sets[i] = new ParameterValues(Strategy.Parameters, Grid.ValuesAt(gridIndices[i]));
        }

        return sets;
    }

    /// <summary>A set named as results store it, back in schema order; parameters it does not name keep their defaults.</summary>
    public ParameterValues Values(IReadOnlyDictionary<string, double> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        return new ParameterValues(Strategy.Parameters, [.. Strategy.Parameters.Select(p => named.TryGetValue(p.Name, out double v) ? v : p.Default)]);
    }

    /// <summary>A set's values by parameter name, as results store them.</summary>
    public IReadOnlyDictionary<string, double> Named(ParameterValues set)
    {
        var named = new Dictionary<string, double>(Strategy.Parameters.Count);
        for (int i = 0; i < Strategy.Parameters.Count; i++)
        {
            named[Strategy.Parameters[i].Name] = set.Values[i];
        }

        return named;
    }

    private static GridAxis Axis(Strategy strategy, ParameterAxis axis)
    {
        var definition = strategy.Parameters.FirstOrDefault(p => p.Name == axis.Name)
            ?? throw new StrategyParameterException(
                $"{strategy.Name} has no parameter '{axis.Name}'. Its parameters: {string.Join(", ", strategy.Parameters.Select(p => p.Name))}.");
        if (axis.Values.Count == 0)
        {
            throw new StrategyParameterException($"The grid axis '{axis.Name}' has no values.");
        }

        if (axis.Values.Count > GridAxis.MaxValues)
        {
            throw new StrategyParameterException($"The grid axis '{axis.Name}' has {axis.Values.Count:N0} values; one axis takes at most {GridAxis.MaxValues:N0}.");
        }

        foreach (double value in axis.Values)
        {
            definition.Check(value);
        }

        return new GridAxis(axis.Name, [.. axis.Values]);
    }
}
