using QuantCluster.Contracts;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Simulation;

/// <summary>
/// Five bars and a known decision stream, worked by hand from ARCHITECTURE.md ("Backtest
/// semantics"). Every expected number below is written as the arithmetic a reader can check
/// against the bar table, not computed by engine code.
/// </summary>
public sealed class BacktestSimulatorTests
{
    private const double Tolerance = 1e-12;

    // bar:              0      1      2     3     4      (Monday 2024-01-01 .. Friday, daily)
    private static readonly double[] Open = [100, 102, 104, 97, 96];
    private static readonly double[] High = [101, 106, 105, 97.5, 98];
    private static readonly double[] Low = [99, 101, 97, 94, 95];
    private static readonly double[] Close = [100, 105, 98, 95, 97];

    // Decided at each bar's close: long, long, short, flat, long.
    private static readonly sbyte[] Decisions = [1, 1, -1, 0, 1];

    // 10 bps commission (c = 0.001), 5 bps slippage (s = 0.0005).
    private static readonly BacktestSettings CloseCosts = new() { Fill = FillMode.Close, CommissionBps = 10, SlippageBps = 5 };
    private static readonly BacktestSettings NextOpenCosts = CloseCosts with { Fill = FillMode.NextOpen };

    private static readonly long[] Times = TestBars.Timestamps(5, TestBars.MicrosecondsPerDay);

    [Fact]
    public void Fill_mode_close_with_commission_and_slippage_matches_the_hand_computed_backtest()
    {
        var result = BacktestSimulator.Run(TestBars.FromOhlc(Open, High, Low, Close), Decisions, CloseCosts);

        // Bar 0: buy at close 100 slipped up to 100.05; the commission 0.001 comes off equity 1,
        // then the new long earns 100.05 -> 100.
        double r0 = (1 - 0.001) * (100 / 100.05) - 1;

        // Bar 1: long held, marked to market.
        double r1 = (105.0 / 100) - 1;

        // Bar 2: sell 2 units at 98 slipped down to 97.951. The long earns 105 -> 97.951 and pays
        // 0.001 to close (x2: equity where trade 1 ends), the short pays 0.001 to open and earns
        // 97.951 -> 98.
        double x2 = 1 + ((97.951 / 105) - 1) - 0.001;
        double r2 = ((x2 - 0.001) * (1 - ((98 / 97.951) - 1))) - 1;

        // Bar 3: buy back at 95 slipped up to 95.0475; the short earns 98 -> 95.0475, pays 0.001.
        double x3 = 1 - ((95.0475 / 98) - 1) - 0.001;
        double r3 = x3 - 1;

        // Bar 4: buy at 97 slipped up to 97.0485, pay 0.001, earn 97.0485 -> 97.
        double r4 = (0.999 * (97 / 97.0485)) - 1;

        double[] returns = [r0, r1, r2, r3, r4];
        AssertClose(returns, result.Returns);
        AssertClose(Cumulative(returns), result.Equity);

        double e1 = (1 + r0) * (1 + r1), e2 = e1 * (1 + r2);
        AssertTrades(
            result.Trades,
            new Trade(1, 0, Times[0], 100.05, 2, Times[2], 97.951, (e1 * x2) - 1, (e1 * x2) - 1),
            new Trade(-1, 2, Times[2], 97.951, 3, Times[3], 95.0475, (e2 * x3 / (e1 * x2)) - 1, (e2 * x3) - (e1 * x2)));

        var m = result.Metrics;
        double final = Cumulative(returns)[4];
        AssertNear(final - 1, m.TotalReturn);
        Assert.Equal(4, m.Fills);
        Assert.Equal(2, m.Trades);
        Assert.Equal(0.5, m.WinRate);
        Assert.Equal(4.0 / 5, m.Exposure); // long, long, short, flat, long at the closes
        AssertNear(((e1 * x2) - 1 + (e2 * x3 / (e1 * x2)) - 1) / 2, m.AvgTrade);
        AssertNear(((e2 * x3) - (e1 * x2)) / (1 - (e1 * x2)), m.ProfitFactor);
        AssertSummaryMetrics(returns, m, periodsPerYear: 252, years: 4 / 365.25);
    }

