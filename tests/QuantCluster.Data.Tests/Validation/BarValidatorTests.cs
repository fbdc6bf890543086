using QuantCluster.Data.Validation;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Tests.Validation;

public class BarValidatorTests
{
    private const long Day = 86_400_000_000;

    [Fact]
    public void Accepts_sound_bars_including_flat_bars_and_zero_volume()
    {
        var bars = Series((100, 104, 99, 103, 10), (103, 103, 103, 103, 0), (103, 105, 102, 102, 7));

        BarValidator.Validate(bars);
        Assert.Null(BarValidator.FindViolation(bars));
    }

    [Theory]
    [InlineData(100, 104, 99, 103, -1, "volume -1 is negative")]
    [InlineData(98.5, 104, 99, 103, 10, "low 99 is above open 98.5")]
    [InlineData(100, 104, 99, 98, 10, "low 99 is above close 98")]
    [InlineData(105, 104, 99, 103, 10, "high 104 is below open 105")]
    [InlineData(100, 101.2, 99, 103.5, 10, "high 101.2 is below close 103.5")]
    [InlineData(100, 98, 99, 98.5, 10, "high 98 is below low 99")]
    public void Rejects_a_bar_whose_prices_are_inconsistent_or_whose_volume_is_negative(double open, double high, double low, double close, double volume, string reason)
    {
        var bars = Series((100, 104, 99, 103, 10), (open, high, low, close, volume));

        Assert.Equal(new BarViolation(1, reason), BarValidator.FindViolation(bars));
    }

    [Theory]
    [InlineData(0, "open")]
    [InlineData(1, "high")]
    [InlineData(2, "low")]
    [InlineData(3, "close")]
    public void Rejects_NaN_and_infinity_in_every_price(int field, string name)
    {
        Assert.Equal($"{name} is NaN", Reason(field, double.NaN));
        Assert.Equal($"{name} is +infinity", Reason(field, double.PositiveInfinity));
        Assert.Equal($"{name} is -infinity", Reason(field, double.NegativeInfinity));
    }

    [Fact]
    public void Accepts_a_NaN_volume_as_a_missing_one_but_refuses_an_infinite_or_negative_one()
    {
        Assert.Null(Reason(4, double.NaN));
        Assert.Equal("volume is +infinity", Reason(4, double.PositiveInfinity));
        Assert.Equal("volume -1 is negative", Reason(4, -1));
    }

    [Fact]
    public void Rejects_a_repeated_timestamp()
    {
        var bars = Series([0, Day, Day], (100, 104, 99, 103, 10), (100, 104, 99, 103, 10), (100, 104, 99, 103, 10));

        Assert.Equal(new BarViolation(2, "timestamp 1970-01-02T00:00:00Z repeats the previous row's"), BarValidator.FindViolation(bars));
    }

    [Fact]
    public void Rejects_a_timestamp_earlier_than_the_one_before_it()
    {
        var bars = Series([Day, Day + 1_500_000, Day + 500_000], (100, 104, 99, 103, 10), (100, 104, 99, 103, 10), (100, 104, 99, 103, 10));

        Assert.Equal(
            "timestamp 1970-01-02T00:00:00.5Z is before the previous row's 1970-01-02T00:00:01.5Z (timestamps must be strictly increasing)",
            BarValidator.FindViolation(bars)?.Reason);
    }

    [Fact]
    public void Reports_the_first_bad_row_numbered_from_one_with_the_symbol()
    {
        var bars = Series((100, 104, 99, 103, 10), (100, 104, 99, 103, 10), (100, 101.2, 99, 103.5, 10), (100, 104, 99, 103, -5));

        var error = Assert.Throws<BarDataException>(() => BarValidator.Validate(bars));

        Assert.Equal("TEST row 3: high 101.2 is below close 103.5", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Equal("high 101.2 is below close 103.5", error.Reason);
    }

    [Fact]
    public void Checks_raw_columns_of_the_same_length_only()
    {
        Assert.Throws<ArgumentException>(() => BarValidator.FindViolation([0, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1]));
    }

    [Fact]
    public void Accepts_an_empty_series()
    {
        Assert.Null(BarValidator.FindViolation([], [], [], [], [], []));
    }

    private static string? Reason(int field, double value)
    {
        var bar = new[] { 100, 104, 99, 103, 10.0 };
        bar[field] = value;
        return BarValidator.FindViolation(Series((bar[0], bar[1], bar[2], bar[3], bar[4])))?.Reason;
    }

    private static BarSeries Series(params (double Open, double High, double Low, double Close, double Volume)[] bars) =>
        Series(Enumerable.Range(0, bars.Length).Select(i => i * Day).ToArray(), bars);

    private static BarSeries Series(long[] timestamps, params (double Open, double High, double Low, double Close, double Volume)[] bars) =>
        new(
            "TEST",
            timestamps,
            bars.Select(b => b.Open).ToArray(),
            bars.Select(b => b.High).ToArray(),
            bars.Select(b => b.Low).ToArray(),
            bars.Select(b => b.Close).ToArray(),
            bars.Select(b => b.Volume).ToArray());
}
