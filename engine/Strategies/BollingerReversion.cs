using QuantCluster.Engine.Indicators;

namespace QuantCluster.Engine.Strategies;

public sealed class BollingerReversion : Strategy
{
    public override string Name => "bollinger_reversion";

    public override string Description =>
        "Buys a close below the lower band and exits at the middle band; short side: sells above the upper band.";

    public override IReadOnlyList<ParameterDefinition> Parameters { get; } =
    [
        ParameterDefinition.Integer("period", 2, 5_000, 20, "bars in the middle band (SMA) and the deviation"),
        ParameterDefinition.Real("width", 0.1, 10, 2, "band half-width in standard deviations"),
        DirectionDefinition(),
    ];

    public override void ComputePositions(IndicatorCache indicators, ParameterValues values, Span<sbyte> positions)
    {
        var bands = indicators.Bollinger(values.Integer("period"), values["width"]);
        var close = indicators.Bars.Close;
        bool shorts = values.Direction == Direction.LongShort;
        sbyte position = 0;
        for (int t = 0; t < positions.Length; t++)
        {
            double c = close[t], middle = bands.Middle[t];
            if (double.IsNaN(middle))
            {
                position = 0;
            }
            else if (position == 0)
            {
                position = c < bands.Lower[t] ? (sbyte)1 : shorts && c > bands.Upper[t] ? (sbyte)-1 : (sbyte)0;
            }
            else if (position > 0 && c >= middle)
            {
                position = shorts && c > bands.Upper[t] ? (sbyte)-1 : (sbyte)0;
            }
            else if (position < 0 && c <= middle)
            {
                position = c < bands.Lower[t] ? (sbyte)1 : (sbyte)0;
            }

            positions[t] = position;
        }
    }
}
