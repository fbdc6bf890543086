using System.Globalization;
using QuantCluster.Engine.Bars;

namespace QuantCluster.Data.Validation;

/// <summary>
/// The data-quality rules every bar meets before it is stored or backtested (ARCHITECTURE.md,
/// "Data"): strictly increasing timestamps, finite prices, low &lt;= open, close &lt;= high, and
/// a volume that is non-negative and finite where present (NaN means the bar has no volume). One pass with no allocation until a bar fails, so it costs little next to
/// reading the bars.
/// </summary>
public static class BarValidator
{
    /// <summary>Throws a <see cref="BarDataException"/> naming the first bad row (1-based) and why it is bad.</summary>
    public static void Validate(BarSeries bars)
    {
        if (FindViolation(bars) is { } violation)
        {
            throw BarDataException.AtRow(bars.Symbol, violation.Row + 1, violation.Reason);
        }
    }

    /// <summary>The first bar that breaks a rule, or null when every bar keeps them all.</summary>
    public static BarViolation? FindViolation(BarSeries bars) =>
        FindViolation(bars.Timestamps, bars.Open, bars.High, bars.Low, bars.Close, bars.Volume);

    /// <summary>The first bar of the columns (all the same length) that breaks a rule, or null.</summary>
    public static BarViolation? FindViolation(
        ReadOnlySpan<long> timestamps, ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, ReadOnlySpan<double> volume)
    {
        int n = timestamps.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException("Every bar column must have the same length.");
        }

        for (int i = 0; i < n; i++)
        {
            double o = open[i], h = high[i], l = low[i], c = close[i], v = volume[i];

            // NaN fails every comparison; with open and close between low and high, a finite high and
            // low make them finite too. A NaN volume is a missing one, which is allowed.
            bool sound = l <= o && o <= h && l <= c && c <= h && !(v < 0)
                && double.IsFinite(h) && double.IsFinite(l) && !double.IsInfinity(v)
                && (i == 0 || timestamps[i] > timestamps[i - 1]);
            if (!sound)
            {
                return new BarViolation(i, Describe(timestamps, i, o, h, l, c, v));
            }
        }

        return null;
    }

    private static string Describe(ReadOnlySpan<long> timestamps, int i, double open, double high, double low, double close, double volume)
    {
        string? notFinite = NotFinite("open", open) ?? NotFinite("high", high) ?? NotFinite("low", low)
            ?? NotFinite("close", close) ?? (double.IsNaN(volume) ? null : NotFinite("volume", volume));
        if (notFinite is not null)
        {
            return notFinite;
        }

        if (i > 0 && timestamps[i] <= timestamps[i - 1])
        {
            string previous = Time(timestamps[i - 1]);
            return timestamps[i] == timestamps[i - 1]
                ? $"timestamp {previous} repeats the previous row's"
                : $"timestamp {Time(timestamps[i])} is before the previous row's {previous} (timestamps must be strictly increasing)";
        }

        return high < low ? $"high {Text(high)} is below low {Text(low)}"
            : open > high ? $"high {Text(high)} is below open {Text(open)}"
            : open < low ? $"low {Text(low)} is above open {Text(open)}"
            : close > high ? $"high {Text(high)} is below close {Text(close)}"
            : close < low ? $"low {Text(low)} is above close {Text(close)}"
            : $"volume {Text(volume)} is negative";
    }

    private static string? NotFinite(string field, double value) =>
        double.IsNaN(value) ? $"{field} is NaN"
        : double.IsInfinity(value) ? $"{field} is {(value > 0 ? "+" : "-")}infinity"
        : null;

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(long microseconds) =>
        UtcMicroseconds.IsDateTime(microseconds) ? UtcMicroseconds.Format(microseconds) : $"{UtcMicroseconds.Format(microseconds)} µs since 1970-01-01";
}
