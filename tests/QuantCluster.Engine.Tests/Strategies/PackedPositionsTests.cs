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

        AssertPackedEqualsAlone(strategy, bars, sets);
    }

    [Fact]
    public void Sma_crossover_packed_from_prefix_sums_keeps_every_decimal_tie_of_real_quotes()
    {
        // EURUSD quotes to five decimals: averages that are equal in decimal, a unit apart in binary.
        var bars = Support.MarketData.EurUsd;
        (int Fast, int Slow)[] periods = [(3, 7), (2, 5), (3, 6), (4, 8), (5, 20), (3, 9), (2, 4), (6, 12)];
        AssertPackedEqualsAlone(StrategyCatalog.Find("sma_crossover"), bars, periods.Select(p => Sma(p.Fast, p.Slow, longShort: true)).ToArray());
    }

    [Fact]
    public void Sma_crossover_packed_from_prefix_sums_is_exact_where_every_bar_is_a_close_call()
    {
        // A repeating pattern of three closes: every 3-, 6- and 9-bar average is the same number.
        // Long and high enough that the running sums reach 2e10, where means from the high parts
        // alone err by far more than the tie tolerance: only the exact fallback gets these right.
        int n = 200_000;
        double[] pattern = [100_000.01, 100_000.02, 100_000.04];
        var close = Enumerable.Range(0, n).Select(i => pattern[i % 3]).ToArray();
        var bars = new BarSeries("TIES", Enumerable.Range(0, n).Select(i => i * 60_000_000L).ToArray(), close, close, close, close, new double[n]);
        (int Fast, int Slow)[] periods = [(3, 6), (3, 9), (6, 9), (2, 6), (3, 6), (1, 3), (3, 12), (6, 12)];
        AssertPackedEqualsAlone(StrategyCatalog.Find("sma_crossover"), bars, periods.Select(p => Sma(p.Fast, p.Slow, longShort: true)).ToArray());
    }

    private static ParameterValues Sma(int fast, int slow, bool longShort) =>
        StrategyCatalog.Find("sma_crossover").Bind(new Dictionary<string, string>
        {
            ["fast"] = $"{fast}",
            ["slow"] = $"{slow}",
            ["direction"] = longShort ? "long_short" : "long_only",
        });

    private static void AssertPackedEqualsAlone(Strategy strategy, BarSeries bars, ParameterValues[] sets)
    {
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
