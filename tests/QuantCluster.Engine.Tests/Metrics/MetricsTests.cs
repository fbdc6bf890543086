using QuantCluster.Contracts;
using QuantCluster.Engine.Simulation;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Metrics;

/// <summary>Metric definitions of ARCHITECTURE.md ("Metrics") on series built to give known returns.</summary>
public sealed class MetricsTests
{
    private const double Tolerance = 1e-12;

    private static readonly BacktestSettings CloseNoCosts = new() { Fill = FillMode.Close };

    /// <summary>
    /// 40 bar returns r_1..r_40 (r_0 is 0: always long, no costs). Sorted, the worst are
    /// -0.07, -0.04, -0.03, -0.02, ...; the 5% tail of 40 returns is ceil(0.05 × 40) = 2 returns.
    /// </summary>
    private static readonly double[] FortyReturns =
    [
        0.010, -0.005, 0.020, -0.010, 0.003, 0.015, -0.002, 0.007, -0.030, 0.011,
        0.004, -0.006, 0.009, -0.070, 0.012, 0.001, -0.008, 0.018, 0.002, -0.004,
        0.006, 0.013, -0.020, 0.005, -0.001, 0.008, 0.014, -0.040, 0.010, 0.003,
        -0.003, 0.016, 0.004, -0.009, 0.007, 0.002, -0.007, 0.019, 0.001, 0.005,
    ];

    [Fact]
    public void Var_and_cvar_95_are_the_tail_of_the_hand_sorted_returns()
    {
        var m = LongOnly(FortyReturns).Metrics;

        Assert.Equal(0.04, m.Var95, Tolerance);
        Assert.Equal((0.07 + 0.04) / 2, m.Cvar95, Tolerance);
    }

    [Fact]
    public void Var_and_cvar_95_of_twenty_returns_are_the_single_worst_return()
    {
        var m = LongOnly(FortyReturns[..20]).Metrics;

        // Sorted: -0.07, -0.03, -0.01, ...; ceil(0.05 × 20) = 1.
        Assert.Equal(0.07, m.Var95, Tolerance);
        Assert.Equal(0.07, m.Cvar95, Tolerance);
    }

    [Fact]
    public void Var_and_cvar_95_of_twenty_one_returns_take_the_two_worst()
    {
        var m = LongOnly(FortyReturns[..21]).Metrics;

        // ceil(0.05 × 21) = 2: -0.07 and -0.03.
        Assert.Equal(0.03, m.Var95, Tolerance);
        Assert.Equal((0.07 + 0.03) / 2, m.Cvar95, Tolerance);
    }

    [Fact]
    public void Var_95_is_a_negative_loss_when_even_the_tail_gains()
    {
        var m = LongOnly([0.01, 0.02, 0.03]).Metrics;

        Assert.Equal(-0.01, m.Var95, Tolerance);
        Assert.Equal(-0.01, m.Cvar95, Tolerance);
    }

    [Fact]
    public void Max_drawdown_counts_the_starting_equity_as_the_first_peak()
    {
        // Always long at the close with 100 bps: equity 0.99 after bar 0's fill, then rising.
        var bars = TestBars.FromCloses(100, 101, 102);
        var m = BacktestSimulator.Run(bars, new sbyte[] { 1, 1, 1 }, CloseNoCosts with { CommissionBps = 100 }).Metrics;

        Assert.Equal(0.01, m.MaxDrawdown, Tolerance);
        double dd1 = 1 - (0.99 * 1.01); // equity 0.9999, still below the starting peak
        Assert.Equal(Math.Sqrt(((0.01 * 0.01) + (dd1 * dd1) + 0) / 3), m.UlcerIndex, Tolerance);
    }

    [Fact]
    public void Max_drawdown_and_ulcer_index_follow_the_running_peak()
    {
        // Equity 1, 1.10, 0.99, 1.045, 1.21, 0.968: drawdowns 0, 0, 0.1, 0.05, 0, 0.2.
        var m = LongOnly([0.10, -0.10, 0.0555555555555556, 0.1578947368421053, -0.2]).Metrics;

        Assert.Equal(0.2, m.MaxDrawdown, 1e-9);
        Assert.Equal(Math.Sqrt(((0.1 * 0.1) + (0.05 * 0.05) + (0.2 * 0.2)) / 6), m.UlcerIndex, 1e-9);
    }

