using QuantCluster.Engine.Metrics;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Metrics;

public sealed class PeriodsPerYearTests
{
    private const long Hour = TestBars.MicrosecondsPerDay / 24;

    [Fact]
    public void Daily_bars_on_weekdays_only_are_252_trading_days_a_year()
    {
        var ts = Enumerable.Range(0, 400)
            .Select(d => TestBars.Start + (d * TestBars.MicrosecondsPerDay))
            .Where(t => DateTime.UnixEpoch.AddTicks(t * 10).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToArray();

        Assert.Equal(252, PeriodsPerYear.Infer(ts));
    }

    [Fact]
    public void Daily_bars_every_day_of_the_week_are_365_25_a_year()
    {
        Assert.Equal(365.25, PeriodsPerYear.Infer(TestBars.Timestamps(400, TestBars.MicrosecondsPerDay)), 1e-9);
    }

    [Fact]
    public void Hourly_bars_around_the_clock_are_8766_a_year()
    {
        Assert.Equal(8766, PeriodsPerYear.Infer(TestBars.Timestamps(2000, Hour)), 1e-9);
    }

    [Fact]
    public void Real_GOOG_daily_bars_are_252_and_EURUSD_hourly_bars_8766_a_year()
    {
        Assert.Equal(252, PeriodsPerYear.Infer(MarketData.Goog.Timestamps));
        Assert.Equal(8766, PeriodsPerYear.Infer(MarketData.EurUsd.Timestamps), 1e-9);
    }

    [Fact]
    public void Fewer_than_two_bars_fall_back_to_252()
    {
        Assert.Equal(252, PeriodsPerYear.Infer([]));
        Assert.Equal(252, PeriodsPerYear.Infer([TestBars.Start]));
    }
}
