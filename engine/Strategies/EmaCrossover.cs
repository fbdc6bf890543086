using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class EmaCrossover : Strategy
{
    public override string Name => "ema_crossover";

    public override string Description => "Long while the fast exponential moving average of the close is above the slow one.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("fast", 1, 10_000, 12, "bars in the fast average"),
        ParameterDefinition.Integer("slow", 2, 20_000, 26, "bars in the slow average"),
        DirectionDefinition(),
    ];

    public override IReadOnlyList<string> Constraints => ["fast < slow"];

    public override string? CheckConstraints(ParameterValues values) =>
        values["fast"] < values["slow"] ? null : $"fast ({values["fast"]}) must be less than slow ({values["slow"]})";

    public override void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions) =>
        CrossoverPositions.Fill(indicators.Ema(values.Integer("fast")), indicators.Ema(values.Integer("slow")), values.Direction, positions);
}