    [Fact]
    public void Fill_mode_next_open_with_commission_and_slippage_matches_the_hand_computed_backtest()
    {
        var result = BacktestSimulator.Run(TestBars.FromOhlc(Open, High, Low, Close), Decisions, NextOpenCosts);

        // Bar 0: nothing decided before it, nothing held.
        double r0 = 0;

        // Bar 1: the long decided at close 0 fills at open 102 slipped up to 102.051 and earns
        // 102.051 -> 105 after its commission.
        double r1 = (0.999 * (105 / 102.051)) - 1;

        // Bar 2: the long decided at close 1 is already held: close 105 -> 98.
        double r2 = (98.0 / 105) - 1;

        // Bar 3: the short decided at close 2 fills at open 97 slipped down to 96.9515: the long
        // earns close 98 -> 96.9515 and pays 0.001, the short pays 0.001 and earns 96.9515 -> 95.
        double x3 = 1 + ((96.9515 / 98) - 1) - 0.001;
        double r3 = ((x3 - 0.001) * (1 - ((95 / 96.9515) - 1))) - 1;

        // Bar 4: flat decided at close 3 fills at open 96 slipped up to 96.048: the short earns
        // close 95 -> 96.048 (a loss) and pays 0.001. The long decided at close 4 never fills.
        double x4 = 1 - ((96.048 / 95) - 1) - 0.001;
        double r4 = x4 - 1;

        double[] returns = [r0, r1, r2, r3, r4];
        AssertClose(returns, result.Returns);
        AssertClose(Cumulative(returns), result.Equity);

        double e2 = (1 + r1) * (1 + r2), e3 = e2 * (1 + r3);
        AssertTrades(
            result.Trades,
            new Trade(1, 1, Times[1], 102.051, 3, Times[3], 96.9515, (e2 * x3) - 1, (e2 * x3) - 1),
            new Trade(-1, 3, Times[3], 96.9515, 4, Times[4], 96.048, (e3 * x4 / (e2 * x3)) - 1, (e3 * x4) - (e2 * x3)));

        var m = result.Metrics;
        AssertNear(Cumulative(returns)[4] - 1, m.TotalReturn);
        Assert.Equal(3, m.Fills);
        Assert.Equal(2, m.Trades);
        Assert.Equal(0.5, m.WinRate);
        Assert.Equal(3.0 / 5, m.Exposure); // flat, long, long, short, flat at the closes
        AssertSummaryMetrics(returns, m, periodsPerYear: 252, years: 4 / 365.25);
    }

    [Fact]
    public void Fill_mode_close_without_slippage_is_the_exact_form_of_the_architecture()
    {
        // r_0 = -c |pos_0|; r_t = pos_{t-1} (close_t / close_{t-1} - 1) - c |pos_t - pos_{t-1}|.
        var settings = new BacktestSettings { Fill = FillMode.Close, CommissionBps = 25 };
        double c = 0.0025;
        var result = BacktestSimulator.Run(TestBars.FromOhlc(Open, High, Low, Close), Decisions, settings);

        double[] returns =
        [
            -c * 1,
            (1 * ((105.0 / 100) - 1)) - (c * 0),
            (1 * ((98.0 / 105) - 1)) - (c * 2),
            (-1 * ((95.0 / 98) - 1)) - (c * 1),
            (0 * ((97.0 / 95) - 1)) - (c * 1),
        ];
        AssertClose(returns, result.Returns);
        AssertClose(Cumulative(returns), result.Equity);
    }

    [Fact]
    public void A_position_fraction_scales_the_exposure_to_each_bar()
    {
        var settings = new BacktestSettings { Fill = FillMode.Close, PositionFraction = 0.5 };
        var result = BacktestSimulator.Run(TestBars.FromOhlc(Open, High, Low, Close), new sbyte[] { 1, 1, 1, 1, 1 }, settings);

        double[] returns = [0, 0.5 * ((105.0 / 100) - 1), 0.5 * ((98.0 / 105) - 1), 0.5 * ((95.0 / 98) - 1), 0.5 * ((97.0 / 95) - 1)];
        AssertClose(returns, result.Returns);
    }

