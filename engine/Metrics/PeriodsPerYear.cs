using QuantCluster.Engine.Bars;

namespace QuantCluster.Engine.Metrics;

/// <summary>
/// Bars per year from the bar spacing: markets trade 24/7 unless the bars say otherwise. Daily
/// bars with no weekend bars are exchange trading days (252 a year).
/// </summary>
public static class PeriodsPerYear
{
    public const double TradingDays = 252;

    private const long MicrosecondsPerDay = 86_400_000_000;

    public static double Infer(ReadOnlySpan<long> timestamps)
    {
        if (timestamps.Length < 2)
        {
            return TradingDays;
        }

        // The median spacing ignores weekends, holidays and gaps.
        int samples = Math.Min(timestamps.Length - 1, 10_000);
        var spacing = new long[samples];
        int stride = (timestamps.Length - 1) / samples;
        for (int i = 0; i < samples; i++)
        {
            spacing[i] = timestamps[(i * stride) + 1] - timestamps[i * stride];
        }

        Array.Sort(spacing);
        long median = spacing[samples / 2];
        if (median <= 0)
        {
            return TradingDays;
        }

        if (median >= MicrosecondsPerDay * 20 / 24 && median <= MicrosecondsPerDay * 28 / 24 && !HasWeekendBars(timestamps))
        {
            return TradingDays;
        }

        return 365.25 * MicrosecondsPerDay / median;
    }

    private static bool HasWeekendBars(ReadOnlySpan<long> timestamps)
    {
        foreach (long ts in timestamps)
        {
            var day = UtcMicroseconds.ToDateTime(ts).DayOfWeek;
            if (day is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                return true;
            }
        }

        return false;
    }
}
