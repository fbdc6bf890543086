using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class RsiMeanReversion : Strategy
{
    public override string Name => "rsi_mean_reversion";

    public override string Description =>
        "Buys when RSI falls below lower and sells when it rises back to exit; short side: sells above upper, covers at exit.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("period", 2, 1_000, 14, "bars in the Wilder RSI"),
        ParameterDefinition.Real("lower", 0, 100, 30, "enter long below this RSI"),
        ParameterDefinition.Real("upper", 0, 100, 70, "enter short above this RSI"),
        ParameterDefinition.Real("exit", 0, 100, 50, "leave the position when RSI crosses back here"),
        DirectionDefinition(),
    ];

    public override IReadOnlyList<string> Constraints => ["lower < exit < upper"];

    public override string? CheckConstraints(ParameterValues values) =>
        values["lower"] < values["exit"] && values["exit"] < values["upper"]
            ? null
            : $"lower ({values["lower"]}) < exit ({values["exit"]}) < upper ({values["upper"]}) does not hold";

    public override void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions)
    {
        var rsi = indicators.Rsi(values.Integer("period"));
        double lower = values["lower"], upper = values["upper"], exit = values["exit"];
        bool shorts = values.Direction == Direction.LongShort;
        sbyte position = 0;
        for (int t = 0; t < positions.Length; t++)
        {
            double r = rsi[t];
            if (double.IsNaN(r))
            {
                position = 0;
            }
            else if (position == 0)
            {
                position = r < lower ? (sbyte)1 : shorts && r > upper ? (sbyte)-1 : (sbyte)0;
            }
            else if (position > 0 && r >= exit)
            {
                position = shorts && r > upper ? (sbyte)-1 : (sbyte)0;
            }
            else if (position < 0 && r <= exit)
            {
                position = r < lower ? (sbyte)1 : (sbyte)0;
            }

            positions[t] = position;
        }
    }
}
