using QuantCluster.Contracts;
using QuantCluster.Engine.Bars;
using QuantCluster.Engine.Strategies;

namespace QuantCluster.Engine.Optimizers.WalkForward;

/// <summary>Cuts a series into walk-forward folds (see <see cref="WalkForwardSettings"/>).</summary>
public static class WalkForwardPlan
{
    /// <summary>Folds a walk-forward may have: beyond this a step is a typo.</summary>
    public const int MaxFolds = 1000;

    private const int MinWindowBars = 2;
    private const int DefaultInSampleRatio = 4;

    /// <exception cref="StrategyParameterException">The windows do not fit the bars, or make no sense; the message says what to change.</exception>
    public static IReadOnlyList<FoldWindow> Folds(ReadOnlySpan<long> timestamps, WalkForwardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int count = timestamps.Length;
        var folds = settings.Folds > 0 ? ByCount(timestamps, settings) : ByWindows(timestamps, settings);
        if (folds.Count == 0)
        {
            throw new StrategyParameterException(
                $"The {count:N0} bars ({Span(timestamps)}) hold no whole fold of {settings.InSample} in sample and {settings.OutOfSample} out of sample; shorten the windows or give more bars.");
        }

        if (folds.Count > MaxFolds)
        {
            throw new StrategyParameterException($"The windows cut the bars into {folds.Count:N0} folds; a walk-forward takes at most {MaxFolds:N0}. Use a longer step.");
        }

        var thin = folds.FirstOrDefault(f => f.InSampleBars < MinWindowBars || f.OutOfSampleBars < MinWindowBars);
        if (thin is not null)
        {
            throw new StrategyParameterException(
                $"Fold {thin.Index + 1} has {thin.InSampleBars:N0} in-sample and {thin.OutOfSampleBars:N0} out-of-sample bars; each window needs at least {MinWindowBars}. Lengthen the windows.");
        }

        return folds;
    }

    private static List<FoldWindow> ByCount(ReadOnlySpan<long> timestamps, WalkForwardSettings settings)
    {
        if (settings.OutOfSample is not null || settings.Step is not null)
        {
            throw new StrategyParameterException("--folds sizes the out-of-sample windows itself; give either --folds (with an optional --in-sample) or --out-of-sample and --step.");
        }

        int count = timestamps.Length;
        int inSample = settings.InSample is { } given
            ? End(timestamps, 0, given)
            : (int)((long)count * DefaultInSampleRatio / (settings.Folds + DefaultInSampleRatio));
        int outOfSample = (count - inSample) / settings.Folds;
        if (inSample < MinWindowBars || outOfSample < MinWindowBars)
        {
            throw new StrategyParameterException(
                $"{count:N0} bars cannot be cut into {settings.Folds:N0} folds with {Math.Max(inSample, 0):N0} in-sample bars; ask for fewer folds or give more bars.");
        }

        var folds = new List<FoldWindow>(settings.Folds);
        for (int k = 0; k < settings.Folds; k++)
        {
            int oosStart = inSample + k * outOfSample;
            folds.Add(new FoldWindow(k, settings.Anchored ? 0 : k * outOfSample, oosStart, oosStart, oosStart + outOfSample));
        }

        return folds;
    }

    private static List<FoldWindow> ByWindows(ReadOnlySpan<long> timestamps, WalkForwardSettings settings)
    {
        if (settings.InSample is not { } inSample || settings.OutOfSample is not { } outOfSample)
        {
            throw new StrategyParameterException("A walk-forward needs --in-sample and --out-of-sample lengths (e.g. 180d and 30d), or --folds N.");
        }

        if (inSample.IsTime != outOfSample.IsTime)
        {
            throw new StrategyParameterException($"--in-sample {inSample} and --out-of-sample {outOfSample} are in different units; give both in bars or both in time.");
        }

        var step = settings.Step ?? outOfSample;
        if (step.IsTime != outOfSample.IsTime || (step.IsTime ? step.Time < outOfSample.Time : step.Bars < outOfSample.Bars))
        {
            throw new StrategyParameterException(
                $"--step {step} is shorter than --out-of-sample {outOfSample}, or in other units: out-of-sample windows would overlap. Give a step at least as long, in the same units.");
        }

        var folds = new List<FoldWindow>();
        int count = timestamps.Length;
        for (int k = 0; k <= MaxFolds; k++)
        {
            var fold = inSample.IsTime
                ? ByCalendar(timestamps, k, Micros(inSample), Micros(outOfSample), Micros(step), settings.Anchored)
                : ByBars(count, k, inSample.Bars, outOfSample.Bars, step.Bars, settings.Anchored);
            if (fold is null)
            {
                break;
            }

            folds.Add(fold);
        }

        return folds;
    }

    private static FoldWindow? ByBars(int count, int k, int inSample, int outOfSample, int step, bool anchored)
    {
        long shift = (long)k * step, oosEnd = shift + inSample + outOfSample;
        return oosEnd <= count ? new FoldWindow(k, anchored ? 0 : (int)shift, (int)(shift + inSample), (int)(shift + inSample), (int)oosEnd) : null;
    }

    /// <summary>
    /// Windows of calendar time laid from the first bar's time, so one fold's out-of-sample window ends
    /// where the next one's starts whatever bars the calendar holds; a fold is whole when the bars reach
    /// its end, give or take one bar's spacing.
    /// </summary>
    private static FoldWindow? ByCalendar(ReadOnlySpan<long> timestamps, int k, long inSample, long outOfSample, long step, bool anchored)
    {
        long from = timestamps[0] + (k * step), inSampleTo = from + inSample, outOfSampleTo = inSampleTo + outOfSample;
        long spacing = timestamps.Length > 1 ? (timestamps[^1] - timestamps[0]) / (timestamps.Length - 1) : 0;
        if (outOfSampleTo > timestamps[^1] + spacing)
        {
            return null;
        }

        int oosStart = LowerBound(timestamps, inSampleTo);
        return new FoldWindow(k, anchored ? 0 : LowerBound(timestamps, from), oosStart, oosStart, LowerBound(timestamps, outOfSampleTo));
    }

    private static long Micros(WindowLength length) => length.Time.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>The end (exclusive) of a window of <paramref name="length"/> from bar <paramref name="start"/>; -1 when the bars end before it does.</summary>
    private static int End(ReadOnlySpan<long> timestamps, int start, WindowLength length)
    {
        int count = timestamps.Length;
        if (start >= count)
        {
            return -1;
        }

        if (!length.IsTime)
        {
            return (long)start + length.Bars <= count ? start + length.Bars : -1;
        }

        // A window of calendar time is whole when the bars reach its end, give or take one bar's spacing.
        long end = timestamps[start] + (length.Time.Ticks / TimeSpan.TicksPerMicrosecond);
        long spacing = count > 1 ? (timestamps[^1] - timestamps[0]) / (count - 1) : 0;
        return end <= timestamps[^1] + spacing ? LowerBound(timestamps, end) : -1;
    }

    private static int LowerBound(ReadOnlySpan<long> timestamps, long value)
    {
        int low = 0, high = timestamps.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (timestamps[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static string Span(ReadOnlySpan<long> timestamps) =>
        timestamps.Length == 0 ? "none" : $"{UtcMicroseconds.Format(timestamps[0])} to {UtcMicroseconds.Format(timestamps[^1])}";
}
