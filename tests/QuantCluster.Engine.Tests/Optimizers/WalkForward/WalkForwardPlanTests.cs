using QuantCluster.Contracts;
using QuantCluster.Engine.Optimizers.WalkForward;
using QuantCluster.Engine.Strategies;
using QuantCluster.Engine.Tests.Support;

namespace QuantCluster.Engine.Tests.Optimizers.WalkForward;

public sealed class WalkForwardPlanTests
{
    private const long Day = 86_400_000_000;

    private static long[] Daily(int count) => TestBars.Timestamps(count, Day);

    [Fact]
    public void Rolling_folds_in_bars_move_by_the_step_and_keep_their_length()
    {
        var folds = WalkForwardPlan.Folds(Daily(100), new WalkForwardSettings { InSample = WindowLength.OfBars(40), OutOfSample = WindowLength.OfBars(20) });

        Assert.Equal(
            [new FoldWindow(0, 0, 40, 40, 60), new FoldWindow(1, 20, 60, 60, 80), new FoldWindow(2, 40, 80, 80, 100)],
            folds);
    }

    [Fact]
    public void Anchored_folds_all_start_at_the_first_bar()
    {
        var folds = WalkForwardPlan.Folds(Daily(100), new WalkForwardSettings { InSample = WindowLength.OfBars(40), OutOfSample = WindowLength.OfBars(20), Anchored = true });

        Assert.All(folds, f => Assert.Equal(0, f.InSampleStart));
        Assert.Equal([40, 60, 80], folds.Select(f => f.InSampleEnd));
    }

    [Fact]
    public void Calendar_windows_follow_the_timestamps_not_the_bar_count()
    {
        // Weekdays only: 30 calendar days hold about 22 bars.
        var weekdays = Enumerable.Range(0, 400).Select(d => TestBars.Start + (d * Day)).Where(t => (int)DateTime.UnixEpoch.AddTicks(t * 10).DayOfWeek is not (0 or 6)).ToArray();

        var folds = WalkForwardPlan.Folds(weekdays, new WalkForwardSettings { InSample = WindowLength.Parse("180d", "--in-sample"), OutOfSample = WindowLength.Parse("30d", "--out-of-sample") });

        Assert.Equal(7, folds.Count);
        foreach (var fold in folds)
        {
            // Windows are laid from the first bar's time: [from, from + 180d) in sample, then 30 days out of sample.
            long from = weekdays[0] + (fold.Index * 30 * Day), to = from + (180 * Day);
            Assert.True(weekdays[fold.InSampleStart] >= from && (fold.InSampleStart == 0 || weekdays[fold.InSampleStart - 1] < from));
            Assert.True(weekdays[fold.InSampleEnd - 1] < to && weekdays[fold.InSampleEnd] >= to);
            Assert.True(weekdays[fold.OutOfSampleEnd - 1] < to + (30 * Day));
            Assert.InRange(fold.OutOfSampleBars, 20, 23);
        }

        Assert.Equal(folds.Select(f => f.OutOfSampleStart).Skip(1), folds.Select(f => f.OutOfSampleEnd).SkipLast(1));
    }

    [Fact]
    public void A_fold_count_splits_the_bars_after_the_first_in_sample_window()
    {
        var folds = WalkForwardPlan.Folds(Daily(1000), new WalkForwardSettings { Folds = 6 });

        Assert.Equal(6, folds.Count);
        Assert.Equal(400, folds[0].InSampleBars);
        Assert.All(folds, f => Assert.Equal(100, f.OutOfSampleBars));
        Assert.Equal(1000, folds[^1].OutOfSampleEnd);
    }

    [Theory]
    [InlineData("400d", "30d", null, "hold no whole fold")]
    [InlineData("40", "20", "10", "shorter than --out-of-sample")]
    [InlineData("1", "20", null, "at least 2")]
    public void Windows_that_do_not_fit_the_bars_are_refused_with_what_to_change(string inSample, string outOfSample, string? step, string message)
    {
        var settings = new WalkForwardSettings
        {
            InSample = WindowLength.Parse(inSample, "--in-sample"),
            OutOfSample = WindowLength.Parse(outOfSample, "--out-of-sample"),
            Step = step is null ? null : WindowLength.Parse(step, "--step"),
        };

        var e = Assert.Throws<StrategyParameterException>(() => WalkForwardPlan.Folds(Daily(300), settings));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("180d", 180 * 24)]
    [InlineData("12h", 12)]
    [InlineData("2w", 14 * 24)]
    public void Lengths_read_calendar_units(string text, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), WindowLength.Parse(text, "--in-sample").Time);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3d")]
    [InlineData("soon")]
    public void A_length_that_is_neither_bars_nor_time_is_refused(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => WindowLength.Parse(text, "--in-sample"));

        Assert.Contains("--in-sample", e.Message, StringComparison.Ordinal);
    }
}
