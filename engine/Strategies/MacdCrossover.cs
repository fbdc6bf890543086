using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class MacdCrossover : Strategy
{
    public override string Name => "macd_crossover";

    public override string Description => "Long while the MACD line is above its signal line.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("fast", 1, 1_000, 12, "bars in the fast EMA"),
        ParameterDefinition.Integer("slow", 2, 2_000, 26, "bars in the slow EMA"),
        ParameterDefinition.Integer("signal", 1, 1_000, 9, "bars in the signal EMA of the MACD line"),
        DirectionDefinition(),
    ];

    public override IReadOnlyList<string> Constraints => ["fast < slow"];

    public override string? CheckConstraints(ParameterValues values) =>
        values["fast"] < values["slow"] ? null : $"fast ({values["fast"]}) must be less than slow ({values["slow"]})";

    public override void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions)
    {
        var macd = indicators.Macd(values.Integer("fast"), values.Integer("slow"), values.Integer("signal"));
        CrossoverPositions.Fill(macd.Line, macd.Signal, values.Direction, positions);
    }
}
