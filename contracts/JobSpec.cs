namespace QuantCluster.Contracts;

/// <summary>
/// What a quant submits: a strategy, the grid of its parameters (axes enumerated in mixed radix,
/// the first axis slowest), the metric to optimise, the backtest settings, the bars, and the seed
/// that makes random and genetic searches repeatable.
/// </summary>
public sealed record JobSpec
{
    public required string Strategy { get; init; }

    public required IReadOnlyList<ParameterAxis> Axes { get; init; }

    /// <summary>A metric name (see <see cref="Metrics.Names"/>), e.g. "sharpe".</summary>
    public required string Objective { get; init; }

    public BacktestSettings Settings { get; init; } = new();

    public required JobDataSource Data { get; init; }

    public long Seed { get; init; }
}
