using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class EmaCrossover : CrossoverStrategy
{
    public override string Name => "ema_crossover";

    public override string Description => "Long while the fast exponential moving average of the close is above the slow one.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("fast", 1, 10_000, 12, "bars in the fast average"),
        ParameterDefinition.Integer("slow", 2, 20_000, 26, "bars in the slow average"),
        DirectionDefinition(),
    ];

    protected override (double[] Fast, double[] Slow) Lines(IndicatorCache indicators, ParameterValues values) =>
        (indicators.Ema(values.Integer("fast")), indicators.Ema(values.Integer("slow")));
}
