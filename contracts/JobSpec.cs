namespace QuantCluster.Contracts;

/// <summary>
/// What a quant submits: a strategy, the grid of its parameters (axes enumerated in mixed radix,
/// the first axis slowest), how to search it, the metric to optimise, the backtest settings, the
/// bars, and the seed that makes random searches repeatable.
/// </summary>
public sealed record JobSpec
{
    public required string Strategy { get; init; }

    public required IReadOnlyList<ParameterAxis> Axes { get; init; }

    /// <summary>A metric name (see <see cref="Metrics.Names"/>), e.g. "sharpe".</summary>
    public required string Objective { get; init; }

    /// <summary>Whether the objective is maximised; null takes the metric's natural direction (risks are minimised).</summary>
    public bool? Maximise { get; init; }

    /// <summary>Parameter sets with fewer completed trades never rank.</summary>
    public int MinTrades { get; init; }

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Grid;

    /// <summary>How many combinations the random optimizer draws.</summary>
    public int Samples { get; init; }

    public BacktestSettings Settings { get; init; } = new();

    public required JobDataSource Data { get; init; }

    public long Seed { get; init; }

    /// <summary>The submitter's W3C trace context, so the silos' spans join the client's trace.</summary>
    public string? TraceParent { get; init; }
}
