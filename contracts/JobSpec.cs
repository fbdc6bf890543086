namespace QuantCluster.Contracts;

/// <summary>
/// What a quant submits: a strategy, the grid of its parameters (axes enumerated in mixed radix,
/// the first axis slowest), how to search it, the metric to optimise, the backtest settings, the
/// bars, and the seed that makes random searches repeatable.
/// </summary>
[GenerateSerializer, Immutable, Alias("quant.JobSpec")]
public sealed record JobSpec
{
    [Id(0)]
    public required string Strategy { get; init; }

    [Id(1)]
    public required IReadOnlyList<ParameterAxis> Axes { get; init; }

    /// <summary>A metric name (see <see cref="Metrics.Names"/>), e.g. "sharpe".</summary>
    [Id(2)]
    public required string Objective { get; init; }

    /// <summary>Whether the objective is maximised; null takes the metric's natural direction (risks are minimised).</summary>
    [Id(3)]
    public bool? Maximise { get; init; }

    /// <summary>Parameter sets with fewer completed trades never rank.</summary>
    [Id(4)]
    public int MinTrades { get; init; }

    [Id(5)]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Grid;

    /// <summary>How many combinations the random optimizer draws.</summary>
    [Id(6)]
    public int Samples { get; init; }

    [Id(7)]
    public BacktestSettings Settings { get; init; } = new();

    [Id(8)]
    public required JobDataSource Data { get; init; }

    [Id(9)]
    public long Seed { get; init; }

    /// <summary>The submitter's W3C trace context, so the silos' spans join the client's trace.</summary>
    [Id(10)]
    public string? TraceParent { get; init; }

    /// <summary>How the genetic optimizer breeds; null takes its defaults.</summary>
    [Id(11)]
    public GeneticSettings? Genetic { get; init; }

    /// <summary>Set for a walk-forward analysis: the folds, each searched with <see cref="Optimizer"/> on its in-sample bars.</summary>
    [Id(12)]
    public WalkForwardSettings? WalkForward { get; init; }
}
