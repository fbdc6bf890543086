using FsCheck;
using FsCheck.Fluent;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Strategies;

/// <summary>What every strategy's positions must satisfy, on real bars and on random ones.</summary>
public sealed class StrategyPositionTests
{
    public static TheoryData<string> StrategyNames => new(StrategyCatalog.All.Select(s => s.Name));

    /// <summary>
    /// The first bar at which every indicator the strategy reads is defined, from the indicators'
    /// own warm-ups: an SMA/EMA of p is defined from p - 1, RSI from p, the MACD signal from
    /// slow + signal - 2, and the Donchian breakout compares the close with the channels of the
    /// bar before, defined from entry - 1 and exit - 1.
    /// </summary>
    internal static int WarmUp(string strategy, ParameterValues v) => strategy switch
    {
        "sma_crossover" or "ema_crossover" => Math.Max(v.Integer("fast"), v.Integer("slow")) - 1,
        "macd_crossover" => v.Integer("slow") + v.Integer("signal") - 2,
        "rsi_mean_reversion" => v.Integer("period"),
        "bollinger_reversion" => v.Integer("period") - 1,
        "donchian_breakout" => Math.Max(v.Integer("entry"), v.Integer("exit")),
        _ => throw new ArgumentException($"No warm-up known for {strategy}; add it here.", nameof(strategy)),
    };

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void With_defaults_on_GOOG_each_strategy_trades_both_ways_when_allowed_and_never_short_when_long_only(string name)
    {
        var strategy = StrategyCatalog.Find(name);
        var longShort = Positions(strategy, MarketData.Goog, "direction=long_short");
        var longOnly = Positions(strategy, MarketData.Goog, "direction=long_only");

        Assert.All(longShort, p => Assert.InRange(p, -1, 1));
        Assert.Contains((sbyte)1, longShort);
        Assert.Contains((sbyte)-1, longShort);
        Assert.Contains((sbyte)1, longOnly);
        Assert.DoesNotContain((sbyte)-1, longOnly);
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void With_defaults_on_GOOG_each_strategy_is_flat_until_its_indicators_are_defined(string name)
    {
        var strategy = StrategyCatalog.Find(name);
        var values = strategy.Bind(new Dictionary<string, string> { ["direction"] = "long_short" });
        var positions = Positions(strategy, MarketData.Goog, "direction=long_short");

        int warmUp = WarmUp(name, values);
        Assert.All(positions[..warmUp], p => Assert.Equal(0, p));
    }

    [Fact]
    public void Donchian_breakout_stays_flat_until_its_exit_channel_is_defined_too()
    {
        // A steady climb breaks out of the 2-bar channel at once, but the 10-bar exit channel
        // is undefined until bar 10: those are warm-up bars and must be flat.
        var close = Enumerable.Range(0, 30).Select(i => 100.0 + i).ToArray();
        var bars = TestBars.FromCloses(close);

        var positions = Positions(StrategyCatalog.Find("donchian_breakout"), bars, "entry=2 exit=10");

        Assert.All(positions[..10], p => Assert.Equal(0, p));
        Assert.Equal(1, positions[10]);
    }

    [Fact]
    public void Every_strategy_is_flat_while_its_indicators_warm_up_for_random_valid_parameters()
    {
        Prop.ForAll(
            Generators.EveryStrategy(maxPeriod: 40).ToArbitrary(),
            Generators.Bars(1, 120).ToArbitrary(),
            (strategies, bars) =>
            {
                foreach (var strategy in strategies)
                {
                    var positions = strategy.Positions(bars);
                    int warmUp = Math.Min(WarmUp(strategy.Strategy.Name, strategy.Parameters), bars.Count);
                    for (int t = 0; t < warmUp; t++)
                    {
                        Assert.True(positions[t] == 0, $"{strategy}: position {positions[t]} at bar {t}, inside the warm-up of {warmUp} bars");
                    }
                }
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Every_long_only_strategy_never_goes_short_for_random_valid_parameters()
    {
        Prop.ForAll(
            Generators.EveryStrategy(maxPeriod: 40, Direction.LongOnly).ToArbitrary(),
            Generators.Bars(1, 150).ToArbitrary(),
            (strategies, bars) =>
            {
                foreach (var strategy in strategies)
                {
                    var positions = strategy.Positions(bars);
                    int t = Array.IndexOf(positions, (sbyte)-1);
                    Assert.True(t < 0, $"{strategy}: short at bar {t}");
                    Assert.All(positions, p => Assert.InRange(p, 0, 1));
                }
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void No_strategy_position_at_or_before_t_changes_when_bars_after_t_are_appended_or_altered_for_random_valid_parameters()
    {
        Prop.ForAll(
            Generators.EveryStrategy(maxPeriod: 30).ToArbitrary(),
            Generators.Bars(1, 100).ToArbitrary(),
            Generators.Continuation().ToArbitrary(),
            (strategies, bars, continuation) =>
            {
                var (t, changed) = continuation.Apply(bars);
                foreach (var strategy in strategies)
                {
                    var before = strategy.Positions(bars);
                    var after = strategy.Positions(changed);
                    for (int i = 0; i <= t; i++)
                    {
                        Assert.True(
                            before[i] == after[i],
                            $"{strategy}: bars after {t} {continuation.Describe(bars)} changed the position at bar {i} from {before[i]} to {after[i]}");
                    }
                }
            })
            .Check(Generators.Config());
    }

    private static sbyte[] Positions(Strategy strategy, BarSeries bars, string given)
    {
        var values = strategy.Bind(given.Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]));
        var positions = new sbyte[bars.Count];
        strategy.ComputePositions(new IndicatorCache(bars), values, positions);
        return positions;
    }
}
