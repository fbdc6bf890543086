using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class DonchianBreakout : Strategy
{
    public override string Name => "donchian_breakout";

    public override string Description =>
        "Buys a close above the highest high of the previous entry bars, exits below the lowest low of the previous exit bars; mirrored for shorts.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("entry", 2, 5_000, 20, "bars in the breakout channel"),
        ParameterDefinition.Integer("exit", 1, 5_000, 10, "bars in the exit channel"),
        DirectionDefinition(),
    ];

    public override void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions)
    {
        var entry = indicators.Donchian(values.Integer("entry"));
        var exit = indicators.Donchian(values.Integer("exit"));
        var close = indicators.Bars.Close;
        bool shorts = values.Direction == Direction.LongShort;
        sbyte position = 0;
        if (positions.Length > 0)
        {
            positions[0] = 0;
        }

        // Channels of the bars before t: a close cannot break out of a range that includes itself.
        for (int t = 1; t < positions.Length; t++)
        {
            // Warm-up: flat until both channels are defined (the exit one too, when it is the longer).
            if (double.IsNaN(entry.Upper[t - 1]) || double.IsNaN(exit.Lower[t - 1]))
            {
                positions[t] = 0;
                continue;
            }

            double c = close[t];
            if (position > 0 && c < exit.Lower[t - 1])
            {
                position = 0;
            }
            else if (position < 0 && c > exit.Upper[t - 1])
            {
                position = 0;
            }

            if (position <= 0 && c > entry.Upper[t - 1])
            {
                position = 1;
            }
            else if (position >= 0 && shorts && c < entry.Lower[t - 1])
            {
                position = -1;
            }

            positions[t] = position;
        }
    }
}
