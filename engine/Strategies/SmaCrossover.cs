using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class SmaCrossover : CrossoverStrategy
{
    public override string Name => "sma_crossover";

    public override string Description => "Long while the fast simple moving average of the close is above the slow one.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("fast", 1, 10_000, 10, "bars in the fast average"),
        ParameterDefinition.Integer("slow", 2, 20_000, 50, "bars in the slow average"),
        DirectionDefinition(),
    ];

    protected override (double[] Fast, double[] Slow) Lines(IndicatorCache indicators, ParameterValues values) =>
        (indicators.Sma(values.Integer("fast")), indicators.Sma(values.Integer("slow")));
}