    [Fact]
    public void Ratios_with_nothing_to_divide_by_follow_the_contract()
    {
        // One winning round trip and no loser: profit factor +infinity; no drawdown: calmar +infinity.
        var bars = TestBars.FromCloses(100, 110, 120);
        var m = BacktestSimulator.Run(bars, new sbyte[] { 1, 1, 0 }, CloseNoCosts).Metrics;

        Assert.Equal(1, m.Trades);
        Assert.Equal(1, m.WinRate);
        Assert.Equal(double.PositiveInfinity, m.ProfitFactor);
        Assert.Equal(0, m.MaxDrawdown);
        Assert.Equal(double.PositiveInfinity, m.Calmar);
        Assert.Equal(0.2, m.AvgTrade, Tolerance);
    }

    [Fact]
    public void A_flat_backtest_has_zero_metrics_not_nan()
    {
        var bars = TestBars.FromCloses(100, 101, 99, 102);
        var m = BacktestSimulator.Run(bars, new sbyte[4], new BacktestSettings { CommissionBps = 10, SlippageBps = 5 }).Metrics;

        foreach (var (name, value) in m.Named())
        {
            Assert.True(value == 0, $"{name} = {value}");
        }
    }

    [Fact]
    public void Cagr_compounds_the_total_return_over_calendar_years()
    {
        // Two daily bars a year apart (365.25 days), +21%: cagr 21%. Then two years: 10%.
        long year = (long)(365.25 * TestBars.MicrosecondsPerDay);
        double[] close = [100, 121];
        var oneYear = new Bars.BarSeries("X", [0, year], close, close, close, close, new double[2]);
        var twoYears = new Bars.BarSeries("X", [0, 2 * year], close, close, close, close, new double[2]);

        Assert.Equal(0.21, BacktestSimulator.Run(oneYear, new sbyte[] { 1, 1 }, CloseNoCosts).Metrics.Cagr, Tolerance);
        Assert.Equal(0.10, BacktestSimulator.Run(twoYears, new sbyte[] { 1, 1 }, CloseNoCosts).Metrics.Cagr, Tolerance);
    }

    [Fact]
    public void An_explicit_periods_per_year_overrides_the_inferred_one_in_annualised_metrics()
    {
        var daily = LongOnly(FortyReturns);
        var hourly = LongOnly(FortyReturns, periodsPerYear: 8766);

        Assert.Equal(252, daily.PeriodsPerYear);
        Assert.Equal(8766, hourly.PeriodsPerYear);
        Assert.Equal(daily.Metrics.Sharpe * Math.Sqrt(8766.0 / 252), hourly.Metrics.Sharpe, 1e-9);
        Assert.Equal(daily.Metrics.Volatility * Math.Sqrt(8766.0 / 252), hourly.Metrics.Volatility, 1e-9);
    }

    /// <summary>Always long at the close with no costs over closes that compound the given returns.</summary>
    private static BacktestResult LongOnly(double[] returns, double? periodsPerYear = null)
    {
        var close = new double[returns.Length + 1];
        close[0] = 100;
        for (int t = 0; t < returns.Length; t++)
        {
            close[t + 1] = close[t] * (1 + returns[t]);
        }

        // Weekday timestamps (Monday onwards, five bars a week) so that 252 is inferred.
        var ts = new long[close.Length];
        for (int i = 0, day = 0; i < close.Length; day++)
        {
            if (day % 7 < 5)
            {
                ts[i++] = TestBars.Start + (day * TestBars.MicrosecondsPerDay);
            }
        }

        var bars = new Bars.BarSeries("X", ts, close, close, close, close, new double[close.Length]);
        var positions = Enumerable.Repeat((sbyte)1, close.Length).ToArray();
        return BacktestSimulator.Run(bars, positions, CloseNoCosts with { PeriodsPerYear = periodsPerYear });
    }
}
