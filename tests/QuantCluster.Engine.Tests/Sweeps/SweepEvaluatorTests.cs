using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Sweeps;

namespace QuantCluster.Engine.Tests.Sweeps;

public sealed class SweepEvaluatorTests
{
    public static TheoryData<string, FillMode, double, double, double> Cases() => new()
    {
        { "sma_crossover", FillMode.Close, 0, 0, 1 },
        { "sma_crossover", FillMode.NextOpen, 10, 5, 1 },
        { "ema_crossover", FillMode.Close, 25, 0, 0.5 },
        { "macd_crossover", FillMode.NextOpen, 3, 2, 1 },
        { "rsi_mean_reversion", FillMode.Close, 5, 1, 2 },
        { "bollinger_reversion", FillMode.NextOpen, 1, 0, 1 },
        { "donchian_breakout", FillMode.Close, 10, 10, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_metric_equals_the_single_backtest(string name, FillMode fill, double commission, double slippage, double fraction)
    {
        var bars = RandomWalkBars.Generate(3_000, new Random(7));
        var settings = new BacktestSettings { Fill = fill, CommissionBps = commission, SlippageBps = slippage, PositionFraction = fraction };
        var strategy = StrategyCatalog.Find(name);
        var sets = RandomSets(strategy, new Random(11), 21);

        // Both kernel forms: AVX2 everywhere, AVX-512 where this CPU has it.
        foreach (bool wide in new[] { false, System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated }.Distinct())
        {
            var swept = new SweepEvaluator(bars, settings) { WideVectors = wide }.Evaluate(strategy, sets, threads: 2);

            for (int i = 0; i < sets.Length; i++)
            {
                var expected = BacktestSimulator.Run(bars, strategy, sets[i], settings).Metrics;
                foreach (var (metric, value) in expected.Named())
                {
                    AssertClose(value, swept[i].Get(metric), $"{name} set {i} {metric} (wide vectors: {wide})");
                }
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void An_empty_list_of_sets_gives_no_results(int threads)
    {
        var bars = RandomWalkBars.Generate(100, new Random(1));

        var results = new SweepEvaluator(bars, new BacktestSettings()).Evaluate(StrategyCatalog.Find("sma_crossover"), [], threads);

        Assert.Empty(results);
    }

    [Fact]
    public void A_set_that_never_loses_reports_a_negative_value_at_risk()
    {
        // Prices only rise: a long-only set's 5% tail is made of gains, past where the loss walk ends.
        int n = 400;
        var close = Enumerable.Range(0, n).Select(i => 100 * Math.Pow(1.001, i) * (1 + 0.0001 * (i % 3))).ToArray();
        var bars = new BarSeries("UP", Enumerable.Range(0, n).Select(i => i * 60_000_000L).ToArray(), close, close, close, close, new double[n]);
        var strategy = StrategyCatalog.Find("sma_crossover");
        var set = strategy.Bind(new Dictionary<string, string> { ["fast"] = "2", ["slow"] = "5" });
        var settings = new BacktestSettings { Fill = FillMode.Close };

        var swept = new SweepEvaluator(bars, settings).Evaluate(strategy, [set])[0];
        var expected = BacktestSimulator.Run(bars, strategy, set, settings).Metrics;

        Assert.True(expected.Var95 < 0);
        AssertClose(expected.Var95, swept.Var95, "var_95");
        AssertClose(expected.Cvar95, swept.Cvar95, "cvar_95");
    }

    private static ParameterValues[] RandomSets(Strategy strategy, Random random, int count)
    {
        var sets = new List<ParameterValues>();
        while (sets.Count < count)
        {
            var values = strategy.Parameters.Select(p => p.Kind switch
            {
                ParameterKind.Choice => random.Next(p.Choices.Count),
                ParameterKind.Integer => random.Next((int)p.Min, (int)Math.Min(p.Max, 120) + 1),
                _ => p.Min + random.NextDouble() * (p.Max - p.Min),
            }).Select(v => (double)v).ToArray();
            try
            {
                sets.Add(strategy.Validate(values));
            }
            catch (StrategyParameterException)
            {
                // Broken constraint: draw again.
            }
        }

        return [.. sets];
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        if (expected == actual)
        {
            return;
        }

        double scale = Math.Max(1e-3, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