    [Fact]
    public void A_position_still_open_at_the_end_is_not_a_trade()
    {
        var result = BacktestSimulator.Run(
            TestBars.FromOhlc(Open, High, Low, Close), new sbyte[] { 0, 1, 1, 1, 1 }, new BacktestSettings { Fill = FillMode.Close });

        Assert.Equal(1, result.Metrics.Fills);
        Assert.Equal(0, result.Metrics.Trades);
        Assert.Empty(result.Trades);
        Assert.Equal(0, result.Metrics.WinRate);
        Assert.Equal(0, result.Metrics.AvgTrade);
    }

    [Fact]
    public void Positions_and_bars_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            BacktestSimulator.Run(TestBars.FromOhlc(Open, High, Low, Close), new sbyte[] { 1, 1 }, new BacktestSettings()));
    }

    /// <summary>
    /// Metrics from the per-bar returns, by the definitions of ARCHITECTURE.md ("Metrics"):
    /// statistics over r_1..r_{N-1}, drawdown with the starting 1.0 as the first peak.
    /// </summary>
    private static void AssertSummaryMetrics(double[] returns, Contracts.Metrics m, double periodsPerYear, double years)
    {
        var tail = returns[1..];
        int n = tail.Length;
        double mean = tail.Average();
        double std = Math.Sqrt(tail.Sum(r => (r - mean) * (r - mean)) / (n - 1));
        double downside = Math.Sqrt(tail.Sum(r => r < 0 ? r * r : 0) / n);
        AssertNear(std * Math.Sqrt(periodsPerYear), m.Volatility, relative: true);
        AssertNear(mean / std * Math.Sqrt(periodsPerYear), m.Sharpe, relative: true);
        AssertNear(mean / downside * Math.Sqrt(periodsPerYear), m.Sortino, relative: true);

        var equity = Cumulative(returns);
        double peak = 1, maxDrawdown = 0, squares = 0;
        foreach (double e in equity)
        {
            peak = Math.Max(peak, e);
            maxDrawdown = Math.Max(maxDrawdown, 1 - (e / peak));
            squares += (1 - (e / peak)) * (1 - (e / peak));
        }

        AssertNear(maxDrawdown, m.MaxDrawdown);
        AssertNear(Math.Sqrt(squares / equity.Length), m.UlcerIndex);

        double cagr = Math.Pow(equity[^1], 1 / years) - 1;
        AssertNear(cagr, m.Cagr, relative: true);
        AssertNear(cagr / maxDrawdown, m.Calmar, relative: true);

        // Four returns: the 5% tail is the single worst one.
        AssertNear(-tail.Min(), m.Var95);
        AssertNear(-tail.Min(), m.Cvar95);
    }

    internal static double[] Cumulative(double[] returns)
    {
        var equity = new double[returns.Length];
        double e = 1;
        for (int t = 0; t < returns.Length; t++)
        {
            e *= 1 + returns[t];
            equity[t] = e;
        }

        return equity;
    }

    private static void AssertTrades(IReadOnlyList<Trade> actual, params Trade[] expected)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e.Direction, a.Direction);
            Assert.Equal(e.EntryBar, a.EntryBar);
            Assert.Equal(e.EntryTime, a.EntryTime);
            Assert.Equal(e.ExitBar, a.ExitBar);
            Assert.Equal(e.ExitTime, a.ExitTime);
            AssertNear(e.EntryPrice, a.EntryPrice, relative: true);
            AssertNear(e.ExitPrice, a.ExitPrice, relative: true);
            AssertNear(e.Return, a.Return);
            AssertNear(e.ProfitAndLoss, a.ProfitAndLoss);
        }
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static void AssertNear(double expected, double actual, bool relative = false)
    {
        double tolerance = relative ? Tolerance * Math.Abs(expected) : Tolerance;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R}");
    }
}
