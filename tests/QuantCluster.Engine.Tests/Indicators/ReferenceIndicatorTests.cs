using QuantCluster.Engine.Indicators;
using QuantCluster.Engine.Tests.Support;
using static QuantCluster.Engine.Tests.Indicators.IndicatorFixtures;

namespace QuantCluster.Engine.Tests.Indicators;

/// <summary>
/// Every indicator against an independent implementation on real bars (GOOG daily, EURUSD hourly):
/// technicalindicators 3.1.0 where it has the indicator, DuckDB window functions where it does not.
/// Every defined value is compared and the warm-up (leading NaN) length must match exactly.
/// </summary>
public sealed class ReferenceIndicatorTests
{
    /// <summary>Both implementations are exact up to rounding; 1e-9 leaves room for summation order only.</summary>
    private const double Relative = 1e-9;

    /// <summary>technicalindicators always rounds RSI with toFixed(2).</summary>
    private const double RsiRounding = 0.005 + 1e-9;

    public static TheoryData<string, string> SmaCases => Cases("sma");

    public static TheoryData<string, string> EmaCases => Cases("ema");

    public static TheoryData<string, string> WmaCases => Cases("wma");

    public static TheoryData<string, string> RsiCases => Cases("rsi");

    public static TheoryData<string, string> AtrCases => Cases("atr");

    public static TheoryData<string, string> StdDevCases => Cases("stddev");

    public static TheoryData<string, string> BollingerCases => Cases("bollinger");

    public static TheoryData<string, string> MacdCases => Cases("macd");

    public static TheoryData<string, string> DonchianCases => Cases("donchian");

    public static TheoryData<string, string> ZScoreCases => Cases("zscore");

    [Theory]
    [MemberData(nameof(SmaCases))]
    public void Sma_matches_technicalindicators_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("sma", symbol, parameters);
        var actual = Sma.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"));
        AssertMatches($"SMA {symbol} {parameters}", fixture, "value", actual, Relative);
    }

    [Theory]
    [MemberData(nameof(EmaCases))]
    public void Ema_matches_technicalindicators_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("ema", symbol, parameters);
        var actual = Ema.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"));
        AssertMatches($"EMA {symbol} {parameters}", fixture, "value", actual, Relative);
    }

    [Theory]
    [MemberData(nameof(WmaCases))]
    public void Wma_matches_technicalindicators_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("wma", symbol, parameters);
        var actual = Wma.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"));
        AssertMatches($"WMA {symbol} {parameters}", fixture, "value", actual, Relative);
    }

    [Theory]
    [MemberData(nameof(RsiCases))]
    public void Rsi_matches_technicalindicators_to_its_two_decimals_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("rsi", symbol, parameters);
        var actual = Rsi.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"));
        AssertMatches($"RSI {symbol} {parameters}", fixture, "value", actual, 0, absolute: RsiRounding);
    }

    [Theory]
    [MemberData(nameof(AtrCases))]
    public void Atr_matches_technicalindicators_on_real_bars(string symbol, string parameters)
    {
        var fixture = Find("atr", symbol, parameters);
        var bars = MarketData.Load(symbol);
        var actual = Atr.Compute(bars.High, bars.Low, bars.Close, fixture.Integer("period"));
        AssertMatches($"ATR {symbol} {parameters}", fixture, "value", actual, Relative);
    }

    [Theory]
    [MemberData(nameof(StdDevCases))]
    public void Rolling_standard_deviation_matches_technicalindicators_SD_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("stddev", symbol, parameters);
        var actual = RollingStandardDeviation.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"));
        AssertMatches($"SD {symbol} {parameters}", fixture, "value", actual, Relative);
    }

    [Theory]
    [MemberData(nameof(BollingerCases))]
    public void Bollinger_bands_match_technicalindicators_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("bollinger", symbol, parameters);
        var bands = BollingerBands.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"), fixture.Parameters["width"]);
        string what = $"Bollinger {symbol} {parameters}";
        AssertMatches(what, fixture, "middle", bands.Middle, Relative);
        AssertMatches(what, fixture, "upper", bands.Upper, Relative);
        AssertMatches(what, fixture, "lower", bands.Lower, Relative);
    }

    [Theory]
    [MemberData(nameof(MacdCases))]
    public void Macd_matches_technicalindicators_with_ema_oscillator_and_signal_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("macd", symbol, parameters);
        var close = MarketData.Load(symbol).Close;
        var macd = Macd.Compute(close, fixture.Integer("fast"), fixture.Integer("slow"), fixture.Integer("signal"));

        // The line is a difference of two averages of the price: its rounding error scales with the
        // price, not with the (often near zero) difference.
        double scale = close.Average();
        string what = $"MACD {symbol} {parameters}";
        AssertMatches(what, fixture, "line", macd.Line, Relative, scale);
        AssertMatches(what, fixture, "signal", macd.Signal, Relative, scale);
        AssertMatches(what, fixture, "histogram", macd.Histogram, Relative, scale);
    }

    [Theory]
    [MemberData(nameof(DonchianCases))]
    public void Donchian_channel_equals_duckdb_window_max_and_min_on_real_bars(string symbol, string parameters)
    {
        var fixture = Find("donchian", symbol, parameters);
        var bars = MarketData.Load(symbol);
        var channel = DonchianChannel.Compute(bars.High, bars.Low, fixture.Integer("period"));
        string what = $"Donchian {symbol} {parameters}";
        AssertMatches(what, fixture, "upper", channel.Upper, 0);
        AssertMatches(what, fixture, "lower", channel.Lower, 0);
    }

    [Theory]
    [MemberData(nameof(ZScoreCases))]
    public void ZScore_matches_duckdb_avg_and_stddev_pop_on_real_closes(string symbol, string parameters)
    {
        var fixture = Find("zscore", symbol, parameters);
        var actual = ZScore.Compute(MarketData.Load(symbol).Close, fixture.Integer("period"));
        AssertMatches($"z-score {symbol} {parameters}", fixture, "value", actual, Relative, scale: 1);
    }
}
