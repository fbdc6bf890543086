using FsCheck;
using FsCheck.Fluent;
using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Simulation;

/// <summary>Properties of the reference backtest over random bars, position streams and strategies.</summary>
public sealed class BacktestPropertyTests
{
    private static readonly Gen<BacktestSettings> Settings =
        from fill in Gen.Elements(FillMode.Close, FillMode.NextOpen)
        from commission in Generators.Bps(100)
        from slippage in Generators.Bps(50)
        select new BacktestSettings { Fill = fill, CommissionBps = commission, SlippageBps = slippage };

    private static readonly Gen<(BarSeries Bars, sbyte[] Positions)> BarsAndPositions =
        from bars in Generators.Bars(1, 120)
        from positions in Generators.Positions(bars.Count)
        select (bars, positions);

    [Fact]
    public void A_flat_position_stream_earns_exactly_nothing_whatever_the_costs()
    {
        Prop.ForAll(
            Generators.Bars(1, 120).ToArbitrary(),
            Settings.ToArbitrary(),
            (bars, settings) =>
            {
                var result = BacktestSimulator.Run(bars, new sbyte[bars.Count], settings);

                Assert.Equal(0, result.Metrics.TotalReturn);
                Assert.Equal(0, result.Metrics.Fills);
                Assert.Equal(0, result.Metrics.MaxDrawdown);
                Assert.Equal(0, result.Metrics.Trades);
                Assert.Equal(0, result.Metrics.Exposure);
                Assert.All(result.Equity, e => Assert.Equal(1, e));
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Doubling_the_commission_never_raises_the_total_return_of_a_fixed_position_stream()
    {
        Prop.ForAll(
            BarsAndPositions.ToArbitrary(),
            Settings.ToArbitrary(),
            (input, settings) =>
            {
                var once = BacktestSimulator.Run(input.Bars, input.Positions, settings);
                var twice = BacktestSimulator.Run(input.Bars, input.Positions, settings with { CommissionBps = 2 * settings.CommissionBps });

                Assert.True(
                    twice.Metrics.TotalReturn <= once.Metrics.TotalReturn,
                    $"{settings}: total return {once.Metrics.TotalReturn:R} rose to {twice.Metrics.TotalReturn:R} with twice the commission");
                Assert.Equal(once.Metrics.Fills, twice.Metrics.Fills);
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Always_long_without_costs_in_fill_mode_close_earns_the_last_close_over_the_first()
    {
        // r_0 = -c |1 - 0| = 0 and r_t = close_t / close_{t-1} - 1, so equity_{N-1} = close_{N-1} / close_0.
        Prop.ForAll(
            Generators.Bars(1, 200).ToArbitrary(),
            bars =>
            {
                var result = BacktestSimulator.Run(bars, AlwaysLong(bars.Count), new BacktestSettings { Fill = FillMode.Close });

                double expected = bars.Close[^1] / bars.Close[0];
                AssertRelative(expected, 1 + result.Metrics.TotalReturn, 1e-12);
                Assert.Equal(1, result.Metrics.Fills);
                Assert.Equal(1, result.Metrics.Exposure);
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Always_long_without_costs_in_fill_mode_next_open_earns_the_last_close_over_the_second_open()
    {
        // The long decided at close 0 fills at open_1: bar 0 is flat (r_0 = 0), bar 1 earns
        // open_1 -> close_1 and every later bar close_{t-1} -> close_t, so
        // equity_{N-1} = close_{N-1} / open_1. With a single bar nothing ever fills.
        Prop.ForAll(
            Generators.Bars(1, 200).ToArbitrary(),
            bars =>
            {
                var result = BacktestSimulator.Run(bars, AlwaysLong(bars.Count), new BacktestSettings { Fill = FillMode.NextOpen });

                double expected = bars.Count == 1 ? 1 : bars.Close[^1] / bars.Open[1];
                AssertRelative(expected, 1 + result.Metrics.TotalReturn, 1e-12);
                Assert.Equal(bars.Count == 1 ? 0 : 1, result.Metrics.Fills);
                Assert.Equal(0, result.Returns[0]);
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Fill_mode_close_without_slippage_follows_the_exact_form_for_any_positions()
    {
        // ARCHITECTURE.md: r_0 = -c |pos_0|; r_t = pos_{t-1} (close_t / close_{t-1} - 1) - c |pos_t - pos_{t-1}|;
        // equity_t = prod (1 + r_u). The reference every implementation must match to 1e-9.
        Prop.ForAll(
            BarsAndPositions.ToArbitrary(),
            Generators.Bps(100).ToArbitrary(),
            (input, commissionBps) =>
            {
                var (bars, pos) = input;
                var result = BacktestSimulator.Run(bars, pos, new BacktestSettings { Fill = FillMode.Close, CommissionBps = commissionBps });

                double c = commissionBps / 10_000, equity = 1;
                for (int t = 0; t < bars.Count; t++)
                {
                    int previous = t == 0 ? 0 : pos[t - 1];
                    double r = (t == 0 ? 0 : previous * ((bars.Close[t] / bars.Close[t - 1]) - 1)) - (c * Math.Abs(pos[t] - previous));
                    equity *= 1 + r;
                    Assert.True(Math.Abs(r - result.Returns[t]) <= 1e-12, $"r_{t}: exact form {r:R}, engine {result.Returns[t]:R}");
                    AssertRelative(equity, result.Equity[t], 1e-12);
                }
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Fill_mode_next_open_without_slippage_splits_the_fill_bar_at_the_open()
    {
        // ARCHITECTURE.md: the position decided at close t-1 fills at open_t; on that bar the old
        // position earns close_{t-1} -> open_t, the commission c |new - old| is charged at the fill
        // (on the equity of the previous close, as in the exact form of fill mode close), and the
        // new position earns open_t -> close_t. Bars without a fill earn old (close_t / close_{t-1} - 1).
        Prop.ForAll(
            BarsAndPositions.ToArbitrary(),
            Generators.Bps(100).ToArbitrary(),
            (input, commissionBps) =>
            {
                var (bars, pos) = input;
                var result = BacktestSimulator.Run(bars, pos, new BacktestSettings { Fill = FillMode.NextOpen, CommissionBps = commissionBps });

                double c = commissionBps / 10_000;
                for (int t = 0; t < bars.Count; t++)
                {
                    int held = t < 2 ? 0 : pos[t - 2], filled = t < 1 ? 0 : pos[t - 1];
                    double r = held == filled
                        ? (t == 0 ? 0 : held * ((bars.Close[t] / bars.Close[t - 1]) - 1))
                        : ((1 + (held * ((bars.Open[t] / bars.Close[t - 1]) - 1)) - (c * Math.Abs(filled - held)))
                            * (1 + (filled * ((bars.Close[t] / bars.Open[t]) - 1)))) - 1;
                    Assert.True(Math.Abs(r - result.Returns[t]) <= 1e-12, $"r_{t}: expected {r:R}, engine {result.Returns[t]:R}");
                }
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void Equity_is_the_running_product_of_the_bar_returns_and_fills_count_the_position_changes()
    {
        Prop.ForAll(
            BarsAndPositions.ToArbitrary(),
            Settings.ToArbitrary(),
            (input, settings) =>
            {
                var (bars, pos) = input;
                var result = BacktestSimulator.Run(bars, pos, settings);

                double equity = 1;
                for (int t = 0; t < bars.Count; t++)
                {
                    equity *= 1 + result.Returns[t];
                    AssertRelative(equity, result.Equity[t], 1e-12);
                }

                AssertRelative(result.Equity[^1], 1 + result.Metrics.TotalReturn, 1e-15);

                // Executed fills: every change of the decision stream (from flat before bar 0),
                // except, in next_open, a change decided at the last close, which never fills.
                int decided = settings.Fill == FillMode.Close ? bars.Count : bars.Count - 1;
                // A fill out of a position completes a round trip.
                int Previous(int t) => t == 0 ? 0 : pos[t - 1];
                var changes = Enumerable.Range(0, decided).Where(t => pos[t] != Previous(t)).ToArray();
                Assert.Equal(changes.Length, result.Metrics.Fills);
                Assert.Equal(changes.Count(t => Previous(t) != 0), result.Metrics.Trades);
                Assert.Equal(result.Metrics.Trades, result.Trades.Count);
            })
            .Check(Generators.Config());
    }

    [Fact]
    public void The_equity_curve_up_to_t_ignores_bars_after_t_for_every_strategy_in_both_fill_modes()
    {
        // A fill decided at close t happens at close t (close) or open t+1 (next_open), so
        // equity_0..t depend on bars 0..t only: in next_open equity_t is marked at close t with the
        // position decided at close t-1.
        Prop.ForAll(
            Generators.EveryStrategy(maxPeriod: 30).Zip(Settings).ToArbitrary(),
            Generators.Bars(1, 100).ToArbitrary(),
            Generators.Continuation().ToArbitrary(),
            (strategiesAndSettings, bars, continuation) =>
            {
                var (strategies, settings) = strategiesAndSettings;
                var (t, changed) = continuation.Apply(bars);
                foreach (var strategy in strategies)
                {
                    foreach (var fill in new[] { FillMode.Close, FillMode.NextOpen })
                    {
                        var before = BacktestSimulator.Run(bars, strategy.Positions(bars), settings with { Fill = fill });
                        var after = BacktestSimulator.Run(changed, strategy.Positions(changed), settings with { Fill = fill });
                        for (int i = 0; i <= t; i++)
                        {
                            Assert.True(
                                before.Equity[i] == after.Equity[i],
                                $"{strategy} {fill}: bars after {t} {continuation.Describe(bars)} changed equity_{i} from {before.Equity[i]:R} to {after.Equity[i]:R}");
                        }
                    }
                }
            })
            .Check(Generators.Config());
    }

    private static sbyte[] AlwaysLong(int count) => Enumerable.Repeat((sbyte)1, count).ToArray();

    private static void AssertRelative(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
