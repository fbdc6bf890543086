using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Sweeps;

namespace QuantCluster.Engine.Tests.Strategies;

public sealed class PackedPositionsTests
{
    [Theory]
    [InlineData("sma_crossover")]
    [InlineData("ema_crossover")]
    [InlineData("macd_crossover")]
    [InlineData("rsi_mean_reversion")]
    public void Eight_sets_packed_at_once_equal_each_set_computed_alone(string name)
    {
        var bars = RandomWalkBars.Generate(5_003, new Random(3));
        var strategy = StrategyCatalog.Find(name);
        var random = new Random(5);
        var sets = new ParameterValues[LanePacking.Lanes];
        for (int lane = 0; lane < sets.Length; lane++)
        {
            sets[lane] = strategy.Bind(Parameters(name, random, longShort: lane % 2 == 1));
        }

        var indicators = new IndicatorCache(bars);
        var alone = sets.Select(set =>
        {
            var positions = new sbyte[bars.Count];
            strategy.ComputePositions(indicators, set, positions);
            return positions;
        }).ToArray();
        var expected = new ulong[bars.Count];
        LanePacking.Pack(alone, bars.Count, expected);

        var scratch = Enumerable.Range(0, LanePacking.Lanes).Select(_ => new sbyte[bars.Count]).ToArray();
        var packed = new ulong[bars.Count];
        strategy.ComputePackedPositions(new IndicatorCache(bars), sets, scratch, packed);

        Assert.Equal(expected, packed);
    }

    private static Dictionary<string, string> Parameters(string name, Random random, bool longShort)
    {
        var direction = longShort ? "long_short" : "long_only";
        int fast = random.Next(1, 30), slow = fast + random.Next(1, 400);
        return name == "rsi_mean_reversion"
            ? new() { ["period"] = $"{random.Next(2, 30)}", ["direction"] = direction }
            : new() { ["fast"] = $"{fast}", ["slow"] = $"{slow}", ["direction"] = direction };
    }
}
