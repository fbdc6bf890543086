using QuantCluster.Data.Postgres;

namespace QuantCluster.Integration.Tests.Store;

public sealed class TimeframeTests
{
    [Theory]
    [InlineData("1s", 1, TimeframeUnit.Second, 1)]
    [InlineData("1m", 1, TimeframeUnit.Minute, 60)]
    [InlineData("5m", 5, TimeframeUnit.Minute, 300)]
    [InlineData("1h", 1, TimeframeUnit.Hour, 3600)]
    [InlineData("4h", 4, TimeframeUnit.Hour, 14_400)]
    [InlineData("1d", 1, TimeframeUnit.Day, 86_400)]
    [InlineData("1w", 1, TimeframeUnit.Week, 604_800)]
    public void A_count_and_a_unit_letter_parse_to_a_duration(string text, int count, TimeframeUnit unit, int seconds)
    {
        var timeframe = Timeframe.Parse(text);

        Assert.Equal((count, unit, TimeSpan.FromSeconds(seconds)), (timeframe.Count, timeframe.Unit, timeframe.Duration));
        Assert.Equal(text, timeframe.ToString());
    }

    [Fact]
    public void Leading_zeros_are_dropped_from_the_canonical_form() => Assert.Equal("15m", Timeframe.Parse("015m").ToString());

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("1")]
    [InlineData("0m")]
    [InlineData("-1m")]
    [InlineData("+1m")]
    [InlineData("1M")]
    [InlineData("1H")]
    [InlineData("1min")]
    [InlineData("1.5h")]
    [InlineData(" 1m")]
    [InlineData("1x")]
    [InlineData("100001m")]
    [InlineData("99999999999m")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(Timeframe.TryParse(text, out _));
        var error = Assert.Throws<ArgumentException>(() => Timeframe.Parse(text));
        Assert.Contains("e.g. 1m, 5m, 1h or 1d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_daily_timeframes_count_weekdays_only()
    {
        Assert.True(Timeframe.Parse("1d").CountsWeekdaysOnly);
        Assert.False(Timeframe.Parse("1h").CountsWeekdaysOnly);
        Assert.False(Timeframe.Parse("1w").CountsWeekdaysOnly);
    }
}
