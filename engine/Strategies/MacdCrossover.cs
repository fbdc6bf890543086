using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class MacdCrossover : CrossoverStrategy
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

    protected override (double[] Fast, double[] Slow) Lines(IndicatorCache indicators, ParameterValues values)
    {
        var macd = indicators.Macd(values.Integer("fast"), values.Integer("slow"), values.Integer("signal"));
        return (macd.Line, macd.Signal);
    }
}
